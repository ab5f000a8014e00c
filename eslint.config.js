// Lint: typescript-eslint's recommended rules, plus the house's architecture as import rules:
// the pure core (envs/, src/core/, src/algos/) imports no DOM/UI/state/expression library, mathjs only in
// src/expr/, arrows point inward (render/ui never imported by app/state/core), and no import cycles.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import { importX } from 'eslint-plugin-import-x';

const uiLibs = ['pixi.js', 'pixi.js/*', 'zustand', 'zustand/*', 'immer'];

/** Restricts which project folders (and libraries) a folder may import. */
function layer(files, forbiddenDirs, forbiddenLibs, why) {
  return {
    files,
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: forbiddenLibs.filter((l) => !l.includes('*')).map((name) => ({ name, message: why })),
          patterns: [
            ...forbiddenLibs.filter((l) => l.includes('*')).map((g) => ({ group: [g], message: why })),
            ...forbiddenDirs.map((d) => ({ group: [`**/${d}/*`, `**/${d}`], message: why })),
          ],
        },
      ],
    },
  };
}

export default tseslint.config(
  { ignores: ['dist/**', 'dist-e2e*/**', '.scratch/**', 'node_modules/**', 'test-results/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    plugins: { 'import-x': importX },
    languageOptions: { ecmaVersion: 2022, sourceType: 'module' },
    settings: { 'import-x/resolver': { node: { extensions: ['.ts', '.js'] } } },
    rules: {
      'import-x/no-cycle': ['error', { ignoreExternal: true }],
      'no-restricted-syntax': [
        'error',
        {
          selector: "MemberExpression[object.name='Math'][property.name='random']",
          message: 'Use the seeded Rng (src/core/random.ts).',
        },
        { selector: 'ExportDefaultDeclaration', message: 'Named exports only.' },
      ],
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  {
    files: ['.ci/**/*.mjs'],
    languageOptions: { globals: { console: 'readonly', URL: 'readonly', process: 'readonly' } },
  },
  {
    files: ['*.config.ts', '*.config.js'],
    rules: { 'no-restricted-syntax': 'off' },
  },
  layer(
    ['envs/**/*.ts', 'src/core/**/*.ts'],
    ['algos', 'expr', 'state', 'app', 'render', 'ui', 'cli'],
    [...uiLibs, 'mathjs'],
    'envs/ and src/core/ are the pure centre: they import only each other.',
  ),
  layer(
    ['src/algos/**/*.ts'],
    ['expr', 'state', 'app', 'render', 'ui', 'cli'],
    [...uiLibs, 'mathjs'],
    'src/algos/ is pure: it may import src/core/ and envs/ only.',
  ),
  layer(
    ['src/expr/**/*.ts'],
    ['algos', 'state', 'app', 'render', 'ui', 'cli'],
    uiLibs,
    'src/expr/ compiles expressions; it depends on src/core/ only.',
  ),
  layer(
    ['src/state/**/*.ts'],
    ['app', 'render', 'ui', 'cli'],
    ['pixi.js', 'pixi.js/*', 'mathjs'],
    'src/state/ is plain data: no rendering, no live run.',
  ),
  layer(
    ['src/app/**/*.ts'],
    ['render', 'ui', 'cli'],
    ['mathjs'],
    'src/app/ owns the run; views depend on it, not the reverse.',
  ),
  layer(['src/render/**/*.ts'], ['ui', 'cli'], ['mathjs'], 'src/render/ draws; it does not import controls.'),
  layer(
    ['src/ui/**/*.ts'],
    ['render', 'cli'],
    ['pixi.js', 'pixi.js/*', 'mathjs'],
    'src/ui/ is DOM controls that talk to the store.',
  ),
  layer(
    ['src/cli/**/*.ts'],
    ['state', 'app', 'render', 'ui'],
    [...uiLibs],
    'src/cli/ is the Node entry: core, algos, envs, expr only.',
  ),
);
