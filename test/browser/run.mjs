#!/usr/bin/env node
/**
 * Browser tests of the task pane in standalone mode (outside Office), against the production
 * build in dist/ (run `npm run build` first; `npm run test:browser` does). Drives Debian's
 * Chromium (/usr/bin/chromium) with playwright-core; never downloads a browser and never skips:
 * a missing Chromium is a failure.
 *
 * Flow: the pane loads → "Brug eksempel" (by keyboard) → "Kør kontrol" lists problems →
 * "Byg tabeller" shows the tables → "Kopiér tabel" puts an HTML table + text on the clipboard →
 * "Hent resultat" downloads the workbook, which is read back with ExcelJS. Then the reviewer
 * workflow: a keyboard-only walk through three cases, two cases reviewed (one approved, one
 * corrected with a reason), "Byg tabeller" shows the corrected count, and the downloaded workbook
 * holds the Gennemgang log. axe-core reports no violations on every screen (light and dark theme,
 * the case view included); a screenshot per screen goes to test/artifacts/. Every request is
 * recorded: nothing may leave the page's own origin except the office.js script tag, which is
 * aborted (as offline), so the pane must fall back to standalone. Every console message of the
 * whole session is scanned for the example's CPR numbers and children's names: none may appear.
 */
import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import ExcelJS from 'exceljs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const dist = path.join(root, 'dist');
const artifacts = path.join(root, 'test', 'artifacts');
const CHROMIUM = '/usr/bin/chromium';
const AXE = path.join(root, 'node_modules', 'axe-core', 'axe.min.js');
/**
 * axe-core is served by the test server from node_modules on the page's own origin: the pane's
 * Content-Security-Policy (script-src 'self' + office.js host) rightly blocks the inline script
 * that page.addScriptTag({ path }) would insert, and the test must not switch the CSP off.
 */
const AXE_PATH = '/__test__/axe.min.js';
const OFFICE_JS = 'https://appsforoffice.microsoft.com/lib/1/hosted/office.js';

const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.xml': 'application/xml',
  '.png': 'image/png',
  '.xlsx': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  '.txt': 'text/plain; charset=utf-8',
};

function fail(message) {
  console.error(`\nBROWSER TEST FAILED: ${message}`);
  process.exit(1);
}

if (!fs.existsSync(CHROMIUM)) {
  fail(
    `Chromium is missing at ${CHROMIUM}. Install it (sudo apt-get install -y chromium); the browser tests never skip.`,
  );
}
if (!fs.existsSync(path.join(dist, 'taskpane.html')))
  fail('dist/taskpane.html is missing: run `npm run build` first.');
if (!fs.existsSync(path.join(dist, 'eksempel.xlsx')))
  fail('dist/eksempel.xlsx is missing: examples/eksempel.xlsx must be bundled.');
fs.mkdirSync(artifacts, { recursive: true });

/** A tiny static server for dist/ on 127.0.0.1; records every request it serves. */
function serve() {
  const served = [];
  const server = http.createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    served.push(url.pathname);
    if (url.pathname === AXE_PATH) {
      res.writeHead(200, { 'content-type': TYPES['.js'] });
      fs.createReadStream(AXE).pipe(res);
      return;
    }
    const file = path.join(
      dist,
      path.normalize(decodeURIComponent(url.pathname)).replace(/^(\.\.[/\\])+/, ''),
    );
    if (!file.startsWith(dist) || !fs.existsSync(file) || fs.statSync(file).isDirectory()) {
      res.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
      return;
    }
    res.writeHead(200, { 'content-type': TYPES[path.extname(file)] ?? 'application/octet-stream' });
    fs.createReadStream(file).pipe(res);
  });
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve({ server, served })));
}

/** The result the domain computes for the example in Node (independent of the browser). */
function expectedForExample() {
  const out = execFileSync(
    process.execPath,
    [
      '-r',
      'ts-node/register/transpile-only',
      path.join(root, 'test', 'browser', 'expected.ts'),
      path.join(root, 'examples', 'eksempel.xlsx'),
    ],
    {
      cwd: root,
      encoding: 'utf8',
      env: { ...process.env, TS_NODE_PROJECT: path.join(root, 'tsconfig.json') },
    },
  );
  return JSON.parse(out);
}

async function axeCheck(page, screen) {
  if (!(await page.evaluate(() => 'axe' in window))) await page.addScriptTag({ url: AXE_PATH });
  const result = await page.evaluate(async () => {
    // eslint-disable-next-line no-undef
    const r = await axe.run(document, { resultTypes: ['violations'] });
    return r.violations.map((v) => ({
      id: v.id,
      impact: v.impact,
      help: v.help,
      nodes: v.nodes.slice(0, 5).map((n) => n.target.join(' ')),
    }));
  });
  assert.deepEqual(result, [], `axe violations on screen "${screen}":\n${JSON.stringify(result, null, 2)}`);
  console.log(`  ✓ axe: 0 violations (${screen})`);
}

async function shot(page, name) {
  const file = path.join(artifacts, `taskpane-${name}.png`);
  await page.screenshot({ path: file, fullPage: true });
  console.log(`  ✓ screenshot ${path.relative(root, file)}`);
}

/** Moves focus with Tab until the button of that exact name has it, then presses Enter (keyboard only). */
async function pressByKeyboard(page, name) {
  for (let i = 0; i < 60; i += 1) {
    await page.keyboard.press('Tab');
    const focused = await page.evaluate(() => {
      const el = document.activeElement;
      return el ? (el.getAttribute('aria-label') ?? el.textContent ?? '').trim() : '';
    });
    if (focused === name) {
      const visible = await page.evaluate(() => {
        const el = document.activeElement;
        const s = el ? getComputedStyle(el) : null;
        const after = el ? getComputedStyle(el, '::after') : null;
        // Fluent draws its focus ring as an outline or on ::after; either must be visible.
        return (
          !!s &&
          (s.outlineStyle !== 'none' ||
            (after !== null && after.borderStyle !== 'none' && after.content !== 'none'))
        );
      });
      assert.ok(visible, `the focused button "${name}" shows no visible focus indicator`);
      await page.keyboard.press('Enter');
      return;
    }
  }
  throw new Error(`"${name}" cannot be reached with the Tab key`);
}

/** The name of the focused element (aria-label or text), for asserting where focus is. */
function focusedName(page) {
  return page.evaluate(() => {
    const el = document.activeElement;
    return el ? (el.getAttribute('aria-label') ?? el.textContent ?? '').trim() : '';
  });
}

/**
 * Waits until the focused element's name matches (a string or a RegExp): focus moves after React
 * renders, so the test waits for that real state; it fails loudly when focus never gets there.
 */
async function waitForFocus(page, expected, why) {
  const pattern = expected instanceof RegExp ? { source: expected.source } : { exact: expected };
  try {
    await page.waitForFunction(
      (p) => {
        const el = document.activeElement;
        const name = el ? (el.getAttribute('aria-label') ?? el.textContent ?? '').trim() : '';
        return p.exact !== undefined ? name === p.exact : new RegExp(p.source).test(name);
      },
      pattern,
      { timeout: 10000 },
    );
  } catch {
    assert.fail(`${why}: focus is on "${await focusedName(page)}", expected ${String(expected)}`);
  }
}

/** Waits until the element is the focused one. */
async function waitForFocusOn(locator, why) {
  try {
    await locator.evaluate(
      (el) =>
        new Promise((resolve, reject) => {
          const t0 = performance.now();
          const check = () => {
            if (el === document.activeElement) resolve(true);
            else if (performance.now() - t0 > 10000) reject(new Error('timeout'));
            else requestAnimationFrame(check);
          };
          check();
        }),
    );
  } catch {
    assert.fail(`${why}: the element never got focus`);
  }
}

/** The open case's heading in the case view ("Sag 3"). */
const caseHeading = (page, name) => page.getByRole('heading', { level: 3, name, exact: true });

/** A question's card in the open case, by its heading ("2.3 4-måneders frist"). */
const questionCard = (page, title) => page.getByRole('article', { name: title, exact: true });

/** Label → count of a result table shown in the pane. */
function paneTable(page, id) {
  return page.evaluate((tableId) => {
    const table = [...document.querySelectorAll('table')].find((t) =>
      (t.querySelector('caption')?.textContent ?? '').startsWith(`TABEL ${tableId} `),
    );
    if (!table) return null;
    const out = {};
    for (const tr of table.querySelectorAll('tbody tr')) {
      const th = tr.querySelector('th');
      const td = tr.querySelector('td');
      if (th && td) out[th.textContent.trim()] = Number(td.textContent.trim());
    }
    return out;
  }, id);
}

async function main() {
  const expected = expectedForExample();
  const { server, served } = await serve();
  const origin = `http://127.0.0.1:${server.address().port}`;
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
  const requests = [];
  const foreign = [];
  const officeAborted = [];
  const consoleErrors = [];
  /** Every console message and page error of every page, for the privacy scan. */
  const consoleAll = [];
  try {
    const context = await browser.newContext({
      acceptDownloads: true,
      locale: 'da-DK',
      viewport: { width: 420, height: 900 },
    });
    await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin });
    await context.route('**/*', async (route) => {
      const url = route.request().url();
      requests.push(url);
      if (url.startsWith(OFFICE_JS.replace(/office\.js$/, ''))) {
        officeAborted.push(url);
        return route.abort('internetdisconnected');
      }
      if (!url.startsWith(`${origin}/`) && !url.startsWith('blob:') && !url.startsWith('data:')) {
        foreign.push(url);
        return route.abort('blockedbyclient');
      }
      return route.continue();
    });
    context.on('console', (m) => consoleAll.push(m.text()));
    context.on('weberror', (e) => consoleAll.push(String(e.error())));
    const page = await context.newPage();
    page.on('console', (m) => {
      if (m.type() === 'error') consoleErrors.push(m.text());
    });
    page.on('pageerror', (e) => consoleErrors.push(String(e)));

    console.log('Screen 1: the standalone pane loads');
    await page.goto(`${origin}/taskpane.html`);
    await page.getByRole('heading', { level: 1, name: 'Børnesagsbarometer', exact: true }).waitFor();
    await page.getByRole('button', { name: 'Brug eksempel', exact: true }).waitFor();
    assert.equal(await page.getByLabel('Åbn arbejdsbog', { exact: true }).getAttribute('type'), 'file');
    assert.equal(await page.getByRole('button', { name: 'Hent resultat', exact: true }).isDisabled(), true);
    assert.equal(await page.getByRole('main').count(), 1);
    assert.equal(await page.getByRole('banner').count(), 1);
    await axeCheck(page, 'initial');
    await shot(page, '1-start');

    console.log('Screen 2: "Brug eksempel" (keyboard) and "Kør kontrol"');
    await page.locator('body').focus();
    await pressByKeyboard(page, 'Brug eksempel');
    await page.getByText('Eksemplet er åbnet').waitFor();
    assert.equal(await page.getByLabel('Kommune', { exact: true }).inputValue(), expected.kommune);
    await pressByKeyboard(page, 'Kør kontrol');
    const problemsHeading = page.getByRole('heading', { level: 2, name: /^Problemer \(\d+\)$/ });
    await problemsHeading.waitFor();
    const shownCount = Number((await problemsHeading.textContent()).match(/\((\d+)\)/)[1]);
    assert.equal(shownCount, expected.problems, 'problem count in the pane = the domain result in Node');
    assert.ok(shownCount > 0, 'the example has problems to list');
    const items = page.getByRole('list', { name: 'Problemer' }).getByRole('listitem');
    assert.equal(await items.count(), Math.min(shownCount, 100));
    assert.match(await items.first().textContent(), /(Fejl|Advarsel|Mangler oplysninger): /);
    await page.getByText(`${expected.cases} sager kontrolleret`).waitFor();
    const chart = page.getByRole('img', { name: /Andel overholdt pr\. spørgsmål/ });
    assert.equal(await chart.count(), 1, 'the SVG chart is an image with a name');
    assert.equal(
      await page.getByRole('table', { name: 'Overholdt pr. spørgsmål' }).count(),
      1,
      'the chart has a table alternative',
    );
    const text = await page.locator('body').innerText();
    assert.doesNotMatch(text, /\b\d{6}-?\d{4}\b/, 'no unmasked CPR number on the pane');
    await axeCheck(page, 'after check');
    await shot(page, '2-kontrol');

    console.log('Screen 3: "Byg tabeller"');
    await page.getByRole('button', { name: 'Byg tabeller', exact: true }).click();
    await page.getByText('Tabellerne er bygget').waitFor();
    const tableCaptions = page.locator('table caption', { hasText: /^TABEL \d+\.\d+ / });
    assert.equal(
      await tableCaptions.count(),
      expected.tables.length,
      'one table in the pane per table of the report',
    );
    for (const [i, t] of expected.tables.entries()) {
      assert.equal((await tableCaptions.nth(i).textContent()).trim(), `TABEL ${t.id} ${t.title}`);
    }
    const copyButtons = page.getByRole('button', { name: 'Kopiér tabel', exact: true });
    assert.equal(await copyButtons.count(), expected.tables.length);
    await page.getByRole('button', { name: 'Kopiér notat', exact: true }).waitFor();
    await axeCheck(page, 'after tables');
    await shot(page, '3-tabeller');

    console.log('"Kopiér tabel" puts an HTML table and text on the clipboard');
    await copyButtons.first().click();
    await page.getByText(/er kopieret/).waitFor();
    const clip = await page.evaluate(async () => {
      const items = await navigator.clipboard.read();
      const out = {};
      for (const item of items)
        for (const type of item.types) out[type] = await (await item.getType(type)).text();
      return out;
    });
    const first = expected.tables[0];
    assert.match(clip['text/html'] ?? '', /<table[\s>]/, 'text/html holds a real <table>');
    assert.ok((clip['text/html'] ?? '').includes(`TABEL ${first.id}`), 'the HTML has the table title');
    assert.match(clip['text/plain'] ?? '', new RegExp(`^TABEL ${first.id.replace('.', '\\.')} `));
    assert.match(clip['text/plain'] ?? '', /\nI alt\t\d+\t100%\n/);
    console.log('  ✓ clipboard holds text/html with <table> and text/plain');

    console.log('"Hent resultat" downloads the result workbook');
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'Hent resultat', exact: true }).click(),
    ]);
    assert.equal(download.suggestedFilename(), 'eksempel-resultat.xlsx');
    const saved = path.join(artifacts, 'eksempel-resultat.xlsx');
    await download.saveAs(saved);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(saved);
    const cases = wb.getWorksheet('Sagsoversigt');
    assert.ok(cases, 'Sagsoversigt is in the result');
    const headerTexts = [];
    cases.eachRow((row) => row.eachCell((c) => typeof c.value === 'string' && headerTexts.push(c.value)));
    for (const h of expected.verdictHeaders)
      assert.ok(headerTexts.includes(h), `verdict column "${h}" is in Sagsoversigt`);
    const tablesSheet = wb.getWorksheet('Resultattabeller');
    assert.ok(tablesSheet, 'Resultattabeller is in the result');
    let titles = 0;
    tablesSheet.eachRow((row) =>
      row.eachCell((c) => typeof c.value === 'string' && /^TABEL \d+\.\d+ /.test(c.value) && titles++),
    );
    assert.equal(titles, expected.tables.length, 'Resultattabeller has one title per table');
    assert.ok(wb.getWorksheet('Overblik'), 'Overblik is in the result');
    assert.ok(wb.getWorksheet('Notat'), 'Notat is in the result');
    console.log(`  ✓ ${path.relative(root, saved)}: verdict columns, ${titles} tables, Overblik, Notat`);

    console.log('"Opret skabelon" without a file makes a new workbook with the template');
    const blank = await context.newPage();
    await blank.goto(`${origin}/taskpane.html`);
    await blank.getByRole('button', { name: 'Opret skabelon', exact: true }).click();
    await blank.getByText('Skabelonen er oprettet', { exact: true }).waitFor();
    const [templateDownload] = await Promise.all([
      blank.waitForEvent('download'),
      blank.getByRole('button', { name: 'Hent resultat', exact: true }).click(),
    ]);
    assert.equal(templateDownload.suggestedFilename(), 'sagsoversigt.xlsx');
    const templateFile = path.join(artifacts, 'skabelon.xlsx');
    await templateDownload.saveAs(templateFile);
    const twb = new ExcelJS.Workbook();
    await twb.xlsx.readFile(templateFile);
    const tnames = twb.worksheets.map((w) => w.name);
    assert.ok(
      tnames.includes('Sagsoversigt') && tnames.includes('Indstillinger'),
      `template sheets: ${tnames.join(', ')}`,
    );
    assert.ok(!tnames.includes('Ark1'), 'the placeholder sheet is gone');
    assert.equal(twb.getWorksheet('Sagsoversigt').getCell('A1').value, 'Sag nummer');
    console.log(`  ✓ ${path.relative(root, templateFile)}: ${tnames.join(', ')}`);
    await blank.close();

    console.log('Screen 5: the case view (Gennemgang af sager), keyboard only');
    const review = await context.newPage();
    review.on('pageerror', (e) => consoleErrors.push(String(e)));
    await review.goto(`${origin}/taskpane.html`);
    await review.getByRole('button', { name: 'Brug eksempel', exact: true }).click();
    await review.getByText('Eksemplet er åbnet').waitFor();
    await review.getByRole('button', { name: 'Kør kontrol', exact: true }).click();
    await review.getByRole('heading', { level: 2, name: 'Gennemgang af sager', exact: true }).waitFor();
    await review.getByText(`0 af ${expected.cases} sager gennemgået`, { exact: true }).waitFor();
    await caseHeading(review, 'Sag 1').waitFor();
    const caseItems = review.getByRole('list', { name: 'Sager', exact: true }).getByRole('button');
    assert.equal(await caseItems.count(), expected.cases, 'one entry per case in the list');
    assert.match(await caseItems.first().textContent(), /^Sag 1 – ikke gennemgået/);
    assert.equal(await caseItems.first().getAttribute('aria-current'), 'true');
    assert.doesNotMatch(
      await review.locator('body').innerText(),
      /\b\d{6}-?\d{4}\b/,
      'no unmasked CPR number in the case view',
    );
    await review
      .getByText(/^\d{6}-••••$/)
      .first()
      .waitFor();
    await axeCheck(review, 'case view');

    // Next/previous by keyboard alone: Tab to "Næste sag", Enter three times; focus stays on it.
    await review.locator('body').focus();
    await pressByKeyboard(review, 'Næste sag');
    await caseHeading(review, 'Sag 2').waitFor();
    await waitForFocus(review, 'Næste sag', 'focus stays on "Næste sag"');
    await review.keyboard.press('Enter');
    await caseHeading(review, 'Sag 3').waitFor();
    await review.keyboard.press('Enter');
    await caseHeading(review, 'Sag 4').waitFor();
    await waitForFocus(review, 'Næste sag', 'focus stays on "Næste sag"');
    assert.equal(await review.getByRole('status').filter({ hasText: 'Sag 4 vises (4 af 17)' }).count(), 1);
    // The shortcut, from wherever focus is in the pane.
    await review.keyboard.press('Alt+PageUp');
    await caseHeading(review, 'Sag 3').waitFor();
    // "Forrige sag" and Shift+Tab reach the case list at the open case; arrows move, Enter opens.
    await review.keyboard.press('Shift+Tab');
    await waitForFocus(review, 'Forrige sag', 'Shift+Tab from "Næste sag"');
    await review.keyboard.press('Shift+Tab');
    await waitForFocus(review, /^Sag 3 – /, 'the list is entered at the open case');
    await review.keyboard.press('ArrowDown');
    await review.keyboard.press('ArrowDown');
    await waitForFocus(review, /^Sag 5 – /, 'arrow keys move in the case list');
    await review.keyboard.press('Enter');
    await caseHeading(review, 'Sag 5').waitFor();
    await waitForFocus(review, 'Sag 5', 'opening from the list moves focus to the case heading');
    console.log('  ✓ keyboard: Næste sag ×3, Alt+PageUp, the case list with arrows and Enter');
    await shot(review, '5-gennemgang');

    console.log('Screen 6: review two cases, correct one with a reason, build tables');
    // Case 1: "Godkend" on 2.2 asks for the initials once, then writes the line.
    await caseItems.first().click();
    await caseHeading(review, 'Sag 1').waitFor();
    await questionCard(review, '2.2 Børnefaglig undersøgelse')
      .getByRole('button', { name: 'Godkend', exact: true })
      .click();
    const initialsField = review.getByLabel('Initialer', { exact: true });
    await initialsField.waitFor();
    await waitForFocusOn(initialsField, 'Godkend without initials moves focus to Initialer');
    await initialsField.fill('tt');
    await review.getByRole('button', { name: 'Gem initialer', exact: true }).click();
    await review.getByText(`1 af ${expected.cases} sager gennemgået`, { exact: true }).waitFor();
    assert.match(await caseItems.first().textContent(), /^Sag 1 – godkendt/);
    await questionCard(review, '2.2 Børnefaglig undersøgelse')
      .getByText(/Godkendt .* af TT/)
      .waitFor();
    await review.getByText('Initialer:', { exact: false }).filter({ hasText: 'TT' }).first().waitFor();

    // Case 2: "Ret" 2.3 from "Nej, men lovlig grund" to "Ja"; the reason is required.
    await caseItems.nth(1).click();
    await caseHeading(review, 'Sag 2').waitFor();
    const q23 = questionCard(review, '2.3 4-måneders frist');
    await q23.getByText('Nej, men lovlig grund', { exact: true }).first().waitFor();
    await q23.getByRole('button', { name: 'Ret', exact: true }).click();
    const radios = q23.getByRole('radio');
    await radios.first().waitFor();
    assert.deepEqual(
      await radios.evaluateAll((els) => els.map((e) => e.closest('span,div')?.textContent?.trim() ?? '')),
      ['Ja', 'Nej'],
      'Ret offers the other rows of table 2.3',
    );
    await waitForFocusOn(radios.first(), '"Ret" moves focus to the first answer');
    await q23.getByRole('radio', { name: 'Ja', exact: true }).check();
    await q23.getByRole('button', { name: 'Gem rettelse', exact: true }).click();
    await q23.getByText('Skriv en begrundelse; den gemmes i arket Gennemgang.').waitFor();
    const reasonField = q23.getByLabel(/^Begrundelse/);
    await waitForFocusOn(reasonField, 'a missing reason moves focus to Begrundelse');
    await axeCheck(review, 'correction form with an error');
    await reasonField.fill('Undersøgelsen blev afsluttet inden fristen ifølge journalnotatet.');
    await q23.getByRole('button', { name: 'Gem rettelse', exact: true }).click();
    await review.getByText(`2 af ${expected.cases} sager gennemgået`, { exact: true }).waitFor();
    assert.match(await caseItems.nth(1).textContent(), /^Sag 2 – rettet/);
    await q23.getByText('(rettet fra "Nej, men lovlig grund")').waitFor();
    await waitForFocus(review, 'Ret', 'focus returns to "Ret" after saving');
    await axeCheck(review, 'case view after review');

    await review.getByRole('button', { name: 'Byg tabeller', exact: true }).click();
    await review.getByText('Tabellerne er bygget').waitFor();
    const before23 = expected.tables.find((t) => t.id === '2.3').rows;
    const after23 = await paneTable(review, '2.3');
    assert.deepEqual(
      after23,
      {
        Ja: before23['Ja'] + 1,
        'Nej, men lovlig grund': before23['Nej, men lovlig grund'] - 1,
        Nej: before23['Nej'],
        'I alt': Object.values(before23).reduce((a, b) => a + b, 0),
      },
      'table 2.3 counts the correction',
    );
    await review
      .getByText('Resultaterne omfatter 1 vurdering, som er rettet ved den manuelle gennemgang.', {
        exact: false,
      })
      .waitFor();
    await shot(review, '6-rettet');

    const [reviewDownload] = await Promise.all([
      review.waitForEvent('download'),
      review.getByRole('button', { name: 'Hent resultat', exact: true }).click(),
    ]);
    const reviewed = path.join(artifacts, 'eksempel-gennemgaaet.xlsx');
    await reviewDownload.saveAs(reviewed);
    const rwb = new ExcelJS.Workbook();
    await rwb.xlsx.readFile(reviewed);
    const log = rwb.getWorksheet('Gennemgang');
    assert.ok(log, 'the result has the Gennemgang sheet');
    const logRow = (n) => [1, 2, 3, 4, 5, 6, 7].map((c) => log.getRow(n).getCell(c).value);
    assert.deepEqual(logRow(1), [
      'Tidspunkt',
      'Sagsnr',
      'Spørgsmål',
      'Beregnet',
      'Rettet til',
      'Begrundelse',
      'Initialer',
    ]);
    assert.deepEqual(logRow(2).slice(1), [1, '2.2', 'Ja', 'Ja', null, 'TT']);
    assert.deepEqual(logRow(3).slice(1), [
      2,
      '2.3',
      'Nej, men lovlig grund',
      'Ja',
      'Undersøgelsen blev afsluttet inden fristen ifølge journalnotatet.',
      'TT',
    ]);
    for (const n of [2, 3]) {
      assert.ok(logRow(n)[0] instanceof Date, `Tidspunkt of log row ${n} is an Excel date-time`);
      assert.equal(log.getRow(n).getCell(1).numFmt, 'dd-mm-yyyy hh:mm');
    }
    assert.equal(log.getRow(4).getCell(1).value, null, 'exactly two lines');
    const texts = (ws) => {
      const out = [];
      ws.eachRow((row) => row.eachCell((c) => typeof c.value === 'string' && out.push(c.value)));
      return out;
    };
    assert.ok(
      texts(rwb.getWorksheet('Overblik')).includes(`2 af ${expected.cases} sager gennemgået`),
      'progress on Overblik',
    );
    assert.equal(texts(rwb.getWorksheet('Sagsoversigt')).filter((t) => t === 'Ja (rettet)').length, 1);
    const settingsSheet = texts(rwb.getWorksheet('Indstillinger'));
    assert.ok(
      settingsSheet.includes('Initialer') && settingsSheet.includes('TT'),
      'initials kept in Indstillinger',
    );
    console.log(
      `  ✓ ${path.relative(root, reviewed)}: 2 log lines, "Ja (rettet)", progress on Overblik, initials`,
    );
    await review.close();

    console.log('Dark theme (prefers-color-scheme: dark)');
    const dark = await context.newPage();
    await dark.emulateMedia({ colorScheme: 'dark' });
    await dark.goto(`${origin}/taskpane.html`);
    await dark.getByRole('button', { name: 'Brug eksempel', exact: true }).click();
    await dark.getByText('Eksemplet er åbnet').waitFor();
    await dark.getByRole('button', { name: 'Byg tabeller', exact: true }).click();
    await dark.getByText('Tabellerne er bygget').waitFor();
    await caseHeading(dark, 'Sag 1').waitFor();
    await questionCard(dark, '2.3 4-måneders frist')
      .getByRole('button', { name: 'Ret', exact: true })
      .click();
    // No initials in this workbook yet: "Ret" asks for them first, then opens the form.
    await dark.getByLabel('Initialer', { exact: true }).fill('MK');
    await dark.getByRole('button', { name: 'Gem initialer', exact: true }).click();
    await questionCard(dark, '2.3 4-måneders frist').getByRole('radio').first().waitFor();
    await axeCheck(dark, 'dark theme, after tables, case view with the correction form');
    await shot(dark, '4-moerkt-tema');

    console.log('Network');
    assert.ok(
      officeAborted.some((u) => u === OFFICE_JS),
      'the page asked for office.js (and it was aborted as offline)',
    );
    assert.deepEqual(foreign, [], `requests beyond the page's own origin: ${foreign.join(', ')}`);
    const lazy = served.filter((p) => /exceljs.*\.chunk\.js$/.test(p));
    assert.equal(lazy.length >= 1, true, 'the ExcelJS chunk was loaded lazily in standalone mode');
    const csp = consoleErrors.filter((e) => /Content Security Policy/i.test(e));
    assert.deepEqual(csp, [], 'no Content-Security-Policy violations');
    const unexpected = consoleErrors.filter(
      (e) => !/office\.js|ERR_INTERNET_DISCONNECTED|Failed to load resource/i.test(e),
    );
    assert.deepEqual(unexpected, [], 'no console errors');
    assert.ok(expected.secrets.length >= 34, 'the privacy scan knows the example’s CPR numbers and names');
    const leaks = [];
    consoleAll.forEach((text, i) => {
      expected.secrets.forEach((secret, k) => {
        // Report where, never the value itself.
        if (text.includes(secret)) leaks.push(`console message #${i + 1} holds secret #${k + 1}`);
      });
    });
    assert.deepEqual(leaks, [], 'no CPR number or child’s name in any console message');
    console.log(`  ✓ ${consoleAll.length} console messages scanned: no CPR number or name`);
    console.log(`  ✓ ${requests.length} requests, all to ${origin} except the aborted office.js`);
    await context.close();
  } finally {
    await browser.close();
    server.close();
  }
  console.log('\nBrowser tests passed.');
}

main().catch((e) => fail(e instanceof Error ? (e.stack ?? e.message) : String(e)));
