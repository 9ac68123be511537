import { useEffect, type RefObject } from 'react';

/**
 * Publishes the sticky bar's height as the CSS variable --barometer-bar-height, so what sticks
 * below it (next/previous case) and what is scrolled to (a table) is never hidden under it.
 */
export function useStickyHeight(ref: RefObject<HTMLElement | null>): void {
  useEffect(() => {
    const el = ref.current;
    if (!el || typeof ResizeObserver === 'undefined') return undefined;
    const set = () =>
      document.documentElement.style.setProperty('--barometer-bar-height', `${el.offsetHeight}px`);
    set();
    const ro = new ResizeObserver(set);
    ro.observe(el);
    return () => ro.disconnect();
  }, [ref]);
}
