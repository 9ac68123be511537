/**
 * The house is guarded by lint (eslint.config.mjs): a file in each layer importing what its layer
 * must not import fails `npm run lint` with the layer rule, and the same file with an allowed import
 * passes with no message at all. Also the type-aware promise rules and the rules of hooks. The texts
 * are linted by ESLint's Node API with the repository's own config, as files at these paths
 * (test/lint/lintText.mjs).
 */
import { spawnSync } from 'node:child_process';
import * as path from 'node:path';

const ROOT = path.join(__dirname, '..', '..');

interface Probe {
  /** Folder inside the repository; the file gets a unique name there. */
  readonly dir: string;
  readonly ext?: 'ts' | 'tsx' | 'test.ts';
  readonly code: string;
  /** The rule that must report, or null: no message at all. */
  readonly rule: string | null;
}

const PROBES: Probe[] = [
  // src/domain: the pure core.
  ...['../workbook/port', '../taskpane/today', '../cli/main', '../commands/commands'].map((from) => ({
    dir: 'src/domain',
    code: `import * as m from '${from}';\nexport const used = m;\n`,
    rule: 'no-restricted-imports',
  })),
  {
    dir: 'src/domain/rules/sel2023',
    code: "import { UserError } from '../../../workbook/port';\nexport const used = UserError;\n",
    rule: 'no-restricted-imports',
  },
  ...[
    'exceljs',
    'react',
    'react-dom/client',
    '@fluentui/react-components',
    'jszip',
    'fflate',
    'saxes',
    '@xmldom/xmldom',
    'node:fs',
    'fs',
    'fs/promises',
    'path',
    'node:child_process',
  ].map((from) => ({
    dir: 'src/domain',
    code: `import * as m from '${from}';\nexport const used = m;\n`,
    rule: 'no-restricted-imports',
  })),
  {
    dir: 'src/domain',
    code: 'export const f = () => Excel.run(async () => undefined);\n',
    rule: 'no-restricted-globals',
  },
  {
    dir: 'src/domain',
    code: 'export const f = () => Office.context.document;\n',
    rule: 'no-restricted-globals',
  },
  { dir: 'src/domain', code: 'export const f = () => process.env.TZ;\n', rule: 'no-restricted-globals' },
  { dir: 'src/domain', code: 'export const f = () => document.title;\n', rule: 'no-restricted-globals' },
  {
    dir: 'src/domain',
    code: "export const load = () => import('../workbook/exceljs');\n",
    rule: 'no-restricted-syntax',
  },
  {
    dir: 'src/domain',
    code: "import { record } from './testing/records';\nexport const used = record;\n",
    rule: 'no-restricted-imports',
  },
  {
    dir: 'src/domain',
    ext: 'test.ts',
    code: "import { record } from './testing/records';\nit('uses the test helper', () => expect(record).toBeDefined());\n",
    rule: null,
  },
  {
    dir: 'src/domain',
    code: "import { dayFromYmd } from './days';\nimport { TZDate } from '@date-fns/tz';\nexport const used = [dayFromYmd, TZDate];\n",
    rule: null,
  },
  {
    dir: 'src/domain/rules/sel2023',
    code: "import { addMonthsDay } from '../../days';\nexport const used = addMonthsDay;\n",
    rule: null,
  },
  // src/workbook: the port and its adapters.
  ...[
    '../taskpane/services/errors',
    '../cli/files',
    '../../src/cli/main',
    'react',
    '@fluentui/react-components',
  ].map((from) => ({
    dir: 'src/workbook',
    code: `import * as m from '${from}';\nexport const used = m;\n`,
    rule: 'no-restricted-imports',
  })),
  {
    dir: 'src/workbook/xlsx',
    code: "import * as m from '../../cli/main';\nexport const used = m;\n",
    rule: 'no-restricted-imports',
  },
  {
    dir: 'src/workbook',
    code: "import ExcelJS from 'exceljs';\nimport { evaluate } from '../domain/evaluate';\nimport * as fs from 'node:fs';\nexport const used = [ExcelJS, evaluate, fs];\n",
    rule: null,
  },
  // src/taskpane/components: render and call the services, never Excel.
  ...['../../workbook/office', '../../workbook/officeErrors'].map((from) => ({
    dir: 'src/taskpane/components',
    ext: 'tsx' as const,
    code: `import * as m from '${from}';\nexport const used = m;\n`,
    rule: 'no-restricted-imports',
  })),
  {
    dir: 'src/taskpane/components',
    ext: 'tsx',
    code: 'export const f = () => Excel.run(async (ctx) => ctx.sync());\n',
    rule: 'no-restricted-globals',
  },
  {
    dir: 'src/taskpane/components',
    ext: 'tsx',
    code: 'export const f = () => Office.onReady();\n',
    rule: 'no-restricted-globals',
  },
  {
    dir: 'src/taskpane/components',
    ext: 'tsx',
    code: "import { useState } from 'react';\nexport function C(p: { on: boolean }) {\n  if (p.on) useState(0);\n  return null;\n}\n",
    rule: 'react-hooks/rules-of-hooks',
  },
  {
    dir: 'src/taskpane/components',
    ext: 'tsx',
    code: "import { useState } from 'react';\nimport { Button } from '@fluentui/react-components';\nimport { errorMessage } from '../services/errors';\nimport type { WorkbookPort } from '../../workbook/port';\nexport type P = WorkbookPort;\nexport function C() {\n  const [n, setN] = useState(0);\n  return <Button onClick={() => setN(n + 1)}>{errorMessage(n)}</Button>;\n}\n",
    rule: null,
  },
  // The services may use the Office adapter (they are where the pane reaches Excel).
  {
    dir: 'src/taskpane/services',
    code: "import { OfficeWorkbook } from '../../workbook/office';\nexport const used = OfficeWorkbook;\n",
    rule: null,
  },
  // Type-aware: a lost promise (the classic un-awaited Excel.run), a promise where void is expected.
  {
    dir: 'src/taskpane/services',
    code: 'export async function f(run: () => Promise<void>): Promise<void> {\n  run();\n}\n',
    rule: '@typescript-eslint/no-floating-promises',
  },
  {
    dir: 'src/workbook',
    code: 'export function f(xs: number[], save: (x: number) => Promise<void>): void {\n  xs.forEach(async (x) => save(x));\n}\n',
    rule: '@typescript-eslint/no-misused-promises',
  },
  {
    dir: 'src/cli',
    code: 'export async function f(n: number): Promise<number> {\n  return await n;\n}\n',
    rule: '@typescript-eslint/await-thenable',
  },
  {
    dir: 'src/taskpane/services',
    code: 'export async function f(run: () => Promise<void>): Promise<void> {\n  await run();\n  void run(); // fire-and-forget on purpose\n}\n',
    rule: null,
  },
];

interface Linted {
  filePath: string;
  messages: { ruleId: string | null; message: string }[];
}

let results: Linted[] = [];
const files = PROBES.map((p, i) => `${p.dir}/lint-probe-${i}.${p.ext ?? 'ts'}`);

beforeAll(() => {
  const r = spawnSync(process.execPath, [path.join(__dirname, 'lintText.mjs')], {
    cwd: ROOT,
    encoding: 'utf8',
    input: JSON.stringify(PROBES.map((p, i) => ({ filePath: files[i], code: p.code }))),
    maxBuffer: 1 << 26,
  });
  expect([r.status, r.stderr]).toEqual([0, '']);
  results = JSON.parse(r.stdout) as Linted[];
});

it('lints every probe', () => {
  expect(results.map((r) => r.filePath)).toEqual(files);
});

it.each(PROBES.map((p, i) => [i, p.dir, p.code.split('\n')[0], p.rule] as const))(
  'probe %i in %s (%s): %s',
  (i, _dir, _line, rule) => {
    const messages = (results[i] as Linted).messages;
    if (rule === null) expect(messages).toEqual([]);
    else expect(messages.map((m) => m.ruleId)).toContain(rule);
    // A parse or project error would hide the rule under test.
    expect(messages.filter((m) => m.ruleId === null)).toEqual([]);
  },
);
