// Lints source texts with the repository's eslint.config.mjs through ESLint's Node API, each as a
// file at its given path inside a layer. Reads [{ filePath, code }] as JSON on stdin, prints
// [{ filePath, messages: [{ ruleId, message }] }] as JSON on stdout. Run by layers.test.ts in a
// child process (jest's module sandbox cannot load an ES-module config).
// The files are never written: the type-aware rules get a TypeScript program (tsconfig.json's
// options) whose compiler host serves the texts at those paths, so nothing appears in src/ for
// other tools (tsc, the CLI build) running at the same time.
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import { ESLint } from 'eslint';
import ts from 'typescript';

const root = path.join(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
let input = '';
for await (const chunk of process.stdin) input += chunk;
const probes = JSON.parse(input).map((p) => ({ ...p, abs: path.join(root, p.filePath) }));

const config = ts.getParsedCommandLineOfConfigFile(
  path.join(root, 'tsconfig.json'),
  {},
  {
    ...ts.sys,
    onUnRecoverableConfigFileDiagnostic: (d) => {
      throw new Error(ts.flattenDiagnosticMessageText(d.messageText, '\n'));
    },
  },
);
const texts = new Map(probes.map((p) => [p.abs, p.code]));
const host = ts.createCompilerHost(config.options, true);
const { fileExists, readFile, getSourceFile } = host;
host.fileExists = (f) => texts.has(f) || fileExists.call(host, f);
host.readFile = (f) => texts.get(f) ?? readFile.call(host, f);
host.getSourceFile = (f, language, ...rest) =>
  texts.has(f)
    ? ts.createSourceFile(f, texts.get(f), language, true)
    : getSourceFile.call(host, f, language, ...rest);
const program = ts.createProgram({ rootNames: [...texts.keys()], options: config.options, host });

const eslint = new ESLint({
  cwd: root,
  overrideConfig: {
    files: ['**/*.ts', '**/*.tsx'],
    languageOptions: { parserOptions: { projectService: false, programs: [program] } },
  },
});
const out = [];
for (const p of probes) {
  const [result] = await eslint.lintText(p.code, { filePath: p.abs });
  out.push({
    filePath: p.filePath,
    messages: (result?.messages ?? []).map((m) => ({ ruleId: m.ruleId, message: m.message })),
  });
}
process.stdout.write(JSON.stringify(out));
