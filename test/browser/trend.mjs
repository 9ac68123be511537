/**
 * Browser steps for issue 12 (uncertainty and trend) in standalone mode at 320 px: the chart's text
 * alternative names each question's 95 % interval and an error bar is drawn; "Sammenlign med
 * tidligere resultat" takes a check --json file, the check runs again and the overview table gets
 * "Sidst" with the change; a file that is no result gives an error notice naming it; "Fjern
 * sammenligning" ends it. axe clean and no horizontal overflow on each screen.
 */
import assert from 'node:assert/strict';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const artifacts = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', 'artifacts');

/** An earlier result where every question was met in 0 % of the cases (both laws' ids). */
function earlierJson() {
  const ids = [
    '2.2',
    '2.3',
    '2.4',
    '2.5',
    '3.6',
    '3.7',
    '3.8',
    '3.9',
    '4.10',
    '4.11',
    '5.12',
    '6.13',
    '6.14',
  ];
  const overview = ['SEL-2023', 'BL-2024'].flatMap((ruleset) =>
    ids.map((id) => ({ ruleset, id, question: id, relevant: 10, ja: 0, nejMen: 0, nej: 10, compliant: 0 })),
  );
  return Buffer.from(JSON.stringify({ ruleset: 'SEL-2023', kommune: null, cases: 10, tables: [], overview }));
}

export async function trendSteps({ context, origin, axeCheck, assertFits, shot }) {
  console.log('Issue 12: interval and "Sammenlign med tidligere resultat" at 320 px');
  const page = await context.newPage();
  await page.setViewportSize({ width: 320, height: 900 });
  await page.goto(`${origin}/taskpane.html`);
  // The pane remembers the step last used; the example is opened under Forbered.
  await page.getByRole('tab', { name: 'Forbered', exact: true }).click();
  await page.getByRole('button', { name: 'Brug eksempel', exact: true }).click();
  await page.getByText('Eksemplet er åbnet', { exact: true }).waitFor();
  await page.getByRole('tab', { name: 'Kontrol', exact: true }).click();
  await page.getByRole('button', { name: 'Kør kontrol', exact: true }).click();
  await page.getByRole('heading', { level: 2, name: /^Problemer \(\d+\)$/ }).waitFor();

  const description = await page.locator('#overblik-beskrivelse').first().textContent();
  assert.match(description, /\d+% \(95 %-interval \d+–\d+%\)/, 'the text alternative says the interval');
  const whiskers = await page
    .getByRole('img', { name: /Andel overholdt/ })
    .first()
    .evaluate((fig) => [...fig.querySelectorAll('span')].filter((s) => s.style.left !== '').length);
  assert.ok(whiskers >= 3, `an error bar (line and two caps) is drawn (${whiskers} positioned parts)`);
  const table = page.getByRole('table', { name: 'Overholdt pr. spørgsmål' }).first();
  assert.match(await table.innerText(), /\d+–\d+%/, 'the table shows the interval under Overholdt');
  await assertFits(page, 'interval at 320 px');
  await axeCheck(page, 'interval at 320 px');

  const choose = page.getByLabel('Vælg tidligere resultat', { exact: true });
  assert.equal(await choose.getAttribute('type'), 'file');
  await choose.setInputFiles({ name: 'sidste.json', mimeType: 'application/json', buffer: earlierJson() });
  await page.getByText(/^Sammenlignet med sidste\.json\./).waitFor();
  await page.getByRole('heading', { level: 2, name: /^Problemer \(\d+\)$/ }).waitFor();
  await table.getByRole('columnheader', { name: 'Sidst', exact: true }).waitFor();
  const text = await table.innerText();
  assert.match(text, /0%\s*(ændring\s*)?\+\d+(,\d)? pp/, 'Sidst 0% with the change in points');
  const fit = await table.evaluate((t) => t.getBoundingClientRect().width - t.parentElement.clientWidth);
  assert.ok(fit <= 0.5, `the overview table with Sidst is ${fit} px too wide at 320 px`);
  await assertFits(page, 'comparison at 320 px');
  await axeCheck(page, 'comparison at 320 px');
  await shot(page, 'usikkerhed-og-udvikling');
  const chartFile = path.join(artifacts, 'taskpane-usikkerhed-diagram.png');
  await page
    .getByRole('img', { name: /Andel overholdt/ })
    .first()
    .screenshot({ path: chartFile });
  console.log(`  ✓ screenshot ${path.relative(path.resolve(artifacts, '..', '..'), chartFile)}`);

  await page
    .getByLabel('Vælg et andet resultat', { exact: true })
    .setInputFiles({ name: 'noget.txt', mimeType: 'text/plain', buffer: Buffer.from('bare noter') });
  const notice = page.locator('[data-notice="error"]').filter({ hasText: 'noget.txt' });
  await notice.waitFor();
  await axeCheck(page, 'comparison refused');

  await page.getByRole('button', { name: 'Fjern sammenligning', exact: true }).click();
  await page.getByLabel('Vælg tidligere resultat', { exact: true }).waitFor();
  await page.getByRole('heading', { level: 2, name: /^Problemer \(\d+\)$/ }).waitFor();
  assert.equal(await table.getByRole('columnheader', { name: 'Sidst', exact: true }).count(), 0);
  console.log('  ✓ interval, comparison, refusal and removal at 320 px');
  await page.close();
}
