import { createRoot } from 'react-dom/client';
import { formatDay } from '../domain/days';
import { App } from './components/App';
import type { OnPhase, SettingsForm } from './services/controller';
import { errorMessage } from './services/errors';
import { browserTheme, detectHost } from './services/host';
import { officeSession } from './services/officeSession';
import type { PaneSession } from './services/paneSession';
import { makeWorker, standaloneApi } from './services/standalone';

async function loadForm(session: PaneSession, onPhase?: OnPhase): Promise<SettingsForm | null> {
  const s = await session.controller.loadSettings(onPhase);
  return {
    kommune: s.kommune ?? '',
    afgoerelsesaar: String(s.afgoerelsesaar),
    opgoerelsesdato: formatDay(s.opgoerelsesdato),
    antalSager: String(s.antalSager),
    offentliggoerelse: s.offentliggoerelse,
    formaal: s.formaal ?? 'indsendelse',
    periodeFra: s.periodeFra == null ? '' : formatDay(s.periodeFra),
    periodeTil: s.periodeTil == null ? '' : formatDay(s.periodeTil),
    regelsaet: s.regelsaet ?? '',
  };
}

async function main(): Promise<void> {
  const el = document.getElementById('root');
  if (!el) return;
  const root = createRoot(el);
  try {
    const host = await detectHost();
    if (host.kind === 'excel') {
      root.render(
        <App
          loadForm={loadForm}
          theme={host.theme}
          initialSession={officeSession(makeWorker)}
          standalone={null}
        />,
      );
    } else {
      root.render(
        <App loadForm={loadForm} theme={browserTheme()} initialSession={null} standalone={standaloneApi()} />,
      );
    }
  } catch (e) {
    el.textContent = errorMessage(e);
  }
}

void main();
