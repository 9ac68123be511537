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
 *
 * The pane's four steps (issue 11): every step at 320, 350 and 500 px, light and dark, with no
 * horizontal overflow, axe clean, a screenshot each, and after each action its feedback (notice,
 * toast, refusal beside its button, sticky next/previous, unsaved note) inside the viewport;
 * beforeunload asks while work is not downloaded. A keyboard-only walk through the whole job with
 * focus always on a visible element. office.js held unanswered: the pane is ready anyway. The
 * help page: linked, dark in dark mode, describes standalone use. A generated workbook of 20,000
 * cases walked through open, check, review, "Vis alle" (virtualised), tables and download, with
 * every main-thread long task recorded (PerformanceObserver "longtask"): none may reach 200 ms.
 */
import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import ExcelJS from 'exceljs';
import { AXE_PATH, axeCheck } from './axe.mjs';
import { egenkontrolChecks } from './egenkontrol.mjs';
import { frontSheetsSteps } from './forsider.mjs';
import { trendSteps } from './trend.mjs';
import { excelMode } from './excelmode.mjs';

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


async function shot(page, name) {
  const file = path.join(artifacts, `taskpane-${name}.png`);
  await page.screenshot({ path: file, fullPage: true });
  console.log(`  ✓ screenshot ${path.relative(root, file)}`);
}

/** Moves focus with Tab until the button of that exact name has it, then presses Enter (keyboard only). */
async function pressByKeyboard(page, name, key = 'Tab') {
  for (let i = 0; i < 150; i += 1) {
    await page.keyboard.press(key);
    const focused = await page.evaluate(() => {
      const el = document.activeElement;
      return el ? (el.getAttribute('aria-label') ?? el.textContent ?? '').trim() : '';
    });
    await assertFocusVisible(page, `while tabbing to "${name}"`);
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

/** The page is no wider than the viewport (no horizontal scrolling). */
async function assertFits(page, where) {
  const over = await page.evaluate(
    () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
  );
  assert.ok(over <= 0, `${where}: the page is ${over} px wider than the viewport`);
}

/**
 * The element is on screen: inside the viewport as the user sees it. A toast slides in, so its
 * box is read again (up to 50 animation frames) until it has arrived; then it must be inside.
 */
async function assertInView(page, locator, what) {
  const vp = page.viewportSize();
  let box = null;
  for (let i = 0; i < 50; i += 1) {
    box = await locator.boundingBox();
    const inside =
      box &&
      box.y >= -1 &&
      box.y + Math.min(box.height, 24) <= vp.height + 1 &&
      box.x >= -1 &&
      box.x + box.width <= vp.width + 1;
    if (inside) return;
    await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => r(null))));
  }
  assert.fail(`${what}: outside the viewport (${JSON.stringify(box)} in ${vp.width}×${vp.height})`);
}

/** Focus is on a visible element (never the page body); a visually hidden file input counts by its label. */
async function assertFocusVisible(page, when) {
  await page.waitForTimeout(0);
  const state = await page.evaluate(() => {
    const el = document.activeElement;
    if (!el || el === document.body) return 'body';
    const shown = el.closest('label') ?? el;
    const r = shown.getBoundingClientRect();
    return r.width > 0 && r.height > 0 ? 'ok' : `invisible ${el.tagName}`;
  });
  assert.equal(state, 'ok', `focus ${when}`);
}

const LARGE_CASES = 20000;

/** A generated workbook of 20,000 fictitious cases (bench/run.ts's generator), made once and kept. */
function largeWorkbook() {
  const file = path.join(artifacts, `stor-${LARGE_CASES}.xlsx`);
  if (!fs.existsSync(file)) {
    execFileSync(
      process.execPath,
      [
        '-r',
        'ts-node/register/transpile-only',
        path.join(root, 'test', 'browser', 'large.ts'),
        file,
        String(LARGE_CASES),
      ],
      {
        cwd: root,
        stdio: 'inherit',
        env: { ...process.env, TS_NODE_PROJECT: path.join(root, 'tsconfig.json') },
      },
    );
  }
  return file;
}

/** Selects a step of the pane by its tab (mouse); the keyboard walk uses Tab and Enter instead. */
async function goToStep(page, name) {
  await page.getByRole('tab', { name, exact: true }).click();
  await page.getByRole('tabpanel').filter({ visible: true }).first().waitFor();
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
    assert.equal(await page.getByLabel('Åbn projektmappe', { exact: true }).getAttribute('type'), 'file');
    assert.equal(await page.getByRole('button', { name: 'Hent resultat', exact: true }).isDisabled(), true);
    assert.equal(await page.getByRole('main').count(), 1);
    assert.equal(await page.getByRole('banner').count(), 1);
    await axeCheck(page, 'initial');
    await shot(page, '1-start');

    console.log('Screen 2: "Brug eksempel" (keyboard) and "Kør kontrol"');
    await page.locator('body').focus();
    await pressByKeyboard(page, 'Brug eksempel');
    await page.getByText('Eksemplet er åbnet', { exact: true }).waitFor();
    assert.equal(await page.getByLabel('Kommune', { exact: true }).inputValue(), expected.kommune);
    await pressByKeyboard(page, 'Videre til Kontrol');
    await waitForFocus(page, 'Kontrol', '"Videre til Kontrol" puts focus on the step heading');
    await pressByKeyboard(page, 'Kør kontrol');
    const problemsHeading = page.getByRole('heading', { level: 2, name: /^Problemer \(\d+\)$/ });
    await problemsHeading.waitFor();
    const shownCount = Number((await problemsHeading.textContent()).match(/\((\d+)\)/)[1]);
    assert.equal(shownCount, expected.problems, 'problem count in the pane = the domain result in Node');
    assert.ok(shownCount > 0, 'the example has problems to list');
    const items = page.getByRole('list', { name: 'Problemer' }).getByRole('listitem');
    assert.equal(await items.count(), Math.min(shownCount, 50));
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
    await goToStep(page, 'Resultater');
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
    await page
      .getByText(/er kopieret/)
      .first()
      .waitFor();
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

    await frontSheetsSteps({ page, axeCheck, artifacts, cases: expected.cases });

    console.log('"Opret skabelon" without a file makes a new workbook with the template');
    const blank = await context.newPage();
    await blank.goto(`${origin}/taskpane.html`);
    await goToStep(blank, 'Forbered');
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
    await goToStep(review, 'Forbered');
    await review.getByRole('button', { name: 'Brug eksempel', exact: true }).click();
    await review.getByText('Eksemplet er åbnet', { exact: true }).waitFor();
    await goToStep(review, 'Kontrol');
    await review.getByRole('button', { name: 'Kør kontrol', exact: true }).click();
    await review.getByRole('heading', { level: 2, name: /^Problemer/ }).waitFor();
    await goToStep(review, 'Gennemgang');
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

    await goToStep(review, 'Resultater');
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
    await goToStep(dark, 'Forbered');
    await dark.getByRole('button', { name: 'Brug eksempel', exact: true }).click();
    await dark.getByText('Eksemplet er åbnet', { exact: true }).waitFor();
    await goToStep(dark, 'Resultater');
    await dark.getByRole('button', { name: 'Byg tabeller', exact: true }).click();
    await dark.getByText('Tabellerne er bygget').waitFor();
    await goToStep(dark, 'Gennemgang');
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

    console.log('office.js hanging: the standalone pane does not wait for it');
    {
      const hangCtx = await browser.newContext({ viewport: { width: 350, height: 700 } });
      let officeRequested = false;
      let releaseOffice = () => undefined;
      await hangCtx.route('**/*', async (route) => {
        const url = route.request().url();
        if (url.startsWith(OFFICE_JS.replace(/office\.js$/, ''))) {
          officeRequested = true;
          // Held unanswered (a hanging server) until the check below is done.
          await new Promise((resolve) => (releaseOffice = resolve));
          return route.abort('timedout');
        }
        if (!url.startsWith(`${origin}/`)) return route.abort('blockedbyclient');
        return route.continue();
      });
      const hang = await hangCtx.newPage();
      await hang.goto(`${origin}/taskpane.html`, { waitUntil: 'commit' });
      await hang.getByRole('button', { name: 'Brug eksempel', exact: true }).waitFor();
      assert.ok(officeRequested, 'office.js was requested');
      assert.equal(
        await hang.evaluate(() => typeof window.Office),
        'undefined',
        'the pane is usable while office.js is still unanswered',
      );
      console.log('  ✓ the pane is ready while the office.js request still hangs');
      releaseOffice();
      await hangCtx.close();
    }

    console.log('The help page: linked from the pane, dark mode, standalone use');
    {
      const helpPage = await context.newPage();
      await helpPage.emulateMedia({ colorScheme: 'dark' });
      await helpPage.goto(`${origin}/taskpane.html`);
      const href = await helpPage.getByRole('link', { name: 'Hjælp', exact: true }).getAttribute('href');
      await helpPage.goto(new URL(href, `${origin}/taskpane.html`).href);
      await helpPage.getByRole('heading', { level: 2, name: 'Uden for Excel', exact: true }).waitFor();
      const bg = await helpPage.evaluate(() => getComputedStyle(document.body).backgroundColor);
      const rgb = bg.match(/\d+/g).map(Number);
      assert.ok(rgb[0] + rgb[1] + rgb[2] < 150, `the help page is dark in dark mode (${bg})`);
      await axeCheck(helpPage, 'help page, dark');
      await shot(helpPage, 'hjaelp-moerkt');
      await helpPage.close();
    }

    console.log('Every step at 320, 350 and 500 px, light and dark');
    for (const width of [320, 350, 500]) {
      for (const scheme of ['light', 'dark']) {
        const tag = `${width}-${scheme}`;
        const p = await context.newPage();
        p.on('pageerror', (e) => consoleErrors.push(String(e)));
        await p.setViewportSize({ width, height: 700 });
        await p.emulateMedia({ colorScheme: scheme });
        await p.goto(`${origin}/taskpane.html`);
        await goToStep(p, 'Forbered');
        await assertFits(p, `${tag} Forbered`);
        await axeCheck(p, `${tag} Forbered`);
        await shot(p, `trin-${tag}-1-forbered`);
        await p.getByRole('button', { name: 'Brug eksempel', exact: true }).click();
        await p.getByText('Eksemplet er åbnet', { exact: true }).waitFor();
        await assertInView(p, p.getByText('Eksemplet er åbnet', { exact: true }), `${tag} open toast`);

        // An invalid setting is marked on its field; "Kør kontrol" refuses beside its button.
        await p.getByLabel('Antal sager', { exact: true }).fill('0');
        await goToStep(p, 'Kontrol');
        await p.getByRole('button', { name: 'Kør kontrol', exact: true }).click();
        const refusal = p.getByText('Indstillingerne har fejl', { exact: true });
        await refusal.waitFor();
        await assertInView(p, refusal, `${tag} refusal beside Kør kontrol`);
        await goToStep(p, 'Forbered');
        const antal = p.getByLabel('Antal sager', { exact: true });
        assert.equal(await antal.getAttribute('aria-invalid'), 'true', 'the invalid field is marked');
        await p.getByText(/^Antal sager skal være et helt tal/).waitFor();
        await antal.fill(String(expected.cases));

        await goToStep(p, 'Kontrol');
        await p.getByRole('button', { name: 'Kør kontrol', exact: true }).click();
        const notice = p.locator('[data-notice]').filter({ hasText: /sager er kontrolleret/ });
        await notice.waitFor();
        assert.equal(
          await notice.getAttribute('data-notice'),
          'error',
          'errors found: the notice is an error',
        );
        await assertInView(p, notice, `${tag} check notice`);
        await waitForFocus(p, 'Kør kontrol', 'focus stays on "Kør kontrol" after the check');
        await assertFits(p, `${tag} Kontrol`);
        const overviewFit = await p
          .getByRole('table', { name: 'Overholdt pr. spørgsmål' })
          .evaluate((t) => t.getBoundingClientRect().width - t.parentElement.clientWidth);
        assert.ok(overviewFit <= 0.5, `${tag}: the overview table is ${overviewFit} px too wide`);
        const chartFont = await p
          .getByRole('img', { name: /Andel overholdt/ })
          .evaluate((el) =>
            Math.min(...[...el.querySelectorAll('div')].map((d) => parseFloat(getComputedStyle(d).fontSize))),
          );
        assert.ok(chartFont >= 12, `chart text is at least 12 px (${chartFont})`);
        const chartLabel = await p
          .getByRole('img', { name: /Andel overholdt/ })
          .locator('div div div')
          .first()
          .textContent();
        assert.match(chartLabel, /^\d+\.\d+ \S/, 'the chart names the question, not only its number');
        await axeCheck(p, `${tag} Kontrol`);
        await shot(p, `trin-${tag}-2-kontrol`);

        // A problem of a case opens that case in Gennemgang.
        const firstCaseProblem = p
          .getByRole('list', { name: 'Problemer' })
          .getByRole('button', { name: /Sag \d+/ })
          .first();
        const sagText = (await firstCaseProblem.textContent()).match(/Sag (\d+)/)[1];
        await firstCaseProblem.click();
        await caseHeading(p, `Sag ${sagText}`).waitFor();
        await waitForFocus(p, `Sag ${sagText}`, 'a problem opens its case with focus on the heading');

        await goToStep(p, 'Gennemgang');
        await p.getByRole('list', { name: 'Sager', exact: true }).getByRole('button').first().click();
        await caseHeading(p, 'Sag 1').waitFor();
        await assertFits(p, `${tag} Gennemgang`);
        await axeCheck(p, `${tag} Gennemgang`);
        await shot(p, `trin-${tag}-3-gennemgang`);
        // Scrolled to the end of the case, "Næste sag" is still in view (sticky).
        await p
          .getByRole('button', { name: 'Godkend resterende spørgsmål', exact: true })
          .scrollIntoViewIfNeeded();
        await assertInView(
          p,
          p.getByRole('button', { name: 'Næste sag', exact: true }),
          `${tag} sticky Næste sag`,
        );
        const q22 = questionCard(p, '2.2 Børnefaglig undersøgelse');
        await q22.getByRole('button', { name: 'Godkend', exact: true }).click();
        await p.getByLabel('Initialer', { exact: true }).fill('VB');
        await p.getByRole('button', { name: 'Gem initialer', exact: true }).click();
        await q22.getByText(/Godkendt .* af VB/).waitFor();
        await assertInView(p, q22.getByText(/Godkendt .* af VB/), `${tag} approval shown on the question`);
        const godkend = q22.getByRole('button', { name: 'Godkend', exact: true });
        assert.equal(
          await godkend.getAttribute('aria-disabled'),
          'true',
          'Godkend is off on an approved question',
        );
        // Escape closes the correction form; focus goes back to "Ret".
        await q22.getByRole('button', { name: 'Ret', exact: true }).click();
        await q22.getByRole('radio').first().waitFor();
        await p.keyboard.press('Escape');
        await q22.getByRole('radio').first().waitFor({ state: 'detached' });
        await waitForFocus(p, 'Ret', 'Escape closes the form and focus returns to "Ret"');
        // "Godkend resterende" moves on to the next case.
        await p.getByRole('button', { name: 'Godkend resterende spørgsmål', exact: true }).click();
        await caseHeading(p, 'Sag 2').waitFor();
        await p.locator('[data-unsaved="true"]').waitFor();
        await assertInView(p, p.locator('[data-unsaved="true"]'), `${tag} unsaved note`);
        await axeCheck(p, `${tag} Gennemgang after review`);

        await goToStep(p, 'Resultater');
        await p.getByRole('button', { name: 'Byg tabeller', exact: true }).click();
        const built = p.getByText('Tabellerne er bygget');
        await built.waitFor();
        await assertInView(p, built, `${tag} build notice`);
        await assertFits(p, `${tag} Resultater`);
        const copyLast = p.getByRole('button', { name: 'Kopiér tabel', exact: true }).last();
        await copyLast.scrollIntoViewIfNeeded();
        await copyLast.click();
        const copiedToast = p.getByText(/^Tabel \d+\.\d+ er kopieret$/).first();
        await copiedToast.waitFor();
        await assertInView(p, copiedToast, `${tag} copy toast after the last table`);
        await axeCheck(p, `${tag} Resultater`);
        await shot(p, `trin-${tag}-4-resultater`);

        // Leaving with review work not downloaded asks first.
        let asked = false;
        const closed = p.waitForEvent('close');
        p.on('dialog', (d) => {
          asked = d.type() === 'beforeunload';
          void d.accept();
        });
        await p.close({ runBeforeUnload: true });
        await closed;
        assert.ok(asked, `${tag}: leaving with unsaved work asks first (beforeunload)`);
        console.log(`  ✓ ${tag}: every step fits, feedback in view, axe clean`);
      }
    }

    console.log('Keyboard only through the whole job (350 px), focus always on a visible element');
    {
      const k = await context.newPage();
      k.on('pageerror', (e) => consoleErrors.push(String(e)));
      await k.setViewportSize({ width: 350, height: 700 });
      await k.goto(`${origin}/taskpane.html`);
      await k.getByRole('tab', { name: 'Forbered', exact: true }).focus();
      await k.keyboard.press('Home');
      await k.keyboard.press('Enter');
      await pressByKeyboard(k, 'Brug eksempel');
      await k.getByText('Eksemplet er åbnet', { exact: true }).waitFor();
      await assertFocusVisible(k, 'after opening the example');
      await pressByKeyboard(k, 'Videre til Kontrol');
      await pressByKeyboard(k, 'Kør kontrol');
      await k
        .locator('[data-notice]')
        .filter({ hasText: /sager er kontrolleret/ })
        .waitFor();
      await assertFocusVisible(k, 'after the check');
      await pressByKeyboard(k, 'Videre til Gennemgang');
      await waitForFocus(k, 'Gennemgang af sager', 'the review step heading has focus');
      await pressByKeyboard(k, 'Godkend');
      await waitForFocusOn(k.getByLabel('Initialer', { exact: true }), 'the initials field asks first');
      await k.keyboard.type('KB');
      await k.keyboard.press('Enter');
      await k.getByText(`1 af ${expected.cases} sager gennemgået`, { exact: true }).waitFor();
      await assertFocusVisible(k, 'after approving');
      await pressByKeyboard(k, 'Næste sag', 'Shift+Tab');
      await caseHeading(k, 'Sag 2').waitFor();
      await pressByKeyboard(k, 'Videre til Resultater');
      await pressByKeyboard(k, 'Byg tabeller');
      await k.getByText('Tabellerne er bygget').waitFor();
      await assertFocusVisible(k, 'after building the tables');
      await pressByKeyboard(k, 'Kopiér tabel');
      await k
        .getByText(/^Tabel \d+\.\d+ er kopieret$/)
        .first()
        .waitFor();
      await assertFocusVisible(k, 'after copying');
      const [kbDownload] = await Promise.all([
        k.waitForEvent('download'),
        pressByKeyboard(k, 'Hent resultat', 'Shift+Tab'),
      ]);
      assert.equal(kbDownload.suggestedFilename(), 'eksempel-resultat.xlsx');
      await k.locator('[data-unsaved="true"]').waitFor({ state: 'detached' });
      await assertFocusVisible(k, 'after downloading');
      console.log('  ✓ the whole job by keyboard; focus never on the page body');
      await k.close();
    }

    console.log(`A generated workbook of ${LARGE_CASES} cases: the page never stops redrawing for 200 ms`);
    {
      const large = largeWorkbook();
      const big = await context.newPage();
      big.on('pageerror', (e) => consoleErrors.push(String(e)));
      await big.setViewportSize({ width: 350, height: 700 });
      await big.addInitScript(() => {
        window.__longTasks = [];
        new PerformanceObserver((list) => {
          for (const e of list.getEntries())
            window.__longTasks.push({ at: window.__phase ?? '', ms: e.duration });
        }).observe({ type: 'longtask', buffered: true });
        // Every text the progress bar shows, per phase, to check that long actions report a percent.
        window.__busyTexts = [];
        new MutationObserver(() => {
          const el = document.querySelector('[data-busy="true"]');
          if (el) window.__busyTexts.push({ at: window.__phase ?? '', text: el.textContent ?? '' });
        }).observe(document, { subtree: true, childList: true, characterData: true, attributes: true });
      });
      await big.goto(`${origin}/taskpane.html`);
      await goToStep(big, 'Forbered');
      const phase = (name) => big.evaluate((n) => (window.__phase = n), name);
      const slow = { timeout: 600000 };
      await phase('open');
      await big.getByLabel('Åbn projektmappe', { exact: true }).setInputFiles(large);
      await big.getByText('Projektmappen er åbnet', { exact: true }).waitFor(slow);
      const busyTexts = await big.evaluate(() => window.__busyTexts.filter((b) => b.at === 'open'));
      assert.ok(
        busyTexts.some((b) => /Læser projektmappen … \d+%/.test(b.text)),
        `opening ${LARGE_CASES} cases shows the progress bar with a percent (${JSON.stringify(busyTexts.slice(0, 3))})`,
      );
      await goToStep(big, 'Kontrol');
      await phase('check');
      await big.getByRole('button', { name: 'Kør kontrol', exact: true }).click();
      const bar = big.locator('[data-busy="true"]');
      await bar.waitFor();
      await big.mouse.wheel(0, 5000);
      await assertInView(big, big.getByRole('progressbar'), 'the progress bar during the check');
      await big
        .locator('[data-notice]')
        .filter({ hasText: /sager er kontrolleret/ })
        .waitFor(slow);
      await phase('review');
      await goToStep(big, 'Gennemgang');
      await caseHeading(big, 'Sag 1').waitFor();
      await big.getByRole('button', { name: 'Næste sag', exact: true }).click();
      await caseHeading(big, 'Sag 2').waitFor();
      await questionCard(big, '2.2 Børnefaglig undersøgelse')
        .getByRole('button', { name: 'Godkend', exact: true })
        .click();
      await big.getByLabel('Initialer', { exact: true }).fill('LT');
      await big.getByRole('button', { name: 'Gem initialer', exact: true }).click();
      await big
        .getByText(`1 af ${LARGE_CASES.toLocaleString('da-DK')} sager gennemgået`, { exact: true })
        .waitFor(slow);
      await phase('vis-alle');
      await big
        .getByRole('button', { name: `Vis alle ${LARGE_CASES.toLocaleString('da-DK')} sager`, exact: true })
        .click();
      const rendered = await big.locator('[data-virtual-list="Sager"] li').count();
      assert.ok(rendered > 0 && rendered < 100, `"Vis alle" renders only the entries in view (${rendered})`);
      await phase('build');
      await goToStep(big, 'Resultater');
      await big.getByRole('button', { name: 'Byg tabeller', exact: true }).click();
      await big.getByText('Tabellerne er bygget').waitFor(slow);
      await phase('download');
      const [bigDownload] = await Promise.all([
        big.waitForEvent('download', slow),
        big.getByRole('button', { name: 'Hent resultat', exact: true }).click(),
      ]);
      assert.ok(bigDownload.suggestedFilename().endsWith('-resultat.xlsx'));
      const tasks = await big.evaluate(() => window.__longTasks);
      // Every task counts, the pane's first load included (phase "" = before the file was opened).
      const worst = tasks.reduce((m, t) => (t.ms > m.ms ? t : m), { at: 'none', ms: 0 });
      const during = worst.at === '' ? 'first load' : worst.at;
      console.log(
        `  longest main-thread task: ${worst.ms.toFixed(0)} ms (during ${during}); ${tasks.length} long tasks in all`,
      );
      assert.ok(worst.ms < 200, `the main thread was blocked ${worst.ms.toFixed(0)} ms during ${during}`);
      console.log(`  ✓ ${LARGE_CASES} cases: no main-thread task of 200 ms or more`);
      await big.close();
    }

    await trendSteps({ context, origin, axeCheck, assertFits, shot });
    await egenkontrolChecks({ context, origin, artifacts, axeCheck, shot });
    await excelMode(browser);

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
