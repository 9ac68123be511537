import { Button } from '@fluentui/react-components';
import type { TableResult } from '../../domain/types';
import { copyRich } from '../services/clipboard';
import { memoToHtml, memoToText, tableToHtml, tableToText } from '../services/tableFormat';
import { FrontSheetsAction } from './FrontSheetsAction';
import { InlineNotice } from './InlineNotice';
import { ResultTables, TableNav, tableGroups } from './ResultTables';
import { StepHeading } from './StepHeading';
import type { PaneState } from './usePane';
import { useStyles } from './styles';

/** Step 4, Resultater: build the tables, jump between them, copy a table or the memo. */
export function ResultsStep({ pane }: { pane: PaneState }) {
  const s = useStyles();
  const built = pane.built;
  const busy = pane.busy !== null;
  const copy = (what: string, html: string, text: string) =>
    void pane.runAction('results', 'Kopierer …', async () => {
      const method = await copyRich(html, text);
      pane.toast(
        `${what} er kopieret`,
        `${method === 'fallback' ? 'Kopieret med reserveløsningen. ' : ''}Indsæt i Word med Ctrl+V.`,
      );
    });
  const onCopyTable = (t: TableResult) => copy(`Tabel ${t.id}`, tableToHtml(t), tableToText(t));
  const groups = built ? tableGroups(built.tables) : [];

  return (
    <>
      <StepHeading step="resultater">Resultattabeller og notat</StepHeading>
      <p className={s.muted}>Skriver arkene Resultattabeller, Overblik og Notat og viser tabellerne her.</p>
      <div className={s.row}>
        <Button
          appearance="primary"
          onClick={pane.buildTables}
          disabled={!pane.controller}
          disabledFocusable={busy && !!pane.controller}
        >
          Byg tabeller
        </Button>
      </div>
      <InlineNotice notice={pane.notices.build} />
      {built && pane.tablesBehind && (
        <p className={s.muted}>
          Der er godkendt eller rettet sager, siden tabellerne blev bygget. Vælg Byg tabeller igen for at tage
          rettelserne med.
        </p>
      )}
      {built && (
        <>
          <TableNav groups={groups} />
          <InlineNotice notice={pane.notices.results} />
          <ResultTables groups={groups} onCopy={onCopyTable} />
          <h3 className={s.h3} id="notat-blok" tabIndex={-1}>
            Notat
          </h3>
          <div className={s.memo}>
            {built.memo.map((line, i) => (
              <p key={i}>{line}</p>
            ))}
          </div>
          <div className={s.row}>
            <Button onClick={() => copy('Notatet', memoToHtml(built.memo), memoToText(built.memo))}>
              Kopiér notat
            </Button>
          </div>
        </>
      )}
      <FrontSheetsAction pane={pane} />
    </>
  );
}
