/// <reference types="office-js" />
/* eslint-disable office-addins/call-sync-before-read, office-addins/load-object-before-read, office-addins/call-sync-after-load --
   these tests read unloaded or unsynced properties on purpose: the simulator must throw as Office does. */
/**
 * The simulated Excel must behave like Office.js where the adapter could get it wrong; otherwise
 * the contract suite would pass code that fails in Excel.
 */
import { createSimulatedExcel, dumpSheet, emptyWorkbook, newSheet, PAYLOAD_LIMIT, type SimWorkbook } from '.';

function book(): SimWorkbook {
  const wb = emptyWorkbook();
  newSheet(wb, 'Sagsoversigt');
  newSheet(wb, 'Skjult').visibility = 'VeryHidden';
  return wb;
}

const codeOf = async (p: Promise<unknown>): Promise<string | undefined> =>
  p.then(
    () => undefined,
    (e: unknown) => (e as { code?: string }).code,
  );

describe('simulated Excel: Office.js batch semantics', () => {
  it('throws PropertyNotLoaded for a property never loaded, and for one loaded but not yet synced', async () => {
    const sim = createSimulatedExcel(book());
    await sim.run(async (context) => {
      const ws = context.workbook.worksheets.getItem('Sagsoversigt');
      expect(() => ws.name).toThrow(expect.objectContaining({ code: 'PropertyNotLoaded' }));
      ws.load('name');
      expect(() => ws.name).toThrow(expect.objectContaining({ code: 'PropertyNotLoaded' }));
      await context.sync();
      expect(ws.name).toBe('Sagsoversigt');
      expect(() => ws.visibility).toThrow(expect.objectContaining({ code: 'PropertyNotLoaded' }));
    });
    expect(sim.syncCount).toBe(1);
  });

  it('refuses load() without property names', async () => {
    const sim = createSimulatedExcel(book());
    await expect(
      sim.run(async (context) => {
        context.workbook.worksheets.getItem('Sagsoversigt').load();
      }),
    ).rejects.toThrow(/property names/);
  });

  it('queues writes until sync, in order, and Excel.run flushes what is left', async () => {
    const sim = createSimulatedExcel(book());
    await sim.run(async (context) => {
      const r = context.workbook.worksheets.getItem('Sagsoversigt').getRange('A1:B1');
      r.values = [['a', 1]];
      expect(sim.workbook.sheets[0]?.cells.size).toBe(0);
      r.values = [['b', null]];
    });
    expect(sim.syncCount).toBe(1);
    expect(dumpSheet(sim.workbook.sheets[0]!)).toEqual({
      A1: { value: 'b', type: 'string', numFmt: 'General' },
      B1: { value: 1, type: 'number', numFmt: 'General' }, // null leaves a cell unchanged
    });
  });

  it('getItemOrNullObject gives isNullObject after sync; using a null object fails the sync', async () => {
    const sim = createSimulatedExcel(book());
    await sim.run(async (context) => {
      const missing = context.workbook.worksheets.getItemOrNullObject('Findes ikke');
      const found = context.workbook.worksheets.getItemOrNullObject('sagsoversigt');
      expect(() => missing.isNullObject).toThrow(expect.objectContaining({ code: 'PropertyNotLoaded' }));
      await context.sync();
      expect([missing.isNullObject, found.isNullObject]).toEqual([true, false]);
    });
    const code = await codeOf(
      sim.run(async (context) => {
        context.workbook.worksheets.getItemOrNullObject('Findes ikke').getRange('A1').values = [['x']];
        await context.sync();
      }),
    );
    expect(code).toBe('InvalidOperation');
    const missing = await codeOf(
      sim.run(async (context) => {
        context.workbook.worksheets.getItem('Findes ikke').getRange('A1').values = [['x']];
        await context.sync();
      }),
    );
    expect(missing).toBe('ItemNotFound');
  });

  it('rejects a request over 5 MB before applying anything, and records every request size', async () => {
    const sim = createSimulatedExcel(book());
    const big = Array.from({ length: 100_000 }, (_, i) => [
      `række ${i} med en lang nok tekst til at fylde godt op`,
      i,
    ]);
    const code = await codeOf(
      sim.run(async (context) => {
        context.workbook.worksheets.getItem('Sagsoversigt').getRange(`A1:B${big.length}`).values = big;
        await context.sync();
      }),
    );
    expect(code).toBe('RequestPayloadSizeLimitExceeded');
    expect(sim.requests[0]?.bytes).toBeGreaterThan(PAYLOAD_LIMIT);
    expect(sim.workbook.sheets[0]?.cells.size).toBe(0);
  });

  it('coerces typed strings like Excel (da-DK), keeps text after an apostrophe', async () => {
    const sim = createSimulatedExcel(book());
    const inputs = [
      '=A1',
      '+45 1',
      '-x',
      '@x',
      '12',
      '2,5',
      '50%',
      '01-02-2021',
      'TRUE',
      '#N/A',
      "'=A1",
      "'12",
      'Ja',
    ];
    await sim.run(async (context) => {
      context.workbook.worksheets.getItem('Sagsoversigt').getRange(`A1:A${inputs.length}`).values =
        inputs.map((v) => [v]);
    });
    const d = dumpSheet(sim.workbook.sheets[0]!);
    expect(inputs.map((_, i) => d[`A${i + 1}`]?.type)).toEqual([
      'formula',
      'formula',
      'formula',
      'formula',
      'number',
      'number',
      'number',
      'number',
      'boolean',
      'error',
      'string',
      'string',
      'string',
    ]);
    expect(d.A8).toEqual({ value: 44228, type: 'number', numFmt: 'dd-mm-yyyy' });
    expect(d.A11?.value).toBe('=A1');
  });

  it('refuses a values array of the wrong shape, a duplicate sheet name, and hiding the last visible sheet', async () => {
    const sim = createSimulatedExcel(book());
    const shape = await codeOf(
      sim.run(async (context) => {
        context.workbook.worksheets.getItem('Sagsoversigt').getRange('A1:B2').values = [['x']];
        await context.sync();
      }),
    );
    const dup = await codeOf(
      sim.run(async (context) => {
        context.workbook.worksheets.add('SAGSOVERSIGT');
        await context.sync();
      }),
    );
    const hide = await codeOf(
      sim.run(async (context) => {
        context.workbook.worksheets.getItem('Sagsoversigt').visibility = 'VeryHidden';
        await context.sync();
      }),
    );
    expect([shape, dup, hide]).toEqual(['InvalidArgument', 'ItemAlreadyExists', 'InvalidOperation']);
  });

  it('reports the used range (values only) and the 1904 date system through DATE(1904;1;1)', async () => {
    const wb = book();
    wb.date1904 = true;
    const sim = createSimulatedExcel(wb);
    await sim.run(async (context) => {
      const ws = context.workbook.worksheets.getItem('Sagsoversigt');
      ws.getRange('C3:D4').values = [
        ['a', null],
        [null, 2],
      ];
      ws.getRange('Z99').format.fill.color = '#FFFF00';
      const used = ws.getUsedRangeOrNullObject(true);
      used.load('address,valueTypes');
      const probe = context.workbook.functions.date(1904, 1, 1);
      probe.load('value');
      await context.sync();
      expect(used.address).toBe('Sagsoversigt!C3:D4');
      expect(used.valueTypes).toEqual([
        ['String', 'Empty'],
        ['Empty', 'Double'],
      ]);
      expect(probe.value).toBe(0);
    });
  });
});
