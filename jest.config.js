/**
 * Two projects: `unit` (npm run test:unit, everything fast) and `hardening` (npm run test:hardening:
 * the 1,000-workbook suites, LibreOffice and the SIGKILLed child processes). `npm test` runs both;
 * `npx jest <file>` runs a file of either project.
 */
const HARDENING = ['workbooks', 'office', 'core', 'kill', 'example-libreoffice'].map(
  (name) => `<rootDir>/test/hardening/${name}.test.ts`,
);

/** @type {import('jest').Config} */
const base = {
  preset: 'ts-jest',
  testEnvironment: 'node',
  roots: ['<rootDir>/src', '<rootDir>/test'],
  // ts-jest transpiles each file alone: tsconfig.json has isolatedModules (type errors are `npm run typecheck`'s).
  transform: { '^.+\\.tsx?$': 'ts-jest' },
};

/** @type {import('jest').Config} */
module.exports = {
  maxWorkers: 2,
  testTimeout: 120000,
  projects: [
    {
      ...base,
      displayName: 'unit',
      testMatch: ['**/*.test.ts', '**/*.test.tsx'],
      testPathIgnorePatterns: ['/node_modules/', ...HARDENING],
    },
    { ...base, displayName: 'hardening', testMatch: HARDENING },
  ],
};
