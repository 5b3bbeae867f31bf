// @ts-check
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import prettier from 'eslint-config-prettier';
import globals from 'globals';

/** Node built-ins and packages that do I/O: none of them may reach the pure domain layer. */
const ioModules = [
  'node:*',
  'fs',
  'path',
  'os',
  'net',
  'http',
  'https',
  'child_process',
  'worker_threads',
  'better-sqlite3',
  'drizzle-orm',
  'drizzle-orm/*',
  'fastify',
  'electron',
];

/** Folders of main/ that are capabilities: each is entered only through its index.ts. */
const capabilities = [
  'catalog',
  'appointments',
  'customers',
  'messaging',
  'payments',
  'connections',
  'demo',
];

const noElectron = { name: 'electron', message: 'Only main/index.ts may import electron.' };

/** Refuses a path into a capability folder other than its index.ts, written from `prefix`. */
function capabilityDoor(prefix) {
  return {
    regex: `^${prefix}(${capabilities.join('|')})/(?!index\\.js$)`,
    message: 'Import a capability only through its index.ts.',
  };
}

export default tseslint.config(
  { ignores: ['node_modules', 'dist', 'db/migrations', 'coverage'] },
  js.configs.recommended,
  ...tseslint.configs.strict,
  prettier,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', ignoreRestSiblings: true },
      ],
      '@typescript-eslint/consistent-type-imports': 'error',
    },
  },
  {
    // The receptionist UI and server mode's bridge run in a browser, not under Node.
    files: ['renderer/src/**/*.{ts,tsx}', 'preload/browser.ts'],
    languageOptions: { globals: { ...globals.browser } },
  },
  {
    // The renderer reaches the core only through the contract and the bridge on window.
    files: ['renderer/src/**/*.{ts,tsx}'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              regex: '^(\\.\\./)+(main|db|tests)/',
              message:
                'The renderer may import only the contract (preload/contract/index.ts) from outside renderer/.',
            },
            {
              regex: '^(\\.\\./)+preload/(?!contract/index\\.js$)',
              message:
                'The renderer may import only the contract (preload/contract/index.ts) from outside renderer/.',
            },
          ],
        },
      ],
    },
  },
  {
    // The booking widget runs in a browser on other businesses' sites: React's API on
    // preact/compat, nothing from the app or the desk UI, and no UI library (size budget).
    files: ['renderer/widget/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              regex: '^\\.\\./',
              message: 'The widget is self-contained: import only from renderer/widget/.',
            },
            {
              regex: '^@(mantine|tanstack)/',
              message: 'Too big for widget.js (70 KB gzip budget); write the small thing here.',
            },
          ],
        },
      ],
    },
  },
  {
    // A test that reads past an assertion it just made may say so with `!`.
    files: ['tests/**/*.ts'],
    rules: { '@typescript-eslint/no-non-null-assertion': 'off' },
  },
  {
    // A capability folder's index.ts is its only door: another folder may import only that, so
    // what a capability offers is written in one place and its files can change behind it.
    // Only the Electron shell may talk to Electron: everything else must run under plain Node.
    files: ['main/**/*.ts'],
    ignores: ['main/index.ts', 'main/*.ts', 'main/domain/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        { paths: [noElectron], patterns: [capabilityDoor('(\\.\\./)+')] },
      ],
    },
  },
  {
    // The hosts and the composition root at main/ reach capabilities as './<capability>/'.
    files: ['main/*.ts'],
    ignores: ['main/index.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        { paths: [noElectron], patterns: [capabilityDoor('\\./')] },
      ],
    },
  },
  {
    files: ['main/index.ts'],
    rules: { 'no-restricted-imports': ['error', { patterns: [capabilityDoor('\\./')] }] },
  },
  {
    files: ['main/domain/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ioModules,
              message: 'main/domain is pure: no I/O modules here.',
            },
            {
              regex: '^\\.\\./(?!domain/)',
              message: 'main/domain depends on nothing but itself.',
            },
          ],
        },
      ],
    },
  },
);
