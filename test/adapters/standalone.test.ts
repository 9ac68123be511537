/**
 * The browser's standalone mode edits the opened file with the package editor, as the CLI does:
 * a workbook with a chart (a drawing on the case sheet and its chart part) keeps the chart byte for
 * byte through a standalone session's check and download. Runs the session module itself (jest,
 * node: Blob and the fflate codec are what the browser uses too).
 */
import * as fs from 'node:fs';
import { EXAMPLE_PATH } from '../../src/cli/main';
import { dayFromYmd } from '../../src/domain/days';
import { core } from '../../src/taskpane/services/core';
import { sessionFromBuffer } from '../../src/taskpane/services/standaloneWorkbook';
import { XlsxPackageWorkbook } from '../../src/workbook/xlsxpackage';
import { ZipArchive, utf8Bytes, utf8Text, writeZip, type ZipPart } from '../../src/workbook/xlsx/zip';

const NS_REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const NS_PKG = 'http://schemas.openxmlformats.org/package/2006/relationships';

const CHART = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<c:chartSpace xmlns:c="http://schemas.openxmlformats.org/drawingml/2006/chart" xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" xmlns:r="${NS_REL}"><c:chart><c:title><c:tx><c:rich><a:bodyPr/><a:p><a:r><a:t>Sager pr. måned</a:t></a:r></a:p></c:rich></c:tx></c:title><c:plotArea><c:layout/><c:barChart><c:barDir val="col"/><c:grouping val="clustered"/><c:ser><c:idx val="0"/><c:order val="0"/><c:val><c:numRef><c:f>Sagsoversigt!$A$7:$A$12</c:f></c:numRef></c:val></c:ser><c:axId val="1"/><c:axId val="2"/></c:barChart><c:catAx><c:axId val="1"/><c:scaling><c:orientation val="minMax"/></c:scaling><c:axPos val="b"/><c:crossAx val="2"/></c:catAx><c:valAx><c:axId val="2"/><c:scaling><c:orientation val="minMax"/></c:scaling><c:axPos val="l"/><c:crossAx val="1"/></c:valAx></c:plotArea></c:chart></c:chartSpace>`;

const DRAWING = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<xdr:wsDr xmlns:xdr="http://schemas.openxmlformats.org/drawingml/2006/spreadsheetDrawing" xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main"><xdr:twoCellAnchor><xdr:from><xdr:col>2</xdr:col><xdr:colOff>0</xdr:colOff><xdr:row>25</xdr:row><xdr:rowOff>0</xdr:rowOff></xdr:from><xdr:to><xdr:col>9</xdr:col><xdr:colOff>0</xdr:colOff><xdr:row>40</xdr:row><xdr:rowOff>0</xdr:rowOff></xdr:to><xdr:graphicFrame macro=""><xdr:nvGraphicFramePr><xdr:cNvPr id="2" name="Diagram 1"/><xdr:cNvGraphicFramePr/></xdr:nvGraphicFramePr><xdr:xfrm><a:off x="0" y="0"/><a:ext cx="0" cy="0"/></xdr:xfrm><a:graphic><a:graphicData uri="http://schemas.openxmlformats.org/drawingml/2006/chart"><c:chart xmlns:c="http://schemas.openxmlformats.org/drawingml/2006/chart" xmlns:r="${NS_REL}" r:id="rId1"/></a:graphicData></a:graphic></xdr:graphicFrame><xdr:clientData/></xdr:twoCellAnchor></xdr:wsDr>`;

const CHART_PARTS = [
  'xl/charts/chart1.xml',
  'xl/drawings/drawing1.xml',
  'xl/drawings/_rels/drawing1.xml.rels',
];

/** The example workbook with a chart drawn on its case sheet (sheet1), as Excel stores one. */
function withChart(): Uint8Array {
  const zip = ZipArchive.read(new Uint8Array(fs.readFileSync(EXAMPLE_PATH)));
  const text = (name: string): string =>
    utf8Text(zip.data(zip.entry(name) as NonNullable<ReturnType<typeof zip.entry>>));
  const changed: Record<string, string> = {
    'xl/worksheets/sheet1.xml': text('xl/worksheets/sheet1.xml').replace(
      '</worksheet>',
      '<drawing r:id="rId1"/></worksheet>',
    ),
    '[Content_Types].xml': text('[Content_Types].xml').replace(
      '</Types>',
      '<Override PartName="/xl/charts/chart1.xml" ContentType="application/vnd.openxmlformats-officedocument.drawingml.chart+xml"/>' +
        '<Override PartName="/xl/drawings/drawing1.xml" ContentType="application/vnd.openxmlformats-officedocument.drawing+xml"/></Types>',
    ),
  };
  const parts: ZipPart[] = zip.entries.map((e) =>
    changed[e.name] !== undefined
      ? { name: e.name, data: utf8Bytes(changed[e.name] as string) }
      : { name: e.name, copy: e, from: zip },
  );
  const rels = (target: string, type: string): string =>
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="${NS_PKG}"><Relationship Id="rId1" Type="${NS_REL}/${type}" Target="${target}"/></Relationships>`;
  parts.push(
    {
      name: 'xl/worksheets/_rels/sheet1.xml.rels',
      data: utf8Bytes(rels('../drawings/drawing1.xml', 'drawing')),
    },
    { name: 'xl/drawings/drawing1.xml', data: utf8Bytes(DRAWING) },
    { name: 'xl/drawings/_rels/drawing1.xml.rels', data: utf8Bytes(rels('../charts/chart1.xml', 'chart')) },
    { name: 'xl/charts/chart1.xml', data: utf8Bytes(CHART) },
  );
  return writeZip(parts);
}

const stored = (bytes: Uint8Array): Map<string, Uint8Array> => {
  const zip = ZipArchive.read(bytes);
  return new Map(zip.entries.map((e) => [e.name, zip.raw(e)]));
};

describe('standalone mode: the package editor in the browser', () => {
  it('keeps a chart byte for byte through a check and the download, and writes the verdicts', async () => {
    const input = withChart();
    const copy = input.slice();
    const session = await sessionFromBuffer(
      copy.buffer,
      'sager.xlsx',
      core,
      () => dayFromYmd(2026, 11, 23),
      () => ({ day: dayFromYmd(2026, 11, 23), minutes: 600 }),
    );
    const result = await session.controller.check(() => undefined);
    expect(result.report.cases.length).toBe(17);
    const download = await (session.download as NonNullable<typeof session.download>)();
    expect(download.fileName).toBe('sager-resultat.xlsx');
    const out = new Uint8Array(await download.blob.arrayBuffer());

    const before = stored(input);
    const after = stored(out);
    for (const name of [...CHART_PARTS, 'xl/worksheets/_rels/sheet1.xml.rels']) {
      expect([name, Buffer.from(after.get(name) ?? []).equals(Buffer.from(before.get(name) ?? [1]))]).toEqual(
        [name, true],
      );
    }
    const zip = ZipArchive.read(out);
    const sheet = utf8Text(
      zip.data(zip.entry('xl/worksheets/sheet1.xml') as NonNullable<ReturnType<typeof zip.entry>>),
    );
    expect(sheet).toContain('<drawing r:id="rId1"/>');
    const types = utf8Text(
      zip.data(zip.entry('[Content_Types].xml') as NonNullable<ReturnType<typeof zip.entry>>),
    );
    expect(types).toContain('/xl/charts/chart1.xml');
    // The check ran on this file: verdict columns on the case sheet.
    const reread = await XlsxPackageWorkbook.fromBuffer(out).readSnapshot();
    expect(reread.sheets.Sagsoversigt?.rows[5]).toEqual(
      expect.arrayContaining(['2.2 Børnefaglig undersøgelse', 'Udvælgelse']),
    );
  });
});
