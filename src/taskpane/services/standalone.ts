import type { Core } from './controller';
import type { Session, StandaloneApi } from './session';
import type { WallClock } from '../../domain/review';
import type { Day } from '../../domain/types';

/**
 * Standalone mode (outside Office): the same pane on an .xlsx file in the browser. ExcelJS and the
 * adapter are loaded with a dynamic import() so they sit in their own chunk that Excel never loads.
 */
export function standaloneApi(core: Core, today: () => Day, now: () => WallClock): StandaloneApi {
  const load = () => import(/* webpackChunkName: "standalone" */ './standaloneWorkbook');
  return {
    async open(file) {
      const m = await load();
      return m.sessionFromBuffer(await file.arrayBuffer(), file.name, core, today, now);
    },
    async example() {
      const m = await load();
      const res = await fetch('./eksempel.xlsx');
      if (!res.ok) throw new Error(`eksempel.xlsx: HTTP ${res.status}`);
      return m.sessionFromBuffer(await res.arrayBuffer(), 'eksempel.xlsx', core, today, now);
    },
    async blank() {
      const m = await load();
      return m.blankSession(core, today, now);
    },
  } satisfies StandaloneApi;
}

export type { Session };
