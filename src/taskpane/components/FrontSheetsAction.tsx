import { useEffect, useRef } from 'react';
import { Button, MessageBar, MessageBarBody, MessageBarTitle } from '@fluentui/react-components';
import { InlineNotice } from './InlineNotice';
import type { PaneState } from './usePane';
import { useStyles } from './styles';

/**
 * "Opret sagsforsider (Bilag 2)" (issue 12 item 4): asks first, saying the file holds the
 * children's names and CPR numbers, then makes it as a file of its own.
 */
export function FrontSheetsAction({ pane }: { pane: PaneState }) {
  const s = useStyles();
  const f = pane.frontSheets;
  const busy = pane.busy !== null;
  const standalone = !!pane.session?.download;
  const askRef = useRef<HTMLButtonElement>(null);
  const confirmRef = useRef<HTMLDivElement>(null);
  const wasConfirming = useRef(false);
  useEffect(() => {
    // The question takes focus when it opens; the button gets it back when it closes.
    if (f.confirming) confirmRef.current?.focus();
    else if (wasConfirming.current) askRef.current?.focus();
    wasConfirming.current = f.confirming;
  }, [f.confirming]);

  return (
    <section aria-labelledby="sagsforsider-titel">
      <h3 className={s.h3} id="sagsforsider-titel">
        Sagsforsider til Ankestyrelsen
      </h3>
      <p className={s.muted}>
        Én sagsforside (Bilag 2) pr. sag med kommune, sagsnummer, barnets navn og cpr-nummer, foranstaltningen
        og teksten til feltet &quot;Eventuelle bemærkninger&quot; på virk.dk.
      </p>
      {!f.confirming && (
        <div className={s.row}>
          <Button
            ref={askRef}
            onClick={f.ask}
            disabled={!f.available}
            disabledFocusable={busy && f.available}
          >
            Opret sagsforsider (Bilag 2)
          </Button>
        </div>
      )}
      {f.confirming && (
        <div role="group" aria-labelledby="sagsforsider-spoergsmaal" ref={confirmRef} tabIndex={-1}>
          <MessageBar intent="warning" layout="multiline">
            <MessageBarBody>
              <MessageBarTitle id="sagsforsider-spoergsmaal">
                Filen indeholder børnenes navne og cpr-numre
              </MessageBarTitle>{' '}
              {f.notice}{' '}
              {standalone
                ? 'Filen hentes til din computer.'
                : 'Filen åbnes som en ny projektmappe; den åbne projektmappe ændres ikke.'}
            </MessageBarBody>
          </MessageBar>
          <div className={s.row}>
            <Button appearance="primary" onClick={f.confirm}>
              Opret filen med navne og cpr-numre
            </Button>
            <Button onClick={f.cancel}>Annullér</Button>
          </div>
        </div>
      )}
      <InlineNotice notice={pane.notices.frontsheets} />
    </section>
  );
}
