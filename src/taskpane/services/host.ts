/// <reference types="office-js" />
/**
 * Where the pane runs. The only module of the pane (with officePort.ts) that touches Office.js;
 * React components receive the result as data.
 */

export type ThemeKind = 'light' | 'dark';

export type HostInfo =
  { readonly kind: 'excel'; readonly theme: ThemeKind } | { readonly kind: 'standalone' };

/**
 * How long to wait for office.js and Office.onReady. Inside Office (the page has Office's hints)
 * the pane waits as long as a slow network may take; outside Office it decides almost at once, so
 * a hanging Microsoft server never keeps the standalone pane blank (issue 11, part 8).
 */
export const OFFICE_WAIT_MS = { inOffice: 15000, outside: 1500 } as const;

/**
 * Whether the page looks like it was opened by Office: Office opens task panes in an iframe (Excel
 * on the web) or adds _host_Info to the URL (Windows, Mac), which office.js keeps in sessionStorage.
 */
export function officeHints(w: {
  readonly location: { readonly search: string; readonly hash: string };
  readonly inFrame: boolean;
  readonly stored: string | null;
}): boolean {
  return w.inFrame || /_host_info=/i.test(w.location.search + w.location.hash) || w.stored !== null;
}

function pageHints(): boolean {
  let stored: string | null = null;
  let inFrame = true;
  try {
    stored = window.sessionStorage.getItem('hostInfoValue');
  } catch {
    stored = null;
  }
  try {
    inFrame = window.self !== window.top;
  } catch {
    inFrame = true; // a cross-origin parent: framed
  }
  return officeHints({ location: window.location, inFrame, stored });
}

/** Resolves once office.js has loaded (true), failed (false) or the time is up (false). */
function officeJsLoaded(timeoutMs: number): Promise<boolean> {
  if (typeof Office !== 'undefined') return Promise.resolve(true);
  const script = document.querySelector<HTMLScriptElement>('script[src*="appsforoffice.microsoft.com"]');
  if (!script) return Promise.resolve(false);
  return new Promise((resolve) => {
    const done = (ok: boolean) => {
      clearTimeout(timer);
      resolve(ok && typeof Office !== 'undefined');
    };
    const timer = setTimeout(() => done(false), timeoutMs);
    script.addEventListener('load', () => done(true), { once: true });
    script.addEventListener('error', () => done(false), { once: true });
  });
}

/** Relative luminance of a #rrggbb colour, 0 (black) … 1 (white); null when not a colour. */
export function luminance(hex: string | undefined): number | null {
  const m = /^#?([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})$/i.exec(hex ?? '');
  if (!m) return null;
  const [r, g, b] = [m[1], m[2], m[3]].map((h) => {
    const c = parseInt(h ?? '0', 16) / 255;
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  }) as [number, number, number];
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

/** Dark when Office's body background is dark (the Office theme: Dark Gray, Black). */
export function themeFromBackground(hex: string | undefined): ThemeKind {
  const l = luminance(hex);
  return l !== null && l < 0.2 ? 'dark' : 'light';
}

/** The browser's preference, for standalone mode. */
export function browserTheme(): ThemeKind {
  return typeof window !== 'undefined' && window.matchMedia?.('(prefers-color-scheme: dark)').matches
    ? 'dark'
    : 'light';
}

/**
 * Office.js loads from Microsoft's CDN, without blocking the page (async). When it does not load
 * in time (offline, blocked, hanging) or Office says there is no host (a plain browser tab), the
 * pane runs standalone on an .xlsx file.
 */
export async function detectHost(): Promise<HostInfo> {
  const wait = pageHints() ? OFFICE_WAIT_MS.inOffice : OFFICE_WAIT_MS.outside;
  const started = Date.now();
  if (!(await officeJsLoaded(wait)) || typeof Office.onReady !== 'function') return { kind: 'standalone' };
  const left = Math.max(0, wait - (Date.now() - started));
  const info = await Promise.race([
    Office.onReady(),
    new Promise<null>((resolve) => setTimeout(() => resolve(null), left)),
  ]);
  if (info === null || info.host !== Office.HostType.Excel) return { kind: 'standalone' };
  return { kind: 'excel', theme: themeFromBackground(Office.context.officeTheme?.bodyBackgroundColor) };
}
