/// <reference types="office-js" />
/**
 * Where the pane runs. The only module of the pane (with officePort.ts) that touches Office.js;
 * React components receive the result as data.
 */

export type ThemeKind = 'light' | 'dark';

export type HostInfo =
  { readonly kind: 'excel'; readonly theme: ThemeKind } | { readonly kind: 'standalone' };

/** How long to wait for Office.onReady before treating the page as standalone (office.js loaded, no host). */
const ONREADY_TIMEOUT_MS = 8000;

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
 * Office.js loads from Microsoft's CDN. When it could not load (offline, blocked) or Office says
 * there is no host (a plain browser tab), the pane runs standalone on an .xlsx file.
 */
export async function detectHost(): Promise<HostInfo> {
  if (typeof Office === 'undefined' || typeof Office.onReady !== 'function') return { kind: 'standalone' };
  const info = await Promise.race([
    Office.onReady(),
    new Promise<null>((resolve) => setTimeout(() => resolve(null), ONREADY_TIMEOUT_MS)),
  ]);
  if (info === null || info.host !== Office.HostType.Excel) return { kind: 'standalone' };
  return { kind: 'excel', theme: themeFromBackground(Office.context.officeTheme?.bodyBackgroundColor) };
}
