/**
 * Issue 12 item 4: the front sheets print one case per A4 page. `barometer forsider` writes the
 * sheets of the bundled example's list and of a list under both laws; LibreOffice headless prints
 * both files to PDF in one call, and each PDF's pages are read back: one A4 portrait page per case,
 * in Sag nummer order, each with its own "Sags nr. x ud af n", one X and the virk.dk remark.
 */
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { fixtureWorkbook } from '../fixtures/build';
import blandet from '../fixtures/data/blandet';
import eksempel from '../fixtures/data/eksempel';
import { runCli, tempDir } from '../cli/helpers';
import { pdfPages, type PdfPage } from './pdftext';

/** A4 portrait in points, as LibreOffice writes the MediaBox. */
const A4 = { width: 595.3, height: 841.9 };

const textOf = (page: PdfPage): string => page.lines.map((l) => l.text).join('\n');

describe('the front sheets print one case per A4 page', () => {
  const dir = tempDir('barometer-forsider-pdf-');
  const inputs = [
    ['eksempel', eksempel, 'Testrup'],
    ['blandet', blandet, 'Fiktivby'],
  ] as const;
  let pages: Map<string, PdfPage[]>;

  beforeAll(async () => {
    const outs: string[] = [];
    for (const [name, data] of inputs) {
      const file = path.join(dir, `${name}.xlsx`);
      await fixtureWorkbook(data).xlsx.writeFile(file);
      const r = await runCli(['forsider', file, '--today', '23-11-2026']);
      expect(r.status).toBe(0);
      outs.push(path.join(dir, `${name}-sagsforsider.xlsx`));
    }
    const r = spawnSync(
      'soffice',
      [
        `-env:UserInstallation=file://${dir}/profile`,
        '--headless',
        '--convert-to',
        'pdf',
        '--outdir',
        dir,
        ...outs,
      ],
      { encoding: 'utf8', timeout: 110_000 },
    );
    expect(r.status).toBe(0);
    pages = new Map(
      inputs.map(([name]) => [name, pdfPages(fs.readFileSync(path.join(dir, `${name}-sagsforsider.pdf`)))]),
    );
  });

  it.each(inputs)('%s: one A4 portrait page per case with its Sags nr. and remark', (name, data, kommune) => {
    const n = data.rows.length;
    const got = pages.get(name) as PdfPage[];
    expect(got).toHaveLength(n);
    got.forEach((page, i) => {
      const x = i + 1;
      expect([x, Math.round(page.width), Math.round(page.height)]).toEqual([
        x,
        Math.round(A4.width),
        Math.round(A4.height),
      ]);
      const text = textOf(page);
      expect(text).toContain(`Sags nr. ${x} ud af ${n}`);
      expect(text).toContain(`Kommune: ${kommune}`);
      expect(text).toContain(`Børnesagsbarometret, ${kommune}, sag nr. ${x} ud af ${n} sager`);
      expect(page.lines.filter((l) => l.text.trim() === 'X')).toHaveLength(1);
      // Nothing of another case's page on this one.
      expect(text.match(/Sags nr\. \d+ ud af/g)).toHaveLength(1);
    });
  });
});
