/**
 * Browser checks of the Indstillinger form's Egenkontrol fields (issue 12 item 6), in standalone
 * mode on the bundled example: Formål is a drop-down, Periode fra/til appear under Egenkontrol and
 * an invalid one is marked on its own field, Regelsæt offers automatic or a forced rule set, and the
 * downloaded result holds the settings, "Overblik pr. kvartal" and a memo naming the period.
 */
import assert from 'node:assert/strict';
import path from 'node:path';
import ExcelJS from 'exceljs';

/** Every cell's text of column A..B of a sheet. */
function texts(ws) {
  const out = [];
  ws.eachRow((row) => row.eachCell((c) => out.push(String(c.value ?? ''))));
  return out;
}

export async function egenkontrolChecks({ context, origin, artifacts, axeCheck, shot }) {
  console.log('Egenkontrol: Formål, Periode fra/til and Regelsæt in Indstillinger');
  const page = await context.newPage();
  await page.goto(`${origin}/taskpane.html`);
  // The pane remembers the step it was on; the settings form is on Forbered.
  await page.getByRole('tab', { name: 'Forbered', exact: true }).click();
  await page.getByRole('button', { name: 'Brug eksempel', exact: true }).click();
  await page.getByText('Eksemplet er åbnet', { exact: true }).waitFor();

  const formaal = page.getByRole('combobox', { name: 'Formål' });
  assert.equal(
    (await formaal.textContent()).trim(),
    'Indsendelse til Ankestyrelsen',
    'Formål defaults to Indsendelse',
  );
  assert.equal(
    await page.getByLabel('Periode fra', { exact: true }).count(),
    0,
    'no period under Indsendelse',
  );
  const regelsaet = page.getByRole('combobox', { name: 'Regelsæt' });
  assert.equal((await regelsaet.textContent()).trim(), 'Automatisk efter afgørelsesdato');
  await regelsaet.click();
  const rsOptions = await page.getByRole('option').allTextContents();
  assert.deepEqual(rsOptions, ['Automatisk efter afgørelsesdato', 'SEL-2023', 'BL-2024']);
  await page.getByRole('option', { name: 'Automatisk efter afgørelsesdato' }).click();

  await formaal.click();
  await page.getByRole('option', { name: 'Egenkontrol', exact: true }).click();
  const fra = page.getByLabel('Periode fra', { exact: true });
  const til = page.getByLabel('Periode til', { exact: true });
  await fra.waitFor();
  await fra.fill('01-01-2021');
  await til.fill('31-12-2020');
  await page.getByRole('button', { name: 'Gem indstillinger', exact: true }).click();
  await page.getByText('Periode til ligger før Periode fra; ret en af datoerne, og gem igen.').waitFor();
  assert.equal(await til.getAttribute('aria-invalid'), 'true', 'Periode til is marked invalid');
  assert.notEqual(await fra.getAttribute('aria-invalid'), 'true', 'Periode fra is not marked');
  await axeCheck(page, 'egenkontrol: invalid period');
  await shot(page, 'egenkontrol-ugyldig-periode');

  await til.fill('31-12-2021');
  await page.getByRole('button', { name: 'Gem indstillinger', exact: true }).click();
  await page.getByText('Indstillingerne er gemt').first().waitFor();
  assert.notEqual(await til.getAttribute('aria-invalid'), 'true', 'the fixed field is no longer marked');
  await axeCheck(page, 'egenkontrol: saved');
  await shot(page, 'egenkontrol-indstillinger');
  // The form alone, for the guide's picture (docs/img/egenkontrol-indstillinger.png): toasts gone,
  // and a viewport tall enough that the sticky step bar stays above the form.
  for (const toast of ['Indstillingerne er gemt', 'Eksemplet er åbnet'])
    await page.getByText(toast).first().waitFor({ state: 'hidden', timeout: 20000 });
  await page.setViewportSize({ width: 420, height: 2200 });
  await page.evaluate(() => window.scrollTo(0, 0));
  await page
    .locator('form[aria-labelledby="indstillinger-titel"]')
    .screenshot({ path: path.join(artifacts, 'egenkontrol-indstillinger-form.png') });
  await page.setViewportSize({ width: 420, height: 900 });

  await page.getByRole('tab', { name: 'Resultater', exact: true }).click();
  await page.getByRole('button', { name: 'Byg tabeller', exact: true }).click();
  await page.getByText('Tabellerne er bygget').waitFor();
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: 'Hent resultat', exact: true }).click(),
  ]);
  const saved = path.join(artifacts, 'egenkontrol-resultat.xlsx');
  await download.saveAs(saved);
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(saved);
  const settings = texts(wb.getWorksheet('Indstillinger'));
  for (const [label, value] of [
    ['Formål', 'Egenkontrol'],
    ['Periode fra', '01-01-2021'],
    ['Periode til', '31-12-2021'],
  ]) {
    const i = settings.indexOf(label);
    assert.ok(i >= 0 && settings[i + 1] === value, `Indstillinger holds ${label} = ${value}`);
  }
  const overview = texts(wb.getWorksheet('Overblik'));
  assert.ok(
    overview.includes('Overblik pr. kvartal (afgørelsesdato, fra 01-01-2021 til 31-12-2021)'),
    'Overblik has the quarter block',
  );
  assert.ok(overview.includes('2021 K1'), 'the quarter block has a row for 2021 K1');
  const memo = texts(wb.getWorksheet('Notat')).join('\n');
  assert.match(memo, /i perioden fra 01-01-2021 til 31-12-2021/, 'the memo names the period');
  console.log('  ✓ Formål, period (validated on its field), Regelsæt; quarters and memo in the result');
  await page.close();
}
