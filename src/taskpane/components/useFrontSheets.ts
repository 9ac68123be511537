import { useState } from 'react';
import { FRONT_SHEETS_NOTICE } from '../../domain/frontSheets';
import type { Phase } from '../services/controller';
import { plural, type Notice } from '../services/notices';
import type { PaneSession } from '../services/paneSession';
import { saveBlob } from '../services/session';

type RunAction = (
  place: 'frontsheets',
  label: string,
  action: (onPhase: (p: Phase) => void) => Promise<void>,
) => Promise<boolean>;

/**
 * "Opret sagsforsider (Bilag 2)": the pane first says that the file holds the children's names
 * and CPR numbers and asks to confirm; only then is the file made (downloaded in standalone mode,
 * opened as a new workbook in Excel). Nothing is written into the open workbook.
 */
export function useFrontSheets(
  session: PaneSession | null,
  runAction: RunAction,
  setNotice: (place: 'frontsheets', n: Notice | null) => void,
) {
  const [confirming, setConfirming] = useState(false);
  const make = session?.frontSheets;
  const ask = () => {
    setNotice('frontsheets', null);
    setConfirming(true);
  };
  const cancel = () => setConfirming(false);
  const confirm = () => {
    if (!make) return;
    setConfirming(false);
    void runAction('frontsheets', 'Opretter sagsforsiderne …', async (onPhase) => {
      const r = await make(onPhase);
      if (r.kind === 'download') saveBlob(r.blob, r.fileName);
      const where =
        r.kind === 'download'
          ? `Filen er hentet som ${r.fileName}.`
          : 'Filen er åbnet som en ny projektmappe; gem den, hvor kun de rette personer kan se den.';
      const text = `${plural(r.cases, 'sagsforside', 'sagsforsider')}, én side pr. sag. ${where}`;
      setNotice(
        'frontsheets',
        r.warnings.length === 0
          ? { intent: 'success', title: 'Sagsforsiderne er oprettet', text }
          : {
              intent: 'warning',
              title: 'Sagsforsiderne er oprettet, men nogle felter skal udfyldes i hånden',
              text: `${text} ${r.warnings.join(' ')}`,
            },
      );
    });
  };
  return { available: !!make, confirming, notice: FRONT_SHEETS_NOTICE, ask, cancel, confirm };
}
