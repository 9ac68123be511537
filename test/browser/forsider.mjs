/**
 * Issue 12 item 4 in the standalone pane: "Opret sagsforsider (Bilag 2)" on the open example asks
 * first, saying the file holds the children's names and CPR numbers; "Annullér" makes nothing;
 * confirming downloads <name>-sagsforsider.xlsx, read back with ExcelJS (one sheet per case, the
 * seed's texts). axe is clean on the question and after the file is made.
 */
import assert from 'node:assert/strict';
import path from 'node:path';
import ExcelJS from 'exceljs';

export async function frontSheetsSteps({ page, axeCheck, artifacts, cases }) {
  console.log('"Opret sagsforsider (Bilag 2)" asks first, then downloads the front sheets');
  // The previous step's toast ("Resultatet er hentet") is gone first: axe judges colours at rest.
  await page
    .getByText('Resultatet er hentet', { exact: true })
    .waitFor({ state: 'detached', timeout: 30_000 });
  const ask = page.getByRole('button', { name: 'Opret sagsforsider (Bilag 2)', exact: true });
  await ask.click();
  const question = page.getByRole('group', { name: 'Filen indeholder børnenes navne og cpr-numre' });
  await question.waitFor();
  const text = await question.innerText();
  assert.match(text, /Sagsforsiderne indeholder børnenes navne og cpr-numre/);
  assert.match(text, /Filen hentes til din computer\./);
  assert.equal(
    await question.evaluate((el) => el === document.activeElement),
    true,
    'the question has focus',
  );
  await axeCheck(page, 'front sheets: the question');

  let downloads = 0;
  const count = () => void (downloads += 1);
  page.on('download', count);
  await page.getByRole('button', { name: 'Annullér', exact: true }).click();
  await question.waitFor({ state: 'detached' });
  assert.equal(
    await ask.evaluate((el) => el === document.activeElement),
    true,
    'focus is back on the button',
  );
  page.off('download', count);
  assert.equal(downloads, 0, '"Annullér" makes no file');

  await ask.click();
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: 'Opret filen med navne og cpr-numre', exact: true }).click(),
  ]);
  assert.equal(download.suggestedFilename(), 'eksempel-sagsforsider.xlsx');
  const saved = path.join(artifacts, 'eksempel-sagsforsider.xlsx');
  await download.saveAs(saved);
  await page.getByText('Sagsforsiderne er oprettet', { exact: true }).waitFor();
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(saved);
  assert.deepEqual(
    wb.worksheets.map((w) => w.name),
    Array.from({ length: cases }, (_, i) => `Sag ${i + 1}`),
    'one sheet per case',
  );
  const texts = [];
  wb.getWorksheet('Sag 3').eachRow((row) => row.eachCell((c) => texts.push(String(c.text))));
  assert.ok(texts.includes(`Sags nr. 3 ud af ${cases}`));
  assert.ok(
    texts.some((t) => /^Barnets navn og cpr\.nr\.: .+, \d{6}-\d{4}$/.test(t)),
    'name and CPR on the sheet',
  );
  assert.ok(texts.includes(`Børnesagsbarometret, Testrup, sag nr. 3 ud af ${cases} sager`));
  assert.equal(texts.filter((t) => t === 'X').length, 1, 'one measure marked');
  assert.doesNotMatch(
    await page.locator('body').innerText(),
    /\b\d{6}-?\d{4}\b/,
    'no CPR number on the pane',
  );
  await axeCheck(page, 'front sheets: made');
  console.log(`  ✓ ${path.relative(process.cwd(), saved)}: ${cases} front sheets, the question asked first`);
}
