/**
 * Regression tests for issue 10's XML findings: valid XML other programs write (single quotes,
 * line breaks between attributes, prefixes declared on inner elements, prefixed package parts,
 * CDATA, comments, character references, UTF-16) is read and written correctly, and malformed
 * XML or a DOCTYPE is the Danish "damaged file" message. Every package is built from literal XML
 * by fflate (test/hardening/xlsx-package.ts); every output must be well-formed, read back equal
 * cell for cell, and the input stays byte-identical (runCheck verifies it).
 */
import { DAMAGED_XLSX } from '../../src/workbook/fileErrors';
import { UserError } from '../../src/workbook/port';
import { XlsxPackageWorkbook } from '../../src/workbook/xlsxpackage';
import {
  CASE_ROWS,
  HEADERS,
  NS,
  NSR,
  NS_CT,
  NS_PR,
  type CheckRun,
  basePackage,
  changedCells,
  inline,
  malformedParts,
  partText,
  runCheck,
  sheetXml,
  utf16,
  zipOf,
} from '../hardening/xlsx-package';

/** The checks every well-formed variant must pass. */
function expectGood(run: CheckRun): void {
  expect(malformedParts(run.out)).toEqual([]);
  expect(changedCells(run.before, run.after, 'Sagsoversigt', HEADERS.length)).toEqual([]);
  const b = run.plan.verdictBlock;
  // The verdict block's header is where the plan put it, in the header row, not inside a cell.
  expect(run.after.sheets.Sagsoversigt?.rows[b.row - 1]?.[b.col - 1]).toBe(b.values[0]?.[0]);
  expect(run.after.sheetNames).toEqual(expect.arrayContaining(['Sagsoversigt', 'Resultattabeller', 'Notat']));
}

const cases = (snap: CheckRun['before']): unknown[] => (snap.sheets.Sagsoversigt?.rows ?? []).slice(0, 3);
const EXPECTED_ROWS = [
  HEADERS,
  [1, 'familiebehandling', '010115-1001', 44256],
  [2, 'aflastning', '020215-1002', 44287],
];

describe('valid XML in the forms other programs write', () => {
  it('single-quoted attributes and line breaks between attributes (no duplicate r=)', async () => {
    const rows = CASE_ROWS.replace(/"/g, "'")
      .replace(/<c r=/g, '<c\n\t r =')
      .replace(/<row r=/g, "<row\r\n spans='1:4' r=");
    const run = await runCheck(zipOf(basePackage(sheetXml(rows))));
    expect(cases(run.before)).toEqual(EXPECTED_ROWS);
    expectGood(run);
  });

  it('the main namespace under a prefix declared on sheetData, not on the root', async () => {
    const rows = CASE_ROWS.replace(/<(\/?)(row|c|is|t|v)\b/g, '<$1y:$2');
    const sheet = `<?xml version="1.0" encoding="UTF-8"?><x:worksheet xmlns:x="${NS}"><x:dimension ref="A1:D3"/><y:sheetData xmlns:y="${NS}">${rows}</y:sheetData></x:worksheet>`;
    const run = await runCheck(zipOf(basePackage(sheet)));
    expect(cases(run.before)).toEqual(EXPECTED_ROWS);
    expectGood(run);
    // The new <cols> before sheetData uses the root's prefix (y: is not declared there).
    expect(partText(run.out, 'xl/worksheets/sheet1.xml')).toMatch(/<x:cols>/);
  });

  it('the relationships prefix declared on each <sheet> of workbook.xml, not on the root', async () => {
    const wb = `<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="${NS}"><sheets><sheet xmlns:rel="${NSR}" name="Sagsoversigt" sheetId="1" rel:id="rId1"/></sheets></workbook>`;
    const run = await runCheck(zipOf(basePackage(undefined, { 'xl/workbook.xml': wb })));
    expectGood(run);
  });

  it('prefixed .rels and [Content_Types].xml (every relationship id unique, overrides added)', async () => {
    const p = basePackage();
    const prefixRels = (s: string): string =>
      s
        .replace(`<Relationships xmlns="${NS_PR}">`, `<pr:Relationships xmlns:pr="${NS_PR}">`)
        .replace(/<(\/?)Relationship/g, '<$1pr:Relationship');
    p['_rels/.rels'] = prefixRels(p['_rels/.rels'] as string);
    p['xl/_rels/workbook.xml.rels'] = prefixRels(p['xl/_rels/workbook.xml.rels'] as string);
    p['[Content_Types].xml'] = (p['[Content_Types].xml'] as string)
      .replace(`<Types xmlns="${NS_CT}">`, `<ct:Types xmlns:ct="${NS_CT}">`)
      .replace(/<(\/?)(Types|Default|Override)\b/g, '<$1ct:$2')
      .replace('<ct:ct:Types', '<ct:Types');
    const run = await runCheck(zipOf(p));
    expectGood(run);
    const rels = partText(run.out, 'xl/_rels/workbook.xml.rels');
    const ids = [...rels.matchAll(/\sId="([^"]+)"/g)].map((m) => m[1]);
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids.length).toBeGreaterThanOrEqual(5);
    const types = partText(run.out, '[Content_Types].xml');
    for (const s of run.after.sheetNames.slice(1)) expect(s).toBeTruthy();
    expect(types.match(/worksheet\+xml/g)?.length).toBe(run.after.sheetNames.length);
  });

  it('CDATA in cells and in the shared-string table (a CDATA date is a date)', async () => {
    const rows = CASE_ROWS.replace('<t>familiebehandling</t>', '<t><![CDATA[familie]]>behandling</t>')
      .replace('<c r="D2"><v>44256</v></c>', '<c r="D2"><v><![CDATA[44256]]></v></c>')
      .replace(inline('B3', 'aflastning'), '<c r="B3" t="s"><v>0</v></c>');
    const sst = `<?xml version="1.0"?><sst xmlns="${NS}" count="1" uniqueCount="1"><si><t><![CDATA[afl]]>astning</t></si></sst>`;
    const run = await runCheck(zipOf(basePackage(sheetXml(rows), {}, sst)));
    expect(cases(run.before)).toEqual(EXPECTED_ROWS);
    expectGood(run);
  });

  it('comments in workbook.xml and in sharedStrings (no sheet added inside a comment, no index shift)', async () => {
    const wb = `<?xml version="1.0"?><workbook xmlns="${NS}" xmlns:r="${NSR}"><!-- <sheets></sheets> --><sheets><!-- <sheet name="x"/> --><sheet name="Sagsoversigt" sheetId="1" r:id="rId1"/></sheets><!-- </sheets> --></workbook>`;
    const rows = CASE_ROWS.replace(inline('B2', 'familiebehandling'), '<c r="B2" t="s"><v>0</v></c>').replace(
      inline('B3', 'aflastning'),
      '<c r="B3" t="s"><v>1</v></c>',
    );
    const sst = `<?xml version="1.0"?><sst xmlns="${NS}" count="2" uniqueCount="2"><!-- <si><t>Testbarn Hansen</t></si> --><si><t>familiebehandling</t></si><!----><si><t>aflastning</t></si></sst>`;
    const run = await runCheck(zipOf(basePackage(sheetXml(rows), { 'xl/workbook.xml': wb }, sst)));
    expect(cases(run.before)).toEqual(EXPECTED_ROWS);
    expectGood(run);
    const out = partText(run.out, 'xl/workbook.xml');
    expect(out.indexOf('name="Resultattabeller"')).toBeGreaterThan(
      out.lastIndexOf('<!-- <sheet name="x"/> -->'),
    );
    expect(out).toContain('<!-- </sheets> -->');
    // Nothing from the comment reaches a cell.
    expect(JSON.stringify(run.after.sheets)).not.toContain('Testbarn Hansen');
  });

  it('character references in r= and in values', async () => {
    const rows = CASE_ROWS.replace('<c r="A2">', '<c r="&#65;2">')
      .replace('<c r="D3">', '<c r="&#x44;3">')
      .replace('>aflastning<', '>afl&#x61;stning<');
    const run = await runCheck(zipOf(basePackage(sheetXml(rows))));
    expect(cases(run.before)).toEqual(EXPECTED_ROWS);
    expectGood(run);
  });

  it('UTF-16 parts (little- and big-endian), written back as UTF-8', async () => {
    const sheet = sheetXml(CASE_ROWS).replace('encoding="UTF-8"', 'encoding="UTF-16"');
    const wb = (basePackage()['xl/workbook.xml'] as string).replace('encoding="UTF-8"', 'encoding="UTF-16"');
    const run = await runCheck(
      zipOf(
        basePackage(undefined, {
          'xl/worksheets/sheet1.xml': utf16(sheet),
          'xl/workbook.xml': utf16(wb, true),
        }),
      ),
    );
    expect(cases(run.before)).toEqual(EXPECTED_ROWS);
    expectGood(run);
    expect(partText(run.out, 'xl/worksheets/sheet1.xml')).toMatch(/^<\?xml version="1.0" encoding="UTF-8"/);
  });

  it('a row without spans/r and cells without r keep their places when the block is merged in', async () => {
    const rows = CASE_ROWS.replace('<row r="3"><c r="A3">', '<row><c>').replace('<c r="B3" ', '<c ');
    const run = await runCheck(zipOf(basePackage(sheetXml(rows))));
    expect(cases(run.before)).toEqual(EXPECTED_ROWS);
    expectGood(run);
  });
});

describe('formula cells (barometer.md §2.3)', () => {
  const read = async (cells: string) => {
    const rows = CASE_ROWS.replace('</row><row r="3">', `${cells}</row><row r="3">`);
    const snap = await XlsxPackageWorkbook.fromBuffer(zipOf(basePackage(sheetXml(rows)))).readSnapshot();
    return snap.sheets.Sagsoversigt?.rows[1]?.slice(4) ?? [];
  };

  it('the cached result is read; no <v> or an empty <v> on a non-text formula is unreadable, never blank', async () => {
    expect(
      await read(
        '<c r="E2"><f>1+1</f><v>2</v></c><c r="F2"><f>A1</f></c><c r="G2"><f>A1</f><v></v></c><c r="H2" t="str"><f>""</f><v></v></c><c r="I2" t="str"><f>"a"</f><v>a</v></c><c r="J2" t="b"><f>TRUE</f><v>1</v></c>',
      ),
    ).toEqual([2, { error: '#FORMEL', formula: 'A1' }, { error: '#FORMEL', formula: 'A1' }, null, 'a', true]);
  });

  it('a shared formula follower without a result is unreadable too', async () => {
    expect(
      await read(
        '<c r="E2"><f t="shared" ref="E2:E3" si="0">A2</f><v>1</v></c><c r="F2"><f t="shared" si="0"/></c>',
      ),
    ).toEqual([1, { error: '#FORMEL' }]);
  });
});

describe('malformed XML and DOCTYPEs are the Danish "damaged file" message (exit 1), never a hang', () => {
  const refused = async (parts: Record<string, string>): Promise<UserError> => {
    try {
      const wb = XlsxPackageWorkbook.fromBuffer(zipOf(basePackage(undefined, parts)));
      await wb.readSnapshot();
    } catch (e) {
      if (e instanceof UserError) return e;
      throw e;
    }
    throw new Error('not refused');
  };

  it('a cell without </c>', async () => {
    const e = await refused({
      'xl/worksheets/sheet1.xml': sheetXml(CASE_ROWS.replace('<v>44256</v></c>', '<v>44256</v>')),
    });
    expect(e.exitCode).toBe(1);
    expect(e.message).toContain(DAMAGED_XLSX);
    expect(e.message).toContain('Sagsoversigt');
  });

  it('a DOCTYPE with an entity in a sheet, in workbook.xml and in the relationships', async () => {
    const dtd = '<!DOCTYPE worksheet [<!ENTITY a "aaaaaaaaaa">]>';
    const sheet = sheetXml(CASE_ROWS).replace('?>\n', `?>\n${dtd}`).replace('>aflastning<', '>&a;<');
    const variants: Record<string, string>[] = [
      { 'xl/worksheets/sheet1.xml': sheet },
      { 'xl/workbook.xml': (basePackage()['xl/workbook.xml'] as string).replace('?>\n', `?>\n${dtd}`) },
      {
        'xl/_rels/workbook.xml.rels': (basePackage()['xl/_rels/workbook.xml.rels'] as string).replace(
          '?>\n',
          `?>\n${dtd}`,
        ),
      },
    ];
    for (const parts of variants) {
      const e = await refused(parts);
      expect(e.exitCode).toBe(1);
      expect(e.message).toContain(DAMAGED_XLSX);
    }
  });

  it('an unknown entity, an unclosed root, bytes that are not UTF-8', async () => {
    for (const sheet of [
      sheetXml(CASE_ROWS.replace('>aflastning<', '>&nbsp;<')),
      sheetXml(CASE_ROWS).replace('</worksheet>', ''),
    ]) {
      expect((await refused({ 'xl/worksheets/sheet1.xml': sheet })).message).toContain(DAMAGED_XLSX);
    }
    const bad = new TextEncoder().encode(sheetXml(CASE_ROWS));
    bad[bad.indexOf(0x61)] = 0xff; // an "a" replaced by a byte that is never UTF-8
    await expect(
      XlsxPackageWorkbook.fromBuffer(
        zipOf(basePackage(undefined, { 'xl/worksheets/sheet1.xml': bad })),
      ).readSnapshot(),
    ).rejects.toThrow(DAMAGED_XLSX);
  });
});
