import { builtinModules } from 'node:module';
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import officeAddins from 'eslint-plugin-office-addins';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';

// The layers (README "Layout"): the domain imports no other layer, the workbook only the domain,
// the CLI and the pane the domain and the workbook. A relative import is matched by the folder it
// reaches (`../workbook/port`, `../../cli/main`).
const folder = (...names) => ({
  regex: `^\\.{1,2}/(.*/)?(${names.join('|')})(/|$)`,
  message: `this layer must not import src/${names.join(', src/')} (README "Layout")`,
});
const packages = (names, why) => ({ group: names, message: why });

const UI = packages(
  ['react', 'react/**', 'react-dom', 'react-dom/**', '@fluentui/*', '@fluentui/**', '@tanstack/*'],
  'React and Fluent UI belong to src/taskpane only',
);
const OFFICE_GLOBALS = ['Excel', 'Office', 'OfficeExtension', 'OfficeRuntime'].map((name) => ({
  name,
  message: 'Office.js is reached only through src/workbook/office.ts (the port), never from here',
}));

/** The pure core: no other layer, no Office, React, ExcelJS, file or zip library, no Node API. */
const DOMAIN_IMPORTS = [
  folder('workbook', 'taskpane', 'cli', 'commands'),
  UI,
  packages(
    ['exceljs', 'exceljs/**', 'jszip', 'fflate', 'saxes', '@xmldom/*', 'office-js', '@microsoft/office-js'],
    "the domain is pure: files, zips and XML are the adapters' job (src/workbook)",
  ),
  {
    regex: `^(node:.*|(${builtinModules.map((m) => m.replace(/[/]/g, '\\/')).join('|')})(\\/.*)?)$`,
    message:
      'the domain is pure: no Node API (fs, path, process …); the CLI passes what it needs as arguments',
  },
];
const DOMAIN_GLOBALS = [
  ...OFFICE_GLOBALS,
  ...[
    'window',
    'document',
    'navigator',
    'localStorage',
    'sessionStorage',
    'fetch',
    'XMLHttpRequest',
    'process',
  ].map((name) => ({
    name,
    message: 'the domain is pure: no DOM, network or process; take it as an argument',
  })),
];

export default tseslint.config(
  {
    ignores: ['node_modules/', 'dist/', 'lib/', 'coverage/', 'test/artifacts/', 'test/output/', 'bench/out/'],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    plugins: { 'office-addins': officeAddins },
    rules: {
      'office-addins/no-context-sync-in-loop': 'error',
      'office-addins/call-sync-after-load': 'error',
      'office-addins/call-sync-before-read': 'error',
      'office-addins/load-object-before-read': 'error',
      'office-addins/no-navigational-load': 'error',
      'office-addins/no-office-initialize': 'warn',
      'office-addins/test-for-null-using-isNullObject': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
    languageOptions: { globals: { ...globals.node, ...globals.browser } },
  },
  // Type-aware rules: a promise that is neither awaited nor returned (the classic `Excel.run(...)`
  // without await) or passed where a void callback is expected is an error.
  {
    files: ['src/**/*.{ts,tsx}', 'test/**/*.ts'],
    extends: [tseslint.configs.recommendedTypeChecked],
    languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname } },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-misused-promises': 'error',
      '@typescript-eslint/await-thenable': 'error',
      // Port methods and fakes are async by contract (they return a promise); no await is no lost promise.
      '@typescript-eslint/require-await': 'off',
      // Cell values are unions (text, number, rich text …) narrowed by column type or by Excel's value
      // type, which the type checker cannot follow; String() there renders the cell's own value.
      '@typescript-eslint/no-base-to-string': 'off',
    },
  },
  {
    // Tests read JSON.parse output and jest's asymmetric matchers, both typed any.
    files: ['**/*.test.ts', '**/*.test.tsx', 'test/**/*.ts'],
    rules: {
      '@typescript-eslint/no-unsafe-argument': 'off',
      '@typescript-eslint/no-unsafe-assignment': 'off',
      '@typescript-eslint/no-unsafe-return': 'off',
      '@typescript-eslint/no-unsafe-member-access': 'off',
    },
  },
  {
    files: ['src/domain/**/*.ts'],
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      'no-restricted-imports': ['error', { patterns: DOMAIN_IMPORTS }],
      'no-restricted-globals': ['error', ...DOMAIN_GLOBALS],
      // A dynamic import() would pass by no-restricted-imports.
      'no-restricted-syntax': [
        'error',
        {
          selector: 'ImportExpression',
          message: 'the domain imports statically, so lint can see every import',
        },
      ],
    },
  },
  {
    // Test helpers stay out of the product (tsconfig.cli.json excludes them from lib/).
    files: ['src/domain/**/*.ts'],
    ignores: ['src/domain/**/*.test.ts', 'src/domain/testing/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            ...DOMAIN_IMPORTS,
            { regex: '(^|/)testing(/|$)', message: 'src/domain/testing is for tests only' },
          ],
        },
      ],
    },
  },
  {
    files: ['src/workbook/**/*.ts'],
    rules: { 'no-restricted-imports': ['error', { patterns: [folder('taskpane', 'cli', 'commands'), UI] }] },
  },
  {
    files: ['src/cli/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            folder('taskpane', 'commands'),
            UI,
            { regex: '(^|/)workbook/office', message: 'the CLI has no Office.js' },
          ],
        },
      ],
    },
  },
  {
    files: ['src/taskpane/**/*.{ts,tsx}'],
    extends: [reactHooks.configs.flat.recommended],
    rules: {
      // Off until the task-pane workflow issue reshapes App and CaseReview: the "latest ref" pattern
      // (App.tsx reportRef, CaseReview.tsx indexRef/openRef) and props copied into state in an effect
      // (App.tsx initialSession, CaseReview.tsx index, SettingsForm.tsx initial) are what they flag.
      'react-hooks/refs': 'off',
      'react-hooks/set-state-in-effect': 'off',
    },
  },
  {
    // Components render and call the services; Excel is reached only through the port.
    files: ['src/taskpane/components/**/*.{ts,tsx}'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            folder('cli', 'commands'),
            {
              regex: '(^|/)workbook/office',
              message: 'components never call Excel: use the session/controller in ../services',
            },
          ],
        },
      ],
      'no-restricted-globals': ['error', ...OFFICE_GLOBALS],
    },
  },
  {
    files: ['bin/**/*.js', '*.config.js', 'webpack.config.js', '.ci/**/*.js'],
    rules: { '@typescript-eslint/no-require-imports': 'off' },
    languageOptions: { sourceType: 'commonjs', globals: globals.node },
  },
);
