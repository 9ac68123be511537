// Lints source texts with the repository's eslint.config.mjs through ESLint's Node API, each as a
// file at its given path inside a layer. Reads [{ filePath, code }] as JSON on stdin, prints
// [{ filePath, messages: [{ ruleId, message }] }] as JSON on stdout. Run by layers.test.ts in a
// child process (jest's module sandbox cannot load an ES-module config).
// The type-aware rules need each file in the TypeScript project, so the texts are written to those
// paths for the run and always removed afterwards (only paths that did not exist are accepted).
import * as fs from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import { ESLint } from 'eslint';

const root = path.join(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
let input = '';
for await (const chunk of process.stdin) input += chunk;
const probes = JSON.parse(input).map((p) => ({ ...p, abs: path.join(root, p.filePath) }));
for (const p of probes) if (fs.existsSync(p.abs)) throw new Error(`${p.filePath} exists; not overwriting it`);
const out = [];
try {
  for (const p of probes) fs.writeFileSync(p.abs, p.code, { flag: 'wx' });
  const eslint = new ESLint({ cwd: root });
  for (const p of probes) {
    const [result] = await eslint.lintFiles([p.abs]);
    out.push({
      filePath: p.filePath,
      messages: (result?.messages ?? []).map((m) => ({ ruleId: m.ruleId, message: m.message })),
    });
  }
} finally {
  for (const p of probes) fs.rmSync(p.abs, { force: true });
}
process.stdout.write(JSON.stringify(out));
