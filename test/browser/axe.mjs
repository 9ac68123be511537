/**
 * axe-core on the page as every browser test runs it (WCAG 2.1 AA): the script served by the test's
 * own server at AXE_PATH, colours judged at rest, and only Tabster's focus sentinels excused.
 */
import assert from 'node:assert/strict';

/** Where the tests' servers serve node_modules/axe-core/axe.min.js. */
export const AXE_PATH = '/__test__/axe.min.js';

/** Fails with the violations found on the page now; prints a line when there are none. */
export async function axeCheck(page, screen) {
  if (!(await page.evaluate(() => 'axe' in window))) await page.addScriptTag({ url: AXE_PATH });
  const result = await page.evaluate(async () => {
    // Colours are judged at rest: a toast fading in is half transparent until its animation ends.
    await Promise.all(
      document
        .getAnimations()
        .filter((a) => a.effect?.getTiming().iterations !== Infinity)
        .map((a) => a.finished.catch(() => null)),
    );
    // eslint-disable-next-line no-undef
    const r = await axe.run(document, { resultTypes: ['violations'] });
    // Tabster's focus sentinels (<i data-tabster-dummy aria-hidden tabindex=0>, e.g. around the
    // TabList) pass focus on at once; Fluent calls this by design (microsoft/fluentui#27517) and
    // Accessibility Insights suppresses exactly this (accessibility-insights-web#7605). Only those
    // nodes are dropped; every other aria-hidden-focus node still fails.
    const sentinel = (v, n) => v.id === 'aria-hidden-focus' && /^<i [^>]*data-tabster-dummy/.test(n.html);
    return r.violations
      .map((v) => ({ ...v, nodes: v.nodes.filter((n) => !sentinel(v, n)) }))
      .filter((v) => v.nodes.length > 0)
      .map((v) => ({
        id: v.id,
        impact: v.impact,
        help: v.help,
        nodes: v.nodes.slice(0, 5).map((n) => n.target.join(' ')),
      }));
  });
  assert.deepEqual(result, [], `axe violations on screen "${screen}":\n${JSON.stringify(result, null, 2)}`);
  console.log(`  ✓ axe: 0 violations (${screen})`);
}
