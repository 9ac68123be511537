import type { StandaloneApi } from './paneSession';
import { workerStandaloneApi } from './workerClient';

/** A new worker (standalone and Excel mode use the same bundle); webpack sees `new Worker(new URL(…, import.meta.url))` and bundles it as its own chunk. */
export function makeWorker(): Worker {
  // prettier-ignore
  return new Worker(
    // @ts-expect-error -- import.meta is ES-module syntax for webpack; tsc checks this tree as CommonJS
    new URL('../worker/standalone.worker.ts', import.meta.url),
    { name: 'barometer' },
  );
}

/**
 * Standalone mode (outside Office): the same pane on an .xlsx file in the browser. Reading,
 * evaluating and writing run in a Web Worker from the bundle's own origin (CSP worker-src 'self'),
 * which loads the workbook library lazily, so Excel never downloads it.
 */
export function standaloneApi(): StandaloneApi {
  return workerStandaloneApi(makeWorker);
}
