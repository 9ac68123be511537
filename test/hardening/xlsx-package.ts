/**
 * Hand-built .xlsx packages for the package editor's regression tests: every part is literal XML
 * (or bytes) and the archive is made by fflate's zipSync, never by the code under test. Plus the
 * checks every such test makes: run the check, the input unchanged, every XML part of the output
 * well-formed (xmllint), the input's cells read back equal from the output.
 */
import { spawnSync } from 'node:child_process';
import { unzipSync, zipSync } from 'fflate';
import { dayFromYmd } from '../../src/domain/days';
import { evaluate } from '../../src/domain/evaluate';
import { planWrite } from '../../src/domain/plan';
import type { Cell, Snapshot, WritePlan } from '../../src/domain/types';
import { XlsxPackageWorkbook } from '../../src/workbook/xlsxpackage';

export const NS = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
export const NSR = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
export const NS_PR = 'http://schemas.openxmlformats.org/package/2006/relationships';
export const NS_CT = 'http://schemas.openxmlformats.org/package/2006/content-types';
export const TODAY = dayFromYmd(2026, 11, 24);

const CT_SHEET = 'application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml';
const CT_WB = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml';
const CT_SST = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml';
const DECL = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';

export type Parts = Record<string, string | Uint8Array>;

/** A header row and two fictitious cases, as inline strings (no shared strings needed). */
export const HEADERS = ['Sag nummer', 'Foranstaltning', 'Barnets cpr.nr.', 'Afgørelsesdato'];
export const inline = (ref: string, text: string): string =>
  `<c r="${ref}" t="inlineStr"><is><t>${text}</t></is></c>`;
export const CASE_ROWS =
  `<row r="1">${HEADERS.map((h, i) => inline(`${'ABCD'[i]}1`, h)).join('')}</row>` +
  `<row r="2"><c r="A2"><v>1</v></c>${inline('B2', 'familiebehandling')}${inline('C2', '010115-1001')}<c r="D2"><v>44256</v></c></row>` +
  `<row r="3"><c r="A3"><v>2</v></c>${inline('B3', 'aflastning')}${inline('C3', '020215-1002')}<c r="D3"><v>44287</v></c></row>`;

export const sheetXml = (rows: string, root = `<worksheet xmlns="${NS}">`, close = '</worksheet>'): string =>
  `${DECL}${root}<sheetData>${rows}</sheetData>${close}`;

/** The parts of a one-sheet workbook (Sagsoversigt), each overridable. */
export function basePackage(sheet: string = sheetXml(CASE_ROWS), extra: Parts = {}, sst?: string): Parts {
  const parts: Parts = {
    '[Content_Types].xml': `${DECL}<Types xmlns="${NS_CT}"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="${CT_WB}"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="${CT_SHEET}"/>${sst !== undefined ? `<Override PartName="/xl/sharedStrings.xml" ContentType="${CT_SST}"/>` : ''}</Types>`,
    '_rels/.rels': `${DECL}<Relationships xmlns="${NS_PR}"><Relationship Id="rId1" Type="${NSR}/officeDocument" Target="xl/workbook.xml"/></Relationships>`,
    'xl/workbook.xml': `${DECL}<workbook xmlns="${NS}" xmlns:r="${NSR}"><sheets><sheet name="Sagsoversigt" sheetId="1" r:id="rId1"/></sheets></workbook>`,
    'xl/_rels/workbook.xml.rels': `${DECL}<Relationships xmlns="${NS_PR}"><Relationship Id="rId1" Type="${NSR}/worksheet" Target="worksheets/sheet1.xml"/>${sst !== undefined ? `<Relationship Id="rId2" Type="${NSR}/sharedStrings" Target="sharedStrings.xml"/>` : ''}</Relationships>`,
    'xl/worksheets/sheet1.xml': sheet,
  };
  if (sst !== undefined) parts['xl/sharedStrings.xml'] = sst;
  return { ...parts, ...extra };
}

/** The archive of the parts, made by fflate (not by the code under test). */
export function zipOf(parts: Parts): Uint8Array {
  const files: Record<string, Uint8Array> = {};
  for (const [k, v] of Object.entries(parts))
    files[k] = typeof v === 'string' ? new TextEncoder().encode(v) : v;
  return zipSync(files, { level: 6, mtime: new Date(2026, 0, 1) });
}

/** UTF-16 bytes of a text, with a BOM. */
export function utf16(text: string, bigEndian = false): Uint8Array {
  const out = new Uint8Array(2 + text.length * 2);
  out[0] = bigEndian ? 0xfe : 0xff;
  out[1] = bigEndian ? 0xff : 0xfe;
  for (let i = 0; i < text.length; i += 1) {
    const c = text.charCodeAt(i);
    out[2 + 2 * i] = bigEndian ? c >> 8 : c & 0xff;
    out[3 + 2 * i] = bigEndian ? c & 0xff : c >> 8;
  }
  return out;
}

export interface CheckRun {
  readonly before: Snapshot;
  readonly out: Uint8Array;
  readonly plan: WritePlan;
  readonly after: Snapshot;
}

/** check as the CLI does it (read, evaluate, plan, apply, write); the input is verified unchanged. */
export async function runCheck(bytes: Uint8Array): Promise<CheckRun> {
  const copy = bytes.slice();
  const wb = XlsxPackageWorkbook.fromBuffer(bytes, undefined, () => new Date(2026, 10, 24, 12, 0));
  const before = await wb.readSnapshot();
  const r = evaluate(before, { today: TODAY });
  if (!r.ok) throw new Error(r.error.message);
  const plan = planWrite(r.report, before);
  await wb.apply(plan);
  const out = await wb.toBuffer();
  if (Buffer.compare(Buffer.from(copy), Buffer.from(bytes)) !== 0) throw new Error('the input bytes changed');
  const after = await XlsxPackageWorkbook.fromBuffer(out).readSnapshot();
  return { before, out, plan, after };
}

/** xmllint's complaints about every XML part of a package ([] when all are well-formed). */
export function malformedParts(bytes: Uint8Array): string[] {
  const files = unzipSync(bytes);
  const bad: string[] = [];
  for (const [name, data] of Object.entries(files)) {
    if (!/\.(xml|rels)$/.test(name)) continue;
    const r = spawnSync('xmllint', ['--noout', '--nonet', '-'], { input: data, encoding: 'utf8' });
    if (r.error) throw new Error(`xmllint is missing (apt-get install libxml2-utils): ${r.error.message}`);
    if (r.status !== 0) bad.push(`${name}: ${r.stderr.trim().split('\n')[0] ?? ''}`);
  }
  return bad;
}

/** The cells of `sheet` in the input that differ in the output ([] when every one reads back equal). */
export function changedCells(before: Snapshot, after: Snapshot, sheet: string, lastCol: number): string[] {
  const a = before.sheets[sheet]?.rows ?? [];
  const b = after.sheets[sheet]?.rows ?? [];
  const out: string[] = [];
  a.forEach((row, r) =>
    row.slice(0, lastCol).forEach((cell: Cell, c) => {
      const other = b[r]?.[c] ?? null;
      if (JSON.stringify(cell) !== JSON.stringify(other)) out.push(`R${r + 1}C${c + 1}`);
    }),
  );
  return out;
}

/** The text of a part of a package. */
export function partText(bytes: Uint8Array, name: string): string {
  const data = unzipSync(bytes)[name];
  if (data === undefined) throw new Error(`no part ${name}`);
  return new TextDecoder().decode(data);
}
