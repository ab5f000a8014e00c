/**
 * Builds the app once (vite build → dist-e2e/) and serves it with `vite preview` on a free port for every
 * browser test; the URL reaches the tests through vitest's provide/inject.
 */
import { resolve } from 'node:path';
import { build, preview, type PreviewServer } from 'vite';
import type { TestProject } from 'vitest/node';

declare module 'vitest' {
  export interface ProvidedContext {
    appUrl: string;
  }
}

const root = resolve(import.meta.dirname, '../..');
// E2E_OUT_DIR lets several builds (e.g. parallel developers) keep out of each other's way
const outDir = resolve(root, process.env.E2E_OUT_DIR ?? 'dist-e2e');

let server: PreviewServer | null = null;

/** Builds and serves the app; provides its URL. */
export async function setup(project: TestProject): Promise<void> {
  await build({ root, logLevel: 'warn', build: { outDir, emptyOutDir: true } });
  server = await preview({
    root,
    logLevel: 'warn',
    build: { outDir },
    preview: { port: 0, host: '127.0.0.1' },
  });
  const address = server.httpServer.address();
  const port = typeof address === 'object' && address ? address.port : 4173;
  project.provide('appUrl', `http://127.0.0.1:${port}/`);
}

/** Stops the server. */
export async function teardown(): Promise<void> {
  const s = server;
  server = null;
  if (s) await new Promise<void>((r) => s.httpServer.close(() => r()));
}
