// Prints vitest's result counts as one plain closing line ("Tests: N passed, N failed, N skipped").
import { readFileSync } from 'node:fs';

const r = JSON.parse(readFileSync(new URL('../test-results/vitest.json', import.meta.url), 'utf8'));
const skipped = r.numPendingTests + r.numTodoTests;
console.log(`Tests: ${r.numPassedTests} passed, ${r.numFailedTests} failed, ${skipped} skipped`);
