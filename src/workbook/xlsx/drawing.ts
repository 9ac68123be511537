import { parseRange } from '../../domain/address';
import { NS_CHART, NS_DRAWINGML, el } from './chart';
import { NS_PKG_REL, NS_REL } from './xml';

/**
 * The drawing part (SpreadsheetML drawing, ECMA-376 Part 1 §20.5) that places one chart on a
 * worksheet, and the small relationship parts that tie sheet → drawing → chart.
 */

export const NS_SPREADSHEET_DRAWING = 'http://schemas.openxmlformats.org/drawingml/2006/spreadsheetDrawing';
export const CT_DRAWING = 'application/vnd.openxmlformats-officedocument.drawing+xml';
export const REL_TYPE_DRAWING = `${NS_REL}/drawing`;
export const REL_TYPE_CHART = `${NS_REL}/chart`;

/** The relationship id every fresh rels part of ours starts with (the sheet's and the drawing's). */
export const FIRST_REL_ID = 'rId1';

/** Zero-based cell corner of an anchor. */
function marker(tag: 'xdr:from' | 'xdr:to', col: number, row: number): string {
  return el(
    tag,
    {},
    el('xdr:col', {}, String(col)),
    el('xdr:colOff', {}, '0'),
    el('xdr:row', {}, String(row)),
    el('xdr:rowOff', {}, '0'),
  );
}

/**
 * A drawing holding one chart (relationship `chartRelId`) that covers the cells `from`..`to`
 * (A1, inclusive): a twoCellAnchor from the top-left corner of `from` to the top-left corner of
 * the cell past `to`, so it moves and sizes with those cells. `description` is its alt text.
 */
export function drawingXml(
  from: string,
  to: string,
  chartRelId: string,
  name: string,
  description: string,
): string {
  const r = parseRange(`${from}:${to}`);
  const frame = el(
    'xdr:graphicFrame',
    { macro: '' },
    el(
      'xdr:nvGraphicFramePr',
      {},
      el('xdr:cNvPr', { id: 2, name, descr: description }),
      el('xdr:cNvGraphicFramePr', {}, el('a:graphicFrameLocks', { noGrp: 1 })),
    ),
    el('xdr:xfrm', {}, el('a:off', { x: 0, y: 0 }), el('a:ext', { cx: 0, cy: 0 })),
    el(
      'a:graphic',
      {},
      el(
        'a:graphicData',
        { uri: NS_CHART },
        el('c:chart', { 'xmlns:c': NS_CHART, 'xmlns:r': NS_REL, 'r:id': chartRelId }),
      ),
    ),
  );
  return (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n' +
    el(
      'xdr:wsDr',
      { 'xmlns:xdr': NS_SPREADSHEET_DRAWING, 'xmlns:a': NS_DRAWINGML },
      el(
        'xdr:twoCellAnchor',
        {},
        marker('xdr:from', r.left - 1, r.top - 1),
        marker('xdr:to', r.right, r.bottom),
        frame,
        el('xdr:clientData'),
      ),
    )
  );
}

/** A relationships part listing `rels` (targets relative to the source part's folder). */
export function relsXml(rels: readonly { id: string; type: string; target: string }[]): string {
  return (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n' +
    el(
      'Relationships',
      { xmlns: NS_PKG_REL },
      ...rels.map((r) => el('Relationship', { Id: r.id, Type: r.type, Target: r.target })),
    )
  );
}

/** The target of a relationship from part `source` to part `target`, relative ("../charts/chart1.xml"). */
export function relativePath(source: string, target: string): string {
  const from = source.split('/').slice(0, -1);
  const to = target.split('/');
  let k = 0;
  while (k < from.length && k < to.length - 1 && from[k] === to[k]) k += 1;
  return [...from.slice(k).map(() => '..'), ...to.slice(k)].join('/');
}
