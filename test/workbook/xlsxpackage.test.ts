/**
 * The package adapter (the CLI's): reading hand-written SpreadsheetML that ExcelJS-built fixtures
 * never contain, and editing in place: untouched parts byte for byte, a person's cells exactly
 * as they were, re-runs that add nothing, sheets deleted cleanly. Every workbook here is a real
 * .xlsx archive written and read by the code; names and CPR numbers are fictitious.
 */
import { spawnSync } from 'node:child_process';
import ExcelJS from 'exceljs';
import { nodeZipCodec } from '../../src/cli/zipCodec';
import { dayFromYmd } from '../../src/domain/days';
import { evaluate } from '../../src/domain/evaluate';
import { planWrite } from '../../src/domain/plan';
import type { Snapshot, WritePlan } from '../../src/domain/types';
import { UserError } from '../../src/workbook/port';
import { ExcelJsWorkbook } from '../../src/workbook/exceljs';
import { XlsxPackageWorkbook } from '../../src/workbook/xlsxpackage';
import { ZipArchive, utf8Bytes, utf8Text, writeZip } from '../../src/workbook/xlsx/zip';
import { fixturePlan, fixtureWorkbook } from '../adapters/fixtures';

const NS = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
const NSR = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const TODAY = dayFromYmd(2026, 11, 24);

/** A package from part texts (the first three are the minimum every workbook has). */
function pack(parts: Record<string, string>): Uint8Array {
  return writeZip(
    Object.entries(parts).map(([name, text]) => ({ name, data: utf8Bytes(text) })),
    nodeZipCodec,
    new Date(2026, 0, 1),
  );
}

function basePackage(
  sheetXml: string,
  extra: Record<string, string> = {},
  sheets = ['Sagsoversigt'],
): Record<string, string> {
  const overrides = sheets
    .map(
      (_s, i) =>
        `<Override PartName="/xl/worksheets/sheet${i + 1}.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>`,
    )
    .join('');
  return {
    '[Content_Types].xml': `<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>${overrides}</Types>`,
    '_rels/.rels': `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${NSR}/officeDocument" Target="xl/workbook.xml"/></Relationships>`,
    'xl/workbook.xml': `<?xml version="1.0" encoding="UTF-8"?><x:workbook xmlns:x="${NS}" xmlns:r="${NSR}"><x:sheets>${sheets
      .map((s, i) => `<x:sheet name="${s}" sheetId="${i + 1}" r:id="rId${i + 1}"/>`)
      .join('')}</x:sheets></x:workbook>`,
    'xl/_rels/workbook.xml.rels': `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${sheets
      .map(
        (_s, i) =>
          `<Relationship Id="rId${i + 1}" Type="${NSR}/worksheet" Target="worksheets/sheet${i + 1}.xml"/>`,
      )
      .join('')}</Relationships>`,
    'xl/worksheets/sheet1.xml': sheetXml,
    ...extra,
  };
}

/** A case sheet in prefixed SpreadsheetML (as the OpenXML SDK writes it), with odd but valid cells. */
const PREFIXED_SHEET = `<?xml version="1.0" encoding="UTF-8"?>
<x:worksheet xmlns:x="${NS}"><x:sheetData>
<x:row r="1"><x:c r="A1" t="inlineStr"><x:is><x:t>Sag nummer</x:t></x:is></x:c><x:c t="inlineStr"><x:is><x:t>Foranstaltning</x:t></x:is></x:c><x:c t="inlineStr"><x:is><x:t>Barnets cpr.nr.</x:t></x:is></x:c><x:c t="inlineStr"><x:is><x:t>Afgørelsesdato</x:t></x:is></x:c><x:c t="inlineStr"><x:is><x:t>Bemærkning</x:t></x:is></x:c></x:row>
<x:row><x:c r="A2"><x:v>1</x:v></x:c><x:c r="B2" t="inlineStr"><x:is><x:r><x:t>Familie</x:t></x:r><x:r><x:rPr><x:b/></x:rPr><x:t>behandling</x:t></x:r><x:rPh sb="0" eb="1"><x:t>ふりがな</x:t></x:rPh></x:is></x:c><x:c r="C2" t="str"><x:f>"0101"&amp;"15-1001"</x:f><x:v>010115-1001</x:v></x:c><x:c r="D2" t="d"><x:v>2021-03-01T00:00:00</x:v></x:c><x:c r="E2" t="inlineStr"><x:is><x:t>Linje 1_x000D_
Linje 2 &amp; &lt;3&gt;</x:t></x:is></x:c></x:row>
<x:row r="3"><x:c r="A3"><x:v>2</x:v></x:c><x:c r="B3" t="inlineStr"><x:is><x:t>aflastning</x:t></x:is></x:c><x:c r="C3" t="inlineStr"><x:is><x:t>020215-1002</x:t></x:is></x:c><x:c r="D3"><x:f>DATE(2021,4,1)</x:f></x:c><x:c r="E3" t="e"><x:v>#N/A</x:v></x:c><x:c r="F3" t="b"><x:v>1</x:v></x:c></x:row>
</x:sheetData></x:worksheet>`;

describe('XlsxPackageWorkbook reads hand-written SpreadsheetML', () => {
  let snap: Snapshot;
  beforeAll(async () => {
    snap = await XlsxPackageWorkbook.fromBuffer(
      pack(basePackage(PREFIXED_SHEET)),
      nodeZipCodec,
    ).readSnapshot();
  });

  it('prefixed elements, cells and rows without r, inline and rich text (phonetic runs left out)', () => {
    const rows = snap.sheets.Sagsoversigt?.rows ?? [];
    expect(rows[0]).toEqual([
      'Sag nummer',
      'Foranstaltning',
      'Barnets cpr.nr.',
      'Afgørelsesdato',
      'Bemærkning',
    ]);
    expect(rows[1]?.[0]).toBe(1);
    expect(rows[1]?.[1]).toBe('Familiebehandling');
  });

  it('a formula text result, an ISO date cell, _xHHHH_ escapes and entities', () => {
    const row = snap.sheets.Sagsoversigt?.rows[1] ?? [];
    expect(row[2]).toBe('010115-1001');
    expect(row[3]).toEqual({ n: 44256, fmt: 'yyyy-mm-dd' });
    expect(row[4]).toBe('Linje 1\r\nLinje 2 & <3>');
  });

  it('a formula without a cached result is an error cell with the formula; error values and booleans', () => {
    const row = snap.sheets.Sagsoversigt?.rows[2] ?? [];
    expect(row[3]).toEqual({ error: '#FORMEL', formula: 'DATE(2021,4,1)' });
    expect(row[4]).toEqual({ error: '#N/A' });
    expect(row[5]).toBe(true);
  });

  it('the core reads the case list from it (the unreadable date is a problem naming its cell)', () => {
    const r = evaluate(snap, { today: TODAY });
    if (!r.ok) throw new Error(r.error.message);
    expect(r.report.cases.map((c) => c.sagsnr)).toEqual([1, 2]);
    expect(r.report.problems.some((p) => p.cell === 'D3' && p.severity === 'error')).toBe(true);
  });

  it('checking it writes verdict cells prefixed like the rest of the sheet, in well-formed XML', async () => {
    const bytes = pack(basePackage(PREFIXED_SHEET));
    const { out } = await check(bytes);
    const z = ZipArchive.read(out);
    const sheet = utf8Text(z.data(z.entry('xl/worksheets/sheet1.xml')!));
    expect(sheet).toContain('<x:c r="G1"');
    expect(sheet).not.toMatch(/<c r=/);
    // (ExcelJS cannot open prefixed SpreadsheetML at all, so the package is checked with our reader and xmllint.)
    expectWellFormed(z);
    const back = await XlsxPackageWorkbook.fromBuffer(out, nodeZipCodec).readSnapshot();
    expect(back.sheets.Sagsoversigt?.rows[0]?.[6]).toBe('1.1 Afgørelse om');
    expect(back.sheets.Sagsoversigt?.rows[1]?.[1]).toBe('Familiebehandling');
    expect(back.sheetNames).toEqual(['Sagsoversigt', 'Resultattabeller', 'Overblik', 'Notat', '_Barometer']);
  });
});

/** Every part of the archive is well-formed XML. */
function expectWellFormed(z: ZipArchive): void {
  for (const e of z.entries)
    expect({ part: e.name, ...wellFormed(utf8Text(z.data(e))) }).toEqual({
      part: e.name,
      ok: true,
      error: '',
    });
}

/** xmllint's verdict on a part (libxml2-utils; CI installs it for the manifest test too). */
function wellFormed(xml: string): { ok: boolean; error: string } {
  const r = spawnSync('xmllint', ['--noout', '-'], { input: xml, encoding: 'utf8' });
  if (r.error) throw new Error(`xmllint is missing (apt-get install libxml2-utils): ${r.error.message}`);
  return { ok: r.status === 0, error: r.stderr.trim() };
}

/** The parts of an archive: name → stored (compressed) bytes. */
function storedParts(bytes: Uint8Array): Map<string, Uint8Array> {
  const zip = ZipArchive.read(bytes);
  return new Map(zip.entries.map((e) => [e.name, zip.raw(e)]));
}

async function check(bytes: Uint8Array): Promise<{ out: Uint8Array; plan: WritePlan }> {
  const wb = XlsxPackageWorkbook.fromBuffer(bytes, nodeZipCodec, () => new Date(2026, 10, 24, 12, 0));
  const s = await wb.readSnapshot();
  const r = evaluate(s, { today: TODAY });
  if (!r.ok) throw new Error(r.error.message);
  const plan = planWrite(r.report, s);
  await wb.apply(plan);
  return { out: await wb.toBuffer(), plan };
}

describe('XlsxPackageWorkbook edits in place', () => {
  it('copies every part it does not write byte for byte (an unknown part included)', async () => {
    const xlsx = await fixtureWorkbook({ cases: 17 });
    const zip = ZipArchive.read(new Uint8Array(xlsx));
    const withExtra = writeZip(
      [
        ...zip.entries.map((e) => ({ name: e.name, copy: e, from: zip })),
        { name: 'customXml/item1.xml', data: utf8Bytes('<kommune>intern note</kommune>') },
      ],
      nodeZipCodec,
      new Date(2026, 0, 1),
    );
    const { out } = await check(withExtra);
    const before = storedParts(withExtra);
    const after = storedParts(out);
    const written = [
      'xl/worksheets/sheet1.xml',
      'xl/workbook.xml',
      'xl/_rels/workbook.xml.rels',
      '[Content_Types].xml',
      'xl/styles.xml',
      'xl/sharedStrings.xml',
    ];
    for (const [name, raw] of before) {
      if (written.includes(name)) continue;
      if (!after.has(name)) continue; // a generated sheet of the fixture's earlier run, deleted
      expect({
        name,
        same: Buffer.compare(Buffer.from(after.get(name) as Uint8Array), Buffer.from(raw)) === 0,
      }).toEqual({ name, same: true });
    }
    expect(after.has('customXml/item1.xml')).toBe(true);
  });

  it('keeps every cell of the case sheet left of the verdict columns exactly as written (the XML of each cell)', async () => {
    const xlsx = new Uint8Array(await fixtureWorkbook({ cases: 17 }));
    const { out, plan } = await check(xlsx);
    const cells = (bytes: Uint8Array): Map<string, string> => {
      const z = ZipArchive.read(bytes);
      const xml = utf8Text(z.data(z.entry('xl/worksheets/sheet1.xml')!));
      const m = new Map<string, string>();
      for (const c of xml.matchAll(/<c r="([A-Z]+)(\d+)"[^>]*?(?:\/>|>.*?<\/c>)/g))
        m.set(`${c[1]}${c[2]}`, c[0]);
      return m;
    };
    const before = cells(xlsx);
    const after = cells(out);
    const first = plan.verdictBlock.col;
    let compared = 0;
    for (const [ref, text] of before) {
      const col = (/^[A-Z]+/.exec(ref)?.[0] ?? '')
        .split('')
        .reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0);
      if (col >= first) continue;
      expect(after.get(ref)).toBe(text);
      compared += 1;
    }
    expect(compared).toBeGreaterThan(100);
  });

  it('a re-run on its own output adds no styles, no shared strings and gives the same case sheet', async () => {
    const xlsx = new Uint8Array(await fixtureWorkbook({ cases: 17 }));
    const once = (await check(xlsx)).out;
    const twice = (await check(once)).out;
    const part = (b: Uint8Array, n: string): string => {
      const z = ZipArchive.read(b);
      return utf8Text(z.data(z.entry(n)!));
    };
    for (const n of ['xl/styles.xml', 'xl/sharedStrings.xml', 'xl/worksheets/sheet1.xml'])
      expect(part(twice, n)).toBe(part(once, n));
  });

  it('keeps a person’s cell typed right of the verdict columns of an earlier run, in column order', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('Sagsoversigt');
    ws.addRow(['Sag nummer', 'Foranstaltning', 'Barnets cpr.nr.', 'Afgørelsesdato']);
    ws.addRow([1, 'Familiebehandling', '010115-1001', '01-03-2021']);
    const { out: once, plan } = await check(new Uint8Array(await wb.xlsx.writeBuffer()));
    // A person opens the result and types a note to the right of the verdict columns.
    const edited = new ExcelJS.Workbook();
    await edited.xlsx.load(once as unknown as ArrayBuffer); // ExcelJS accepts any byte view
    const noteCol = plan.verdictBlock.col + (plan.verdictBlock.values[0]?.length ?? 0) + 2;
    edited.getWorksheet('Sagsoversigt')!.getRow(2).getCell(noteCol).value = 'Egen note';
    const { out: twice, plan: plan2 } = await check(new Uint8Array(await edited.xlsx.writeBuffer()));
    expect(plan2.verdictBlock.col).toBe(plan.verdictBlock.col);
    const back = await (await ExcelJsWorkbook.fromBuffer(twice)).readSnapshot();
    const row = back.sheets.Sagsoversigt?.rows[1] ?? [];
    expect(row[noteCol - 1]).toBe('Egen note');
    expect(row[plan.verdictBlock.col - 1]).toBe('Familiebehandling § 52, stk. 3, nr. 3'); // 1.1's answer
    const z = ZipArchive.read(twice);
    const xml = utf8Text(z.data(z.entry('xl/worksheets/sheet1.xml')!));
    const cells = /<row r="2"[^>]*>(.*?)<\/row>/.exec(xml)?.[1] ?? '';
    const cols = [...cells.matchAll(/<c r="([A-Z]+)2"/g)].map((m) =>
      (m[1] as string).split('').reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0),
    );
    expect(cols).toEqual([...cols].sort((a, b) => a - b));
    expect(new Set(cols).size).toBe(cols.length);
  });

  it('deleting an earlier generated sheet moves sheet-scoped names, the active tab, and drops the calculation chain', async () => {
    const sheet = (rows: string) =>
      `<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="${NS}"><sheetData>${rows}</sheetData></worksheet>`;
    const caseRows =
      '<row r="1"><c r="A1" t="inlineStr"><is><t>Sag nummer</t></is></c><c r="B1" t="inlineStr"><is><t>Foranstaltning</t></is></c><c r="C1" t="inlineStr"><is><t>CPR</t></is></c><c r="D1" t="inlineStr"><is><t>Afgørelsesdato</t></is></c></row>' +
      '<row r="2"><c r="A2"><v>1</v></c><c r="B2" t="inlineStr"><is><t>familiebehandling</t></is></c><c r="C2" t="inlineStr"><is><t>010115-1001</t></is></c><c r="D2"><f>44256</f><v>44256</v></c></row>';
    // The tool's record of what it generated (src/domain/meta.ts): an "ark" row per generated sheet.
    const meta =
      '<row r="1"><c r="A1" t="inlineStr"><is><t>Børnesagsbarometer – genereret indhold. Redigér ikke.</t></is></c></row>' +
      '<row r="2"><c r="A2" t="inlineStr"><is><t>ark</t></is></c><c r="B2" t="inlineStr"><is><t>Gammelt resultat</t></is></c></row>';
    const parts = basePackage(sheet(caseRows), {}, [
      'Sagsoversigt',
      'Gammelt resultat',
      'Mine noter',
      '_Barometer',
    ]);
    parts['xl/worksheets/sheet2.xml'] = sheet('');
    parts['xl/worksheets/sheet3.xml'] = sheet(
      '<row r="1"><c r="A1" t="inlineStr"><is><t>Noter</t></is></c></row>',
    );
    parts['xl/worksheets/sheet4.xml'] = sheet(meta);
    parts['xl/workbook.xml'] = (parts['xl/workbook.xml'] as string)
      .replace('<x:sheets>', '<x:bookViews><x:workbookView activeTab="2"/></x:bookViews><x:sheets>')
      .replace(
        '</x:sheets>',
        '</x:sheets><x:definedNames><x:definedName name="Udskrift" localSheetId="2">\'Mine noter\'!$A$1</x:definedName><x:definedName name="Gammel" localSheetId="1">\'Gammelt resultat\'!$A$1</x:definedName></x:definedNames>',
      );
    parts['xl/calcChain.xml'] =
      `<?xml version="1.0" encoding="UTF-8"?><calcChain xmlns="${NS}"><c r="D2" i="1"/></calcChain>`;
    parts['xl/_rels/workbook.xml.rels'] = (parts['xl/_rels/workbook.xml.rels'] as string).replace(
      '</Relationships>',
      `<Relationship Id="rId9" Type="${NSR}/calcChain" Target="calcChain.xml"/></Relationships>`,
    );
    const bytes = pack(parts);
    const snap = await XlsxPackageWorkbook.fromBuffer(bytes, nodeZipCodec).readSnapshot();
    const meta0 = snap.sheets._Barometer;
    expect(meta0).toBeDefined();
    const { out, plan } = await check(bytes);
    expect(plan.deleteSheets).toEqual(['Gammelt resultat']);
    const z = ZipArchive.read(out);
    const wbXml = utf8Text(z.data(z.entry('xl/workbook.xml')!));
    expect(wbXml).not.toContain('Gammelt resultat');
    expect(wbXml).toContain('<x:definedName name="Udskrift" localSheetId="1">');
    expect(wbXml).not.toContain('name="Gammel"');
    expect(wbXml).toContain('activeTab="1"');
    expect(z.entry('xl/calcChain.xml')).toBeUndefined();
    // Every worksheet part has its content type, and no content type names a part that is gone.
    const types = utf8Text(z.data(z.entry('[Content_Types].xml')!));
    const declared = [...types.matchAll(/PartName="\/(xl\/worksheets\/[^"]+)"/g)].map((m) => m[1]).sort();
    const present = z.entries
      .map((e) => e.name)
      .filter((n) => n.startsWith('xl/worksheets/sheet'))
      .sort();
    expect(declared).toEqual(present);
    expectWellFormed(z);
    const back = await XlsxPackageWorkbook.fromBuffer(out, nodeZipCodec).readSnapshot();
    expect(back.sheetNames).toEqual([
      'Sagsoversigt',
      'Mine noter',
      '_Barometer',
      'Resultattabeller',
      'Overblik',
      'Notat',
    ]);
  });

  it('rebuilds its own sheets in place, keeping the tab order a person chose', async () => {
    const xlsx = new Uint8Array(await fixtureWorkbook({ cases: 5 }));
    const once = (await check(xlsx)).out;
    const names1 = (await XlsxPackageWorkbook.fromBuffer(once, nodeZipCodec).readSnapshot()).sheetNames;
    const twice = (await check(once)).out;
    expect((await XlsxPackageWorkbook.fromBuffer(twice, nodeZipCodec).readSnapshot()).sheetNames).toEqual(
      names1,
    );
  });

  it('applies the fixture plan with its review line and Gennemgang created', async () => {
    const wb = XlsxPackageWorkbook.fromBuffer(
      new Uint8Array(await fixtureWorkbook({ cases: 17 })),
      nodeZipCodec,
    );
    await wb.apply(fixturePlan({ review: true }));
    const snap = await XlsxPackageWorkbook.fromBuffer(await wb.toBuffer(), nodeZipCodec).readSnapshot();
    expect(snap.sheets.Gennemgang?.rows.length).toBeGreaterThanOrEqual(3);
  });

  it('appends review lines right below the last line, filling formatted empty rows under it', async () => {
    const xlsx = new Uint8Array(await fixtureWorkbook({ cases: 17 }));
    const z = ZipArchive.read(xlsx);
    const wbXml = utf8Text(z.data(z.entry('xl/workbook.xml')!));
    const rels = utf8Text(z.data(z.entry('xl/_rels/workbook.xml.rels')!));
    const relId = /<sheet [^>]*name="Gennemgang"[^>]*r:id="([^"]+)"/.exec(wbXml)?.[1] as string;
    const target = new RegExp(`Id="${relId}"[^>]*Target="([^"]+)"|Target="([^"]+)"[^>]*Id="${relId}"`).exec(
      rels,
    );
    const part = `xl/${(target?.[1] ?? target?.[2] ?? '').replace(/^\/?xl\//, '')}`;
    const log = utf8Text(z.data(z.entry(part)!));
    // Formatted, empty rows 3–40 below the two rows of the log (as Excel keeps after a person formats them).
    let empty = '';
    for (let r = 3; r <= 40; r += 1) empty += `<row r="${r}" ht="20" customHeight="1"/>`;
    const withEmpty = log.replace(/<\/sheetData>/, `${empty}</sheetData>`);
    const bytes = writeZip(
      z.entries.map((e) =>
        e.name === part ? { name: e.name, data: utf8Bytes(withEmpty) } : { name: e.name, copy: e, from: z },
      ),
      nodeZipCodec,
      new Date(2026, 0, 1),
    );
    const wb = XlsxPackageWorkbook.fromBuffer(bytes, nodeZipCodec);
    await wb.apply(fixturePlan({ review: true }));
    const rows = (await XlsxPackageWorkbook.fromBuffer(await wb.toBuffer(), nodeZipCodec).readSnapshot())
      .sheets.Gennemgang?.rows;
    expect(rows?.length).toBe(3);
    expect(rows?.[2]?.[0]).not.toBeNull();
  });
});

describe('XlsxPackageWorkbook refuses what is not a readable .xlsx, in Danish', () => {
  const refuse = (bytes: Uint8Array): string => {
    try {
      XlsxPackageWorkbook.fromBuffer(bytes, nodeZipCodec);
    } catch (e) {
      expect(e).toBeInstanceOf(UserError);
      return (e as Error).message;
    }
    throw new Error('accepted');
  };

  it('a password-protected workbook (an OLE file)', () => {
    expect(refuse(new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0]))).toMatch(
      /adgangskode/,
    );
  });
  it('a text file named .xlsx', () => {
    expect(refuse(utf8Bytes('Sag nummer;CPR\n1;010115-1001\n'))).toMatch(/ikke en gyldig Excel-fil/);
  });
  it('a truncated archive', async () => {
    const xlsx = new Uint8Array(await fixtureWorkbook({ cases: 3 }));
    expect(refuse(xlsx.subarray(0, Math.floor(xlsx.length / 2)))).toMatch(/beskadiget/);
  });
  it('an archive without a workbook part', () => {
    expect(refuse(pack({ 'hello.txt': 'hej' }))).toMatch(/beskadiget/);
  });
});
