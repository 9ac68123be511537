#!/usr/bin/env node
/* eslint-disable @typescript-eslint/no-require-imports -- a plain CommonJS Node script */
/**
 * The baseline for bench/run.ts: a bare ExcelJS read + write of the same file, nothing else.
 *   node bench/bare.js <in.xlsx> <out.xlsx>
 */
const fs = require('node:fs');
const ExcelJS = require('exceljs');

async function main() {
  const [input, output] = process.argv.slice(2);
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(fs.readFileSync(input));
  fs.writeFileSync(output, await wb.xlsx.writeBuffer());
}

main().catch((e) => {
  process.stderr.write(`${e.message}\n`);
  process.exitCode = 1;
});
