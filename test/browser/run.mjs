#!/usr/bin/env node
/**
 * Browser tests of the task pane in standalone mode (outside Office), against the production
 * build in dist/ (run `npm run build` first; `npm run test:browser` does). Drives Debian's
 * Chromium (/usr/bin/chromium) with playwright-core; never downloads a browser and never skips:
 * a missing Chromium is a failure.
 *
 * Flow: the pane loads → "Brug eksempel" (by keyboard) → "Kør kontrol" lists problems →
 * "Byg tabeller" shows the tables → "Kopiér tabel" puts an HTML table + text on the clipboard →
 * "Hent resultat" downloads the workbook, which is read back with ExcelJS. axe-core reports no
 * violations on every screen (light and dark theme); a screenshot per screen goes to
 * test/artifacts/. Every request is recorded: nothing may leave the page's own origin except the
 * office.js script tag, which is aborted (as offline), so the pane must fall back to standalone.
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

    console.log('Dark theme (prefers-color-scheme: dark)');
    const dark = await context.newPage();
    await dark.emulateMedia({ colorScheme: 'dark' });
    await dark.goto(`${origin}/taskpane.html`);
    await dark.getByRole('button', { name: 'Brug eksempel', exact: true }).click();
    await dark.getByText('Eksemplet er åbnet').waitFor();
    await dark.getByRole('button', { name: 'Byg tabeller', exact: true }).click();
    await dark.getByText('Tabellerne er bygget').waitFor();
    await axeCheck(dark, 'dark theme, after tables');
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
    console.log(`  ✓ ${requests.length} requests, all to ${origin} except the aborted office.js`);
    await context.close();
  } finally {
    await browser.close();
    server.close();
  }
  console.log('\nBrowser tests passed.');
}

main().catch((e) => fail(e instanceof Error ? (e.stack ?? e.message) : String(e)));
