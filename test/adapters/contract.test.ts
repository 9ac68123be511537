/**
 * The WorkbookPort contract, run on every adapter (adapters.ts) with the same fixture workbooks and
 * plans: ExcelJsWorkbook on a real .xlsx, OfficeWorkbook on the simulated Excel loaded from the
 * same .xlsx, and XlsxPackageWorkbook editing the .xlsx in place. All must read equal snapshots and
 * leave equal cells (values, kinds, number formats).
 */
import { OfficeWorkbook, OFFICE_STYLES, textForExcel } from '../../src/workbook/office';
import { STYLES } from '../../src/workbook/exceljs';
import { ADAPTERS, officeAdapter, type Dump } from './adapters';
import { UserError } from '../../src/workbook/port';
import type { Snapshot, StyleId, WritePlan } from '../../src/domain/types';
import {
  createSimulatedExcel,
  dumpWorkbook,
  PAYLOAD_LIMIT,
  simWorkbookFromXlsx,
  type SimulatedExcel,
} from '../excel-sim';
import {
  DATA_COLUMNS,
  HEADER_ROW,
  TRICKY_TEXTS,
  VERDICT_HEADERS,
  fixturePlan,
  fixtureWorkbook,
} from './fixtures';
import { columnLetter } from '../../src/domain/address';
import { templatePlan } from '../../src/domain/template';

const FIXTURES: { name: string; make: () => Promise<Buffer> }[] = [
  { name: '17 cases, 1900 date system', make: () => fixtureWorkbook({ cases: 17 }) },
  { name: '3 cases, 1904 date system', make: () => fixtureWorkbook({ cases: 3, date1904: true }) },
  { name: 'no sheet named Sagsoversigt', make: () => fixtureWorkbook({ cases: 5, caseSheetName: 'Ark1' }) },
];

const verdictCol = DATA_COLUMNS + 2;

/** The cells of a sheet dump outside the given columns. */
function outside(cells: Dump['cells'][string], first: number, last: number): Dump['cells'][string] {
  const out: Dump['cells'][string] = {};
  for (const [addr, c] of Object.entries(cells)) {
    const letters = /^[A-Z]+/.exec(addr)?.[0] ?? '';
    let col = 0;
    for (const ch of letters) col = col * 26 + ch.charCodeAt(0) - 64;
    if (col < first || col > last) out[addr] = c;
  }
  return out;
}

describe('WorkbookPort contract: both adapters read the same snapshot', () => {
  it.each(FIXTURES)('$name', async ({ make }) => {
    const xlsx = await make();
    const snaps: Snapshot[] = [];
    for (const a of ADAPTERS) snaps.push(await (await a.open(xlsx)).port.readSnapshot());
    const [fromExcelJs, ...others] = snaps as [Snapshot, ...Snapshot[]];
    for (const other of others) expect(other).toEqual(fromExcelJs);
  });

  it('reads the sheets the core needs, dates as serials with their format, and the 1904 system', async () => {
    const { port } = await officeAdapter.open(await fixtureWorkbook({ cases: 3, date1904: true }));
    const snap = await port.readSnapshot();
    expect(snap.date1904).toBe(true);
    expect(snap.sheetNames).toEqual([
      'Sagsoversigt',
      'Indstillinger',
      'Gennemgang',
      'Andet ark',
      'Skjult',
      'Gammelt resultat',
    ]);
    expect(Object.keys(snap.sheets).sort()).toEqual(['Gennemgang', 'Indstillinger', 'Sagsoversigt']);
    const rows = snap.sheets.Sagsoversigt?.rows ?? [];
    expect(rows[0]?.[0]).toBe('Bilag 1 – Sagsoversigt');
    expect(snap.sheets.Sagsoversigt?.merges).toEqual(['A1:D1']);
    // 01-01-2021 is serial 44197 in the 1900 system and 42735 in the 1904 system.
    expect(rows[HEADER_ROW]?.[4]).toEqual({ n: 44197 - 1462, fmt: 'dd-mm-yyyy' });
    expect(rows[HEADER_ROW]?.[5]).toBe(true);
    expect(rows[HEADER_ROW + 1]?.[5]).toBe('Nej');
    expect(rows[HEADER_ROW + 2]?.[7]).toBe('=ikke en formel');
  });

  it('without a Sagsoversigt sheet reads every visible sheet, not hidden ones', async () => {
    const { port } = await officeAdapter.open(await fixtureWorkbook({ cases: 5, caseSheetName: 'Ark1' }));
    const snap = await port.readSnapshot();
    expect(Object.keys(snap.sheets).sort()).toEqual([
      'Andet ark',
      'Ark1',
      'Gammelt resultat',
      'Gennemgang',
      'Indstillinger',
    ]);
  });

  it('reads in exactly 3 syncs (names, sizes, cells), and merges only where ExcelApi 1.13 is supported', async () => {
    const xlsx = await fixtureWorkbook({ cases: 17 });
    const sim = createSimulatedExcel(await simWorkbookFromXlsx(xlsx), 9);
    const snap = await new OfficeWorkbook(sim.run, { isSetSupported: sim.isSetSupported }).readSnapshot();
    expect(sim.syncCount).toBe(3);
    expect(snap.sheets.Sagsoversigt?.merges).toEqual([]);
  });

  it('reads a large case sheet in row blocks: every response far below 5 MB, the same snapshot as ExcelJS', async () => {
    const xlsx = await fixtureWorkbook({ cases: 5000 });
    const sim = createSimulatedExcel(await simWorkbookFromXlsx(xlsx));
    const snap = await new OfficeWorkbook(sim.run, { isSetSupported: sim.isSetSupported }).readSnapshot();
    expect(snap).toEqual(await (await ADAPTERS[0]!.open(xlsx)).port.readSnapshot());
    expect(snap.sheets.Sagsoversigt?.rows.length).toBeGreaterThan(5000);
    // 5,000 case rows of the fixture's columns are more than one block of 25,000 cells.
    expect(sim.syncCount).toBeGreaterThan(3);
    expect(Math.max(...sim.responses.map((r) => r.bytes))).toBeLessThan(2_500_000);
  });
});

describe.each(ADAPTERS)('WorkbookPort contract: $name applies a plan', (adapter) => {
  let xlsx: Buffer;
  beforeAll(async () => {
    xlsx = await fixtureWorkbook({ cases: 17 });
  });

  it('writes the verdict block and leaves the people’s cells and other sheets unchanged', async () => {
    const before = await (await adapter.open(xlsx)).dump();
    const o = await adapter.open(xlsx);
    await o.port.apply(fixturePlan({ review: true }));
    const after = await o.dump();
    const last = verdictCol + VERDICT_HEADERS.length - 1;
    expect(outside(after.cells.Sagsoversigt ?? {}, verdictCol, last)).toEqual(before.cells.Sagsoversigt);
    for (const name of ['Indstillinger', 'Andet ark', 'Skjult'])
      expect(after.cells[name]).toEqual(before.cells[name]);
    expect(after.cells.Sagsoversigt?.[`${columnLetter(verdictCol + 2)}${HEADER_ROW}`]).toEqual({
      value: '2.3 4-måneders frist',
      type: 'string',
      numFmt: 'General',
    });
    expect(after.sheets.map((s) => s.name)).not.toContain('Gammelt resultat');
    expect(after.sheets).toContainEqual({ name: '_Barometer', visibility: 'VeryHidden' });
    // The review line is appended below the existing one, Tidspunkt as a date-time.
    expect(after.cells.Gennemgang?.A3).toEqual({
      value: 45001.75,
      type: 'number',
      numFmt: 'dd-mm-yyyy hh:mm',
    });
    expect(after.cells.Gennemgang?.F3).toEqual({
      value: '=Barnet blev hørt telefonisk',
      type: 'string',
      numFmt: 'General',
    });
    expect(after.cells.Gennemgang?.A2).toEqual(before.cells.Gennemgang?.A2);
  });

  it('writes formula-looking and number-looking strings as exactly that text', async () => {
    const o = await adapter.open(xlsx);
    await o.port.apply(fixturePlan());
    const cells = (await o.dump()).cells.Sagsoversigt ?? {};
    const col = columnLetter(verdictCol + 3);
    TRICKY_TEXTS.forEach((text, i) => {
      expect(cells[`${col}${HEADER_ROW + 1 + i}`]).toEqual({
        value: text,
        type: 'string',
        numFmt: 'General',
      });
    });
  });

  it('is idempotent: applying the same plan again (clearing the earlier block) gives the same cells', async () => {
    const o = await adapter.open(xlsx);
    await o.port.apply(fixturePlan());
    const once = await o.dump();
    await o.port.apply(fixturePlan({ clear: true }));
    expect(await o.dump()).toEqual(once);
  });

  it('a smaller re-run clears the rows of the earlier, longer block', async () => {
    const o = await adapter.open(xlsx);
    await o.port.apply(fixturePlan({ sheets: false }));
    await o.port.apply({
      ...fixturePlan({ sheets: false, clear: true, cases: 3 }),
      clearColumns: fixturePlan({ clear: true }).clearColumns,
    });
    const cells = (await o.dump()).cells.Sagsoversigt ?? {};
    const col = columnLetter(verdictCol + 1);
    expect(cells[`${col}${HEADER_ROW + 3}`]).toBeDefined();
    expect(cells[`${col}${HEADER_ROW + 4}`]).toBeUndefined();
    expect(cells[`${col}${HEADER_ROW + 17}`]).toBeUndefined();
  });

  it('creates Gennemgang with its headers when it is absent', async () => {
    const ExcelJS = (await import('exceljs')).default;
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(xlsx as unknown as ArrayBuffer);
    const g = wb.getWorksheet('Gennemgang');
    if (g) wb.removeWorksheet(g.id);
    const noLog = await adapter.open(Buffer.from(await wb.xlsx.writeBuffer()));
    await noLog.port.apply(fixturePlan({ review: true, sheets: false }));
    const log = (await noLog.dump()).cells.Gennemgang ?? {};
    expect(['A1', 'B1', 'C1', 'D1', 'E1', 'F1', 'G1'].map((a) => log[a]?.value)).toEqual([
      'Tidspunkt',
      'Sagsnr',
      'Spørgsmål',
      'Beregnet',
      'Rettet til',
      'Begrundelse',
      'Initialer',
    ]);
    expect(log.A2).toEqual({ value: 45001.75, type: 'number', numFmt: 'dd-mm-yyyy hh:mm' });
    expect(log.A3).toBeUndefined();
  });
});

describe('WorkbookPort contract: both adapters leave the same cells', () => {
  const PLANS: { name: string; plan: () => WritePlan }[] = [
    { name: 'first run with sheets and a review line', plan: () => fixturePlan({ review: true }) },
    { name: 'verdict columns only', plan: () => fixturePlan({ sheets: false }) },
  ];
  it.each(PLANS)('$name', async ({ plan }) => {
    const xlsx = await fixtureWorkbook({ cases: 17 });
    const dumps: Dump[] = [];
    for (const a of ADAPTERS) {
      const o = await a.open(xlsx);
      await o.port.apply(plan());
      dumps.push(await o.dump());
    }
    expect(dumps[1]).toEqual(dumps[0]);
    // And both read back the same snapshot afterwards.
    const snaps: Snapshot[] = [];
    for (const a of ADAPTERS) {
      const o = await a.open(xlsx);
      await o.port.apply(plan());
      snaps.push(await o.port.readSnapshot());
    }
    expect(snaps[1]).toEqual(snaps[0]);
  });

  it('the Office styles carry the same number formats as the ExcelJS styles', () => {
    const ids = Object.keys(STYLES) as StyleId[];
    expect(Object.keys(OFFICE_STYLES).sort()).toEqual([...ids].sort());
    for (const id of ids) expect([id, OFFICE_STYLES[id].numFmt]).toEqual([id, STYLES[id].numFmt]);
  });
});

describe('OfficeWorkbook on the simulated Excel: round trips and Office specifics', () => {
  it('a full check of 17 cases (read + apply) takes at most 5 syncs, values before formats', async () => {
    const { port, sim } = await officeAdapter.open(await fixtureWorkbook({ cases: 17 }));
    await port.readSnapshot();
    await port.apply(fixturePlan());
    expect(sim?.syncCount).toBe(5);
    expect(sim?.stats.suspendCalculation).toBe(1);
  });

  it('applies the chart, frozen rows, drop-down lists, column formats and widths', async () => {
    const { port, sim } = await officeAdapter.open(await fixtureWorkbook({ cases: 17 }));
    await port.apply(fixturePlan());
    const sheet = (name: string) => sim?.workbook.sheets.find((s) => s.name === name);
    expect(sheet('Overblik')?.charts).toEqual([
      {
        type: 'ColumnClustered',
        source: 'Overblik!A1:C4',
        seriesBy: 'Columns',
        title: 'Overholdt: kommunen og landsresultatet',
        position: { start: 'E2', end: 'K17' },
      },
    ]);
    expect(sheet('Overblik')?.freezeRows).toBe(1);
    expect(sheet('Skabelon')?.validations).toEqual([
      {
        rect: { top: 2, bottom: 50, left: 3, right: 3 },
        rule: { list: { inCellDropDown: true, source: 'Ja,Nej' } },
        errorAlert: {
          showAlert: true,
          style: 'Warning',
          title: 'Ukendt værdi',
          message: 'Vælg en værdi fra listen.',
        },
      },
    ]);
    const skabelon = sheet('Skabelon');
    expect(skabelon?.cells.size).toBeGreaterThan(49);
    expect(sheet('Resultater')?.columnWidths.get(1)).toBeCloseTo((60 * 7 + 5) * 0.75);
    const ja = sheet('Sagsoversigt')?.cells;
    expect(ja).toBeDefined();
  });

  it('a 100,000-case plan never sends a request over 5 MB and lands completely', async () => {
    const n = 100_000;
    const { port, sim } = await officeAdapter.open(await fixtureWorkbook({ cases: 3 }));
    await port.apply(fixturePlan({ cases: n, sheets: false }));
    const max = Math.max(...(sim?.requests ?? []).map((r) => r.bytes));
    expect(max).toBeLessThanOrEqual(PAYLOAD_LIMIT);
    expect(sim?.requests.length).toBeGreaterThan(2);
    const cells = sim?.workbook.sheets.find((s) => s.name === 'Sagsoversigt')?.cells;
    const dump = dumpWorkbook(sim!.workbook).cells.Sagsoversigt ?? {};
    // Case i (0-based) is on row HEADER_ROW + 1 + i; its remark is "Sag i+1" unless i % 3 === 0.
    expect(dump[`${columnLetter(verdictCol + 3)}${HEADER_ROW + n - 1}`]).toEqual({
      value: `Sag ${n - 1}`,
      type: 'string',
      numFmt: 'General',
    });
    expect(dump[`${columnLetter(verdictCol + 3)}${HEADER_ROW + n}`]).toBeUndefined();
    expect(dump[`${columnLetter(verdictCol + 1)}${HEADER_ROW + n}`]?.type).toBe('string');
    expect(cells?.get(0)).toBeUndefined();
  });

  it('maps Office errors to Danish messages', async () => {
    const xlsx = await fixtureWorkbook({ cases: 3 });
    const edit = await officeAdapter.open(xlsx);
    edit.sim!.workbook.cellEditMode = true;
    await expect(edit.port.readSnapshot()).rejects.toEqual(
      new UserError('Excel er i redigeringstilstand. Tryk Enter eller Esc i cellen, og prøv igen.'),
    );

    const locked = await officeAdapter.open(xlsx);
    locked.sim!.workbook.sheets[0]!.protected = true;
    await expect(locked.port.apply(fixturePlan({ cases: 3, sheets: false }))).rejects.toThrow(/beskyttet/);

    // An adapter that would send everything at once is rejected like Excel on the web does.
    const big = createSimulatedExcel(await simWorkbookFromXlsx(xlsx));
    const greedy = new OfficeWorkbook(big.run, { isSetSupported: big.isSetSupported, maxRequestBytes: 1e9 });
    await expect(greedy.apply(fixturePlan({ cases: 150_000, sheets: false }))).rejects.toThrow(
      /for mange data til at sende til Excel på én gang/,
    );
  });

  it('select() activates the sheet and selects the cell; a missing sheet is a UserError', async () => {
    const o = await officeAdapter.open(await fixtureWorkbook({ cases: 3 }));
    const port = o.port as OfficeWorkbook;
    await port.select('Indstillinger', 'B2');
    expect([o.sim?.workbook.activeSheet, o.sim?.workbook.selection]).toEqual([
      'Indstillinger',
      'Indstillinger!B2',
    ]);
    await expect(port.select('Findes ikke', 'A1')).rejects.toBeInstanceOf(UserError);
  });

  it('a plan for a case sheet that is gone is a UserError with exit 2', async () => {
    const { port } = await officeAdapter.open(await fixtureWorkbook({ cases: 3 }));
    await expect(port.apply({ ...fixturePlan({ cases: 3 }), caseSheet: 'Slettet' })).rejects.toMatchObject({
      name: 'UserError',
      exitCode: 2,
    });
  });
});

describe('textForExcel', () => {
  it.each([
    ['Ja', 'Ja'],
    ['Nej, men lovlig grund', 'Nej, men lovlig grund'],
    ['Kilde: Ishøj Kommune, egen gennemgang 23-11-2026', 'Kilde: Ishøj Kommune, egen gennemgang 23-11-2026'],
    ['=SUM(A1)', "'=SUM(A1)"],
    ['+45', "'+45"],
    ['-', "'-"],
    ['@x', "'@x"],
    ["'a", "''a"],
    ['#N/A', "'#N/A"],
    ['2.3', "'2.3"],
    ['12', "'12"],
    ['.5', "'.5"],
    ['(3)', "'(3)"],
    ['TRUE', "'TRUE"],
    ['Sand', "'Sand"],
    ['marts 2021', "'marts 2021"],
    [' x', "' x"],
    ['', ''],
  ])('%j → %j', (input, expected) => {
    expect(textForExcel(input)).toBe(expected);
  });
});

describe('WorkbookPort contract: the template plan (domain templatePlan) on both adapters', () => {
  it('builds the same sheets, cells and number formats', async () => {
    const ExcelJS = (await import('exceljs')).default;
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet('Ark1').getCell('A1').value = 'Brugerens ark';
    const xlsx = Buffer.from(await wb.xlsx.writeBuffer());
    const plan: WritePlan = {
      caseSheet: 'Ark1',
      clearColumns: null,
      verdictBlock: { row: 1, col: 1, values: [] },
      verdictColumnWidths: [],
      sheets: templatePlan(46000),
      deleteSheets: [],
    };
    const dumps: Dump[] = [];
    let sim: SimulatedExcel | undefined;
    for (const a of ADAPTERS) {
      const o = await a.open(xlsx);
      await o.port.apply(plan);
      dumps.push(await o.dump());
      sim = o.sim ?? sim;
    }
    expect(dumps[1]).toEqual(dumps[0]);
    expect(dumps[1]?.cells.Ark1).toEqual({
      A1: { value: 'Brugerens ark', type: 'string', numFmt: 'General' },
    });
    // Every drop-down landed in Excel (a literal list ≤ 255 characters, or a range on the list sheet).
    const wanted = plan.sheets.reduce((n, s) => n + (s.validations?.length ?? 0), 0);
    const got = (sim?.workbook.sheets ?? []).reduce((n, s) => n + s.validations.length, 0);
    expect(got).toBe(wanted);
    expect(sim?.syncCount).toBe(2);
  });
});
