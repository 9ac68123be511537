import { DATETIME_FORMAT } from '../domain/formats';
import type { StyleId } from '../domain/types';

/**
 * How each style of the write plan looks, in neutral terms (colours as RRGGBB). The adapters turn
 * a look into their own formatting: OOXML styles in the package writer, Office.js range formats,
 * ExcelJS style objects.
 */
export interface Look {
  readonly bold?: boolean;
  readonly italic?: boolean;
  /** Font size in points; absent = the workbook's default. */
  readonly size?: number;
  readonly color?: string;
  readonly fill?: string;
  readonly wrap?: boolean;
  /** Right-aligned: the header of a column of numbers stands over its numbers. */
  readonly alignRight?: boolean;
  readonly verticalTop?: boolean;
  readonly numFmt?: string;
  readonly borders?: readonly {
    readonly edge: 'top' | 'bottom' | 'left' | 'right';
    readonly style: 'thin' | 'dashed';
    readonly color: string;
  }[];
}

export const PERCENT_FMT = '0%';

const dashedBox = (['left', 'right', 'top', 'bottom'] as const).map((edge) => ({
  edge,
  style: 'dashed' as const,
  color: '7F7F7F',
}));
const line = (edge: 'top' | 'bottom') => [{ edge, style: 'thin' as const, color: '000000' }];

export const LOOKS: Readonly<Record<StyleId, Look>> = {
  'generated-header': { bold: true, color: 'FFFFFF', fill: '1F3864', wrap: true, verticalTop: true },
  'verdict-ja': { color: '006100', fill: 'C6EFCE' },
  'verdict-nej': { color: '9C0006', fill: 'FFC7CE' },
  'verdict-nejmen': { color: '9C5700', fill: 'FFEB9C' },
  'verdict-irrelevant': { color: '595959', fill: 'EDEDED' },
  'verdict-missing': { color: '000000', fill: 'FFFFFF', borders: dashedBox },
  'verdict-corrected': { italic: true, color: '1F4E79', fill: 'DDEBF7' },
  'selection-ok': { color: '006100' },
  'selection-problem': { bold: true, color: '9C0006', fill: 'FFC7CE' },
  remark: {},
  // Titles and sources wrap inside their column so a long one neither runs off the printed page
  // nor pushes the Procent column onto a page of its own.
  chapter: { bold: true, size: 14, color: '1F3864', wrap: true },
  'table-title': { bold: true, wrap: true },
  'table-header': { bold: true, borders: line('bottom') },
  'table-header-num': { bold: true, borders: line('bottom'), alignRight: true },
  'table-row': {},
  'table-total': { bold: true, borders: line('top') },
  percent: { numFmt: PERCENT_FMT },
  'percent-total': { numFmt: PERCENT_FMT, bold: true, borders: line('top') },
  source: { italic: true, size: 9, color: '595959', wrap: true },
  'memo-heading': { bold: true, size: 12 },
  'memo-text': { wrap: true, verticalTop: true },
  datetime: { numFmt: DATETIME_FORMAT },
};
