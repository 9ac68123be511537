#!/usr/bin/env node
/* eslint-disable @typescript-eslint/no-require-imports -- a plain CommonJS Node script */
/**
 * Bundle budget for the task pane (run after `npm run build`): prints every JavaScript chunk in
 * dist/ with its gzipped size, and fails (exit 1) when
 *   - the initial JavaScript of taskpane.html (the <script> tags it loads from dist/) is over
 *     250 KB gzipped, or
 *   - ExcelJS is in an initial chunk instead of only in the lazily loaded standalone chunk.
 *
 *   node bench/bundle.js [distDir]
 */
const fs = require('node:fs');
const path = require('node:path');
const zlib = require('node:zlib');

const BUDGET = 250 * 1024;
/** Strings only ExcelJS's bundle contains (its OOXML part names and its own name). */
const EXCELJS_MARKERS = ['xl/workbook.xml', 'xl/worksheets/sheet', 'ExcelJS'];

const dist = path.resolve(process.argv[2] ?? path.join(__dirname, '..', 'dist'));
const html = path.join(dist, 'taskpane.html');
if (!fs.existsSync(html)) {
  console.error(`Fandt ikke ${html}. Byg først med: npm run build`);
  process.exit(1);
}

const gz = (file) => zlib.gzipSync(fs.readFileSync(file), { level: 9 }).length;
const kb = (n) => `${(n / 1024).toFixed(1)} KB`;

const initial = [...fs.readFileSync(html, 'utf8').matchAll(/<script[^>]*\ssrc=["']?([^"' >]+)/g)]
  .map((m) => m[1])
  .filter((src) => !/^[a-z]+:\/\//i.test(src))
  .map((src) => src.replace(/^\.?\//, ''));
const all = fs.readdirSync(dist).filter((f) => f.endsWith('.js'));

let failed = false;
let initialTotal = 0;
console.log('chunk'.padEnd(44) + 'raw'.padStart(12) + 'gzip'.padStart(12) + '  kind');
for (const f of all.sort()) {
  const file = path.join(dist, f);
  const raw = fs.statSync(file).size;
  const z = gz(file);
  const isInitial = initial.includes(f);
  const kind = isInitial ? 'initial (taskpane)' : f.startsWith('commands.') ? 'commands entry' : 'lazy';
  if (isInitial) initialTotal += z;
  console.log(f.padEnd(44) + kb(raw).padStart(12) + kb(z).padStart(12) + '  ' + kind);
  const text = fs.readFileSync(file, 'utf8');
  const marker = EXCELJS_MARKERS.find((m) => text.includes(m));
  if (marker && isInitial) {
    console.error(`FEJL: ${f} er et første-indlæsnings-chunk men indeholder ExcelJS ("${marker}").`);
    failed = true;
  }
}
const missing = initial.filter((f) => !all.includes(f));
if (missing.length) {
  console.error(`FEJL: taskpane.html henviser til filer, der ikke findes: ${missing.join(', ')}`);
  failed = true;
}
const excelChunks = all.filter((f) =>
  EXCELJS_MARKERS.some((m) => fs.readFileSync(path.join(dist, f), 'utf8').includes(m)),
);
if (excelChunks.length === 0) {
  console.error('FEJL: ExcelJS findes ikke i noget chunk; standalone-tilstanden kan ikke virke.');
  failed = true;
}
console.log(`\nInitial JavaScript (taskpane): ${kb(initialTotal)} gzip, budget ${kb(BUDGET)}`);
console.log(`ExcelJS only in lazy chunk(s): ${excelChunks.join(', ')}`);
if (initialTotal > BUDGET) {
  console.error(`FEJL: den første indlæsning er ${kb(initialTotal)} gzip, over budgettet på ${kb(BUDGET)}.`);
  failed = true;
}
process.exit(failed ? 1 : 0);
