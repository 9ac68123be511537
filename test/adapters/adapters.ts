/**
 * The three WorkbookPort adapters as the contract suites open them, from the same .xlsx bytes:
 * ExcelJS (standalone browser mode, template), Office on the simulated Excel, and the package
 * adapter (the CLI). Each dump goes through a real .xlsx read where the adapter writes a file, so
 * what is compared is what a user would open.
 */
import { nodeZipCodec } from '../../src/cli/zipCodec';
import { ExcelJsWorkbook } from '../../src/workbook/exceljs';
import { OfficeWorkbook } from '../../src/workbook/office';
import type { WorkbookPort } from '../../src/workbook/port';
import { XlsxPackageWorkbook } from '../../src/workbook/xlsxpackage';
import { createSimulatedExcel, dumpWorkbook, simWorkbookFromXlsx, type SimulatedExcel } from '../excel-sim';

export type Dump = ReturnType<typeof dumpWorkbook>;

export interface Opened {
  readonly port: WorkbookPort;
  dump(): Promise<Dump>;
  readonly sim?: SimulatedExcel;
}

export interface Adapter {
  readonly name: string;
  open(xlsx: Buffer): Promise<Opened>;
}

export const exceljsAdapter: Adapter = {
  name: 'ExcelJsWorkbook (.xlsx)',
  async open(xlsx) {
    const wb = await ExcelJsWorkbook.fromBuffer(xlsx);
    return { port: wb, dump: async () => dumpWorkbook(await simWorkbookFromXlsx(await wb.toBuffer())) };
  },
};

export const officeAdapter: Adapter = {
  name: 'OfficeWorkbook (simulated Excel)',
  async open(xlsx) {
    const sim = createSimulatedExcel(await simWorkbookFromXlsx(xlsx));
    const port = new OfficeWorkbook(sim.run, { isSetSupported: sim.isSetSupported, runOn: sim.runOn });
    return { port, sim, dump: async () => dumpWorkbook(sim.workbook) };
  },
};

export const packageAdapter: Adapter = {
  name: 'XlsxPackageWorkbook (.xlsx edited in place)',
  async open(xlsx) {
    const wb = XlsxPackageWorkbook.fromBuffer(new Uint8Array(xlsx), nodeZipCodec);
    return {
      port: wb,
      dump: async () => dumpWorkbook(await simWorkbookFromXlsx(Buffer.from(await wb.toBuffer()))),
    };
  },
};

export const ADAPTERS: readonly Adapter[] = [exceljsAdapter, officeAdapter, packageAdapter];
