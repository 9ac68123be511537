/**
 * Privacy and supply chain (issue 5, parts 4 and 6), checked on what the build produces, without
 * building: the Content-Security-Policy strings webpack.config.js puts into taskpane.html,
 * commands.html and hjaelp.html, the HTML templates, and manifest.xml (also after the --env url swap).
 *
 * - The CSP allows only the page's own origin, plus Office's own office.js host for scripts (the one
 *   thing Office.js needs: it loads its host- and locale-specific parts from there), inline styles
 *   (Fluent UI v9 inserts its CSS rules at run time), data:/blob: images and fonts (generated in
 *   the page), and Web Workers only from the own origin (worker-src 'self': the standalone worker
 *   chunk, never a blob: or data: worker). No eval, no wildcard, no plain http, no other host; form posts and plugins are off.
 *   The dev server adds only its own live-reload web socket. A meta CSP only governs what follows
 *   it, so it must come before every script.
 * - The only external URL in the pages is office.js.
 * - The manifest asks for no more than ReadWriteDocument, lists no AppDomains, and every URL in it
 *   (icons, pages) is on the add-in's own origin, before and after the build's URL swap.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';

const ROOT = path.join(__dirname, '..', '..');
const OFFICE = 'https://appsforoffice.microsoft.com';

interface HtmlPlugin {
  constructor: { name: string };
  userOptions: {
    filename: string;
    templateParameters?: { csp?: string };
    templateContent?: () => string;
  };
}
interface CopyPlugin {
  constructor: { name: string };
  patterns: { from: string; to: string; transform?: (content: Buffer) => string | Buffer }[];
}
type Config = { plugins: unknown[] };

// eslint-disable-next-line @typescript-eslint/no-require-imports
const webpackConfig = require(path.join(ROOT, 'webpack.config.js')) as (
  env: Record<string, string>,
  argv: { mode: string },
) => Config;

const PAGES = ['taskpane.html', 'commands.html', 'hjaelp.html'] as const;

function htmlPlugin(cfg: Config, filename: string): HtmlPlugin['userOptions'] {
  const p = (cfg.plugins as HtmlPlugin[]).find(
    (x) => x.constructor.name === 'HtmlWebpackPlugin' && x.userOptions.filename === filename,
  );
  if (!p) throw new Error(`no HtmlWebpackPlugin for ${filename}`);
  return p.userOptions;
}

/** The CSP a built page carries. */
function cspOf(cfg: Config, page: string): string {
  const o = htmlPlugin(cfg, page);
  if (o.templateParameters?.csp !== undefined) return o.templateParameters.csp;
  const html = o.templateContent?.() ?? '';
  const m = /<meta http-equiv="Content-Security-Policy" content="([^"]*)"/.exec(html);
  if (!m) throw new Error(`no CSP meta in ${page}`);
  return m[1] as string;
}

function directives(csp: string): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  for (const part of csp.split(';')) {
    const [name, ...sources] = part.trim().split(/\s+/);
    if (name) out[name] = sources;
  }
  return out;
}

const EXPECTED: Record<string, string[]> = {
  'default-src': ["'self'"],
  'script-src': ["'self'", OFFICE],
  'style-src': ["'self'", "'unsafe-inline'"],
  'img-src': ["'self'", 'data:', 'blob:'],
  'font-src': ["'self'", 'data:'],
  'connect-src': ["'self'"],
  'worker-src': ["'self'"],
  'object-src': ["'none'"],
  'base-uri': ["'self'"],
  'form-action': ["'none'"],
};

describe('Content-Security-Policy of the pages (webpack.config.js)', () => {
  const prod = webpackConfig({}, { mode: 'production' });
  const dev = webpackConfig({}, { mode: 'development' });

  it.each(PAGES)('%s (production): only the own origin, plus office.js for scripts', (page) => {
    const d = directives(cspOf(prod, page));
    expect(d).toEqual(EXPECTED);
    const all = Object.values(d).flat();
    expect(all).not.toContain("'unsafe-eval'");
    expect(all.filter((s) => s.includes('*'))).toEqual([]);
    expect(all.filter((s) => /^http:/.test(s))).toEqual([]);
    // The one foreign host may only serve scripts.
    for (const [name, sources] of Object.entries(d))
      if (name !== 'script-src')
        expect([name, sources.filter((s) => s.startsWith('https:'))]).toEqual([name, []]);
  });

  it.each(PAGES)("%s (development): the same, plus only the dev server's own live-reload socket", (page) => {
    const d = directives(cspOf(dev, page));
    expect(d['connect-src']).toEqual(["'self'", 'wss://localhost:3000', 'ws://localhost:3000']);
    expect({ ...d, 'connect-src': ["'self'"] }).toEqual(EXPECTED);
  });

  it('the CSP meta comes before every script of every page, and office.js is the only external URL', () => {
    const templates: Record<string, string> = {
      'taskpane.html': fs.readFileSync(path.join(ROOT, 'src/taskpane/taskpane.html'), 'utf8'),
      'commands.html': htmlPlugin(prod, 'commands.html').templateContent?.() ?? '',
      'hjaelp.html': fs.readFileSync(path.join(ROOT, 'src/taskpane/hjaelp.html'), 'utf8'),
    };
    for (const [page, html] of Object.entries(templates)) {
      const meta = html.indexOf('http-equiv="Content-Security-Policy"');
      expect([page, meta]).not.toEqual([page, -1]);
      const script = html.indexOf('<script');
      if (script >= 0) expect([page, meta < script]).toEqual([page, true]);
      const withoutCsp = html.replace(/<meta http-equiv="Content-Security-Policy"[^>]*>/, '');
      const urls = withoutCsp.match(/https?:\/\/[^\s"'<>)]+/g) ?? [];
      expect([page, urls.filter((u) => u !== `${OFFICE}/lib/1/hosted/office.js`)]).toEqual([page, []]);
    }
  });
});

describe('manifest.xml asks for little and trusts no other domain', () => {
  const manifest = fs.readFileSync(path.join(ROOT, 'manifest.xml'), 'utf8');

  /** Every http(s) URL in the manifest, without XML comments and namespace names (xmlns="…"). */
  const urls = (xml: string): string[] =>
    xml
      .replace(/<!--[\s\S]*?-->/g, '')
      .replace(/\sxmlns(:\w+)?="[^"]*"/g, '')
      .match(/https?:\/\/[^"<\s]+/g) ?? [];

  it('asks for no more than ReadWriteDocument and lists no AppDomains', () => {
    const perms = [...manifest.matchAll(/<Permissions>\s*([^<\s]+)\s*<\/Permissions>/g)].map((m) => m[1]);
    expect(perms).toHaveLength(1);
    expect(['Restricted', 'ReadDocument', 'ReadWriteDocument']).toContain(perms[0]);
    expect(manifest).not.toMatch(/<AppDomains?\b/);
  });

  it("has every URL on the add-in's own origin (so no AppDomain is needed)", () => {
    const source = /<SourceLocation DefaultValue="([^"]+)"/.exec(manifest)?.[1] as string;
    const origin = new URL(source).origin;
    const list = urls(manifest);
    expect(list.length).toBeGreaterThan(5);
    expect(list.filter((u) => new URL(u).origin !== origin)).toEqual([]);
  });

  it('keeps that after the build swaps in the hosting address (--env url=…)', () => {
    const cfg = webpackConfig({ url: 'https://addin.testrup.invalid/barometer' }, { mode: 'production' });
    const copy = (cfg.plugins as CopyPlugin[]).find((p) =>
      Array.isArray((p as Partial<CopyPlugin>).patterns),
    );
    const pattern = copy?.patterns.find((p) => p.from === 'manifest.xml');
    const built = String(pattern?.transform?.(Buffer.from(manifest)) ?? '');
    const list = urls(built);
    expect(list.length).toBe(urls(manifest).length);
    expect(list.filter((u) => !u.startsWith('https://addin.testrup.invalid/barometer/'))).toEqual([]);
    expect(built).not.toMatch(/<AppDomains?\b/);
    expect(built).toContain('<Permissions>ReadWriteDocument</Permissions>');
  });
});
