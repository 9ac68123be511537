import { createRoot } from 'react-dom/client';
import { formatDay } from '../domain/days';
import { isFailure, parseDate } from '../domain/values';
import { App } from './components/App';
import { core } from './services/core';
import type { SettingsForm } from './services/controller';
import { errorMessage } from './services/errors';
import { browserTheme, detectHost } from './services/host';
import { officeSession } from './services/officeSession';
import type { Session } from './services/session';
import { standaloneApi } from './services/standalone';
import { nowInCopenhagen, todayInCopenhagen } from './today';

const today = () => todayInCopenhagen(new Date());
const now = () => nowInCopenhagen(new Date());

function parseDayText(text: string): number | null {
  const v = parseDate(text, false);
  return v === null || isFailure(v) ? null : v;
}

async function loadForm(session: Session): Promise<SettingsForm | null> {
  const s = await session.controller.loadSettings();
  return {
    kommune: s.kommune ?? '',
    afgoerelsesaar: String(s.afgoerelsesaar),
    opgoerelsesdato: formatDay(s.opgoerelsesdato),
    antalSager: String(s.antalSager),
    offentliggoerelse: s.offentliggoerelse,
  };
}

async function main(): Promise<void> {
  const el = document.getElementById('root');
  if (!el) return;
  const root = createRoot(el);
  try {
    const host = await detectHost();
    const common = { loadForm, parseDayText };
    if (host.kind === 'excel') {
      root.render(
        <App
          {...common}
          theme={host.theme}
          initialSession={officeSession(core, today, now)}
          standalone={null}
        />,
      );
    } else {
      root.render(
        <App
          {...common}
          theme={browserTheme()}
          initialSession={null}
          standalone={standaloneApi(core, today, now)}
        />,
      );
    }
  } catch (e) {
    el.textContent = errorMessage(e);
  }
}

void main();
