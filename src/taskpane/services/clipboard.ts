/** How the text reached the clipboard (shown to the user, and checked by the browser tests). */
export type CopyMethod = 'clipboard-api' | 'fallback';

/**
 * Puts rich text (text/html, e.g. a real <table> so Word pastes a table) and plain text on the
 * clipboard. Uses the async Clipboard API with a ClipboardItem; when that is missing or blocked
 * (Office's webview may deny clipboard-write), falls back to a hidden element and
 * document.execCommand('copy'), which also copies the HTML as HTML.
 */
export async function copyRich(html: string, text: string): Promise<CopyMethod> {
  if (typeof ClipboardItem !== 'undefined' && navigator.clipboard?.write) {
    try {
      await navigator.clipboard.write([
        new ClipboardItem({
          'text/html': new Blob([html], { type: 'text/html' }),
          'text/plain': new Blob([text], { type: 'text/plain' }),
        }),
      ]);
      return 'clipboard-api';
    } catch {
      // Blocked by the host or the permission policy: the fallback below copies instead.
    }
  }
  copyWithExecCommand(html, text);
  return 'fallback';
}

function copyWithExecCommand(html: string, text: string): void {
  const onCopy = (e: ClipboardEvent): void => {
    e.clipboardData?.setData('text/html', html);
    e.clipboardData?.setData('text/plain', text);
    e.preventDefault();
  };
  // A hidden textarea gives execCommand a selection; the copy listener supplies both formats.
  const area = document.createElement('textarea');
  area.value = text;
  area.setAttribute('readonly', '');
  area.setAttribute('aria-hidden', 'true');
  area.tabIndex = -1;
  area.style.position = 'fixed';
  area.style.left = '-10000px';
  area.style.top = '0';
  const previous = document.activeElement instanceof HTMLElement ? document.activeElement : null;
  document.body.appendChild(area);
  area.select();
  document.addEventListener('copy', onCopy);
  try {
    if (!document.execCommand('copy')) {
      throw new Error('Kopieringen blev afvist af browseren. Markér tabellen, og kopiér den med Ctrl+C.');
    }
  } finally {
    document.removeEventListener('copy', onCopy);
    area.remove();
    previous?.focus();
  }
}
