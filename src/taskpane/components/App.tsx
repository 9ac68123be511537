import { useCallback, useEffect, useMemo, useRef, useState, type ChangeEvent, type ReactNode } from 'react';
import {
  Button,
  FluentProvider,
  MessageBar,
  MessageBarBody,
  MessageBarTitle,
  Spinner,
  webDarkTheme,
  webLightTheme,
} from '@fluentui/react-components';
import type { Problem, Severity, TableResult } from '../../domain/types';
import { PHASE_LABEL, type Phase, type RunResult, type SettingsForm as Form } from '../services/controller';
import { copyRich } from '../services/clipboard';
import { errorMessage } from '../services/errors';
import { saveBlob, type Session, type StandaloneApi } from '../services/session';
import { memoToHtml, memoToText, tableToHtml, tableToText } from '../services/tableFormat';
import type { ThemeKind } from '../services/host';
import { CaseReview, type CaseReviewActions } from './CaseReview';
import { OverviewChart, OverviewTable } from './Chart';
import { ProblemsList, SEVERITY_LABEL } from './ProblemsList';
import { ResultTables } from './ResultTables';
import { SettingsForm } from './SettingsForm';
import { useStyles } from './styles';

export interface AppProps {
  theme: ThemeKind;
  /** In Excel: the session on the open workbook. Standalone: null until a file is opened. */
  initialSession: Session | null;
  /** Standalone mode's file handling; null in Excel. */
  standalone: StandaloneApi | null;
  /** Reads the settings from the workbook as form text. */
  loadForm: (session: Session) => Promise<Form | null>;
  parseDayText: (text: string) => number | null;
}

type Notice = { intent: 'error' | 'success' | 'info' | 'warning'; title: string; text: string };

function Section(props: { id: string; title: string; children: ReactNode }) {
  const s = useStyles();
  return (
    <section className={s.section} aria-labelledby={props.id}>
      <h2 id={props.id} className={s.h2}>
        {props.title}
      </h2>
      {props.children}
    </section>
  );
}

function countBySeverity(problems: readonly Problem[]): Record<Severity, number> {
  const c: Record<Severity, number> = { error: 0, warning: 0, missing: 0 };
  for (const p of problems) c[p.severity] += 1;
  return c;
}

export function App(props: AppProps) {
  const s = useStyles();
  const [session, setSession] = useState<Session | null>(props.initialSession);
  const [busy, setBusy] = useState<string | null>(null);
  const [notice, setNotice] = useState<Notice | null>(null);
  const [form, setForm] = useState<Form | null>(null);
  const [check, setCheck] = useState<RunResult | null>(null);
  const [built, setBuilt] = useState<RunResult | null>(null);
  const [copied, setCopied] = useState('');
  /** True when review lines were written after the tables shown were built. */
  const [tablesBehind, setTablesBehind] = useState(false);
  const fileInput = useRef<HTMLInputElement>(null);

  /** Runs a use case with the busy label; an error becomes a Danish MessageBar. True when it succeeded. */
  const runAction = useCallback(async (label: string, action: () => Promise<void>): Promise<boolean> => {
    setBusy(label);
    setNotice(null);
    try {
      await action();
      return true;
    } catch (e) {
      setNotice({ intent: 'error', title: 'Det lykkedes ikke', text: errorMessage(e) });
      return false;
    } finally {
      setBusy(null);
    }
  }, []);

  const openSession = useCallback(
    async (next: Session) => {
      setSession(next);
      setCheck(null);
      setBuilt(null);
      setForm(await props.loadForm(next));
    },
    [props],
  );

  useEffect(() => {
    if (props.initialSession) {
      void runAction('Læser indstillingerne …', () => openSession(props.initialSession as Session));
    }
  }, [props.initialSession, openSession, runAction]);

  const onPhase = (p: Phase) => setBusy(PHASE_LABEL[p]);
  const controller = session?.controller ?? null;
  const disabled = busy !== null;

  // The case view's use cases, bound to the controller. Selecting in Excel needs no busy state:
  // a failure is shown as a message, the pane stays usable.
  const reportRef = useRef(check?.report ?? null);
  reportRef.current = check?.report ?? null;
  const caseSheetName = check?.report.caseSheet.name ?? null;
  const showError = useCallback(
    (e: unknown) => setNotice({ intent: 'error', title: 'Det lykkedes ikke', text: errorMessage(e) }),
    [],
  );
  const watchCases = useMemo(
    () =>
      controller?.canWatchSelection && caseSheetName !== null
        ? (onCase: (index: number) => void) =>
            controller.watchCases(caseSheetName, onCase).catch((e: unknown) => {
              // Without the event the pane still works; say why rows no longer open cases.
              showError(e);
              return async () => undefined;
            })
        : null,
    [controller, caseSheetName, showError],
  );
  const reviewActions = useMemo<CaseReviewActions | null>(() => {
    if (!controller) return null;
    const afterReview = (written: number, changed: string | null) => {
      if (written > 0) setTablesBehind(true);
      if (changed) setNotice({ intent: 'warning', title: 'Sagen er ændret', text: changed });
    };
    return {
      review: async (target, action) => {
        let ok = false;
        await runAction('Skriver i arket Gennemgang …', async () => {
          const out = await controller.review(target, action);
          setCheck(out.result);
          afterReview(out.written, out.changed);
          ok = out.written > 0;
        });
        return ok;
      },
      approveRest: async (sagsnr) => {
        let ok = false;
        await runAction('Skriver i arket Gennemgang …', async () => {
          const out = await controller.approveRest(sagsnr);
          setCheck(out.result);
          afterReview(out.written, out.changed);
          ok = out.written > 0;
        });
        return ok;
      },
      saveInitials: async (text) => {
        let ok = false;
        await runAction('Gemmer initialerne …', async () => {
          const initialer = await controller.saveInitials(text);
          // The saved initials are what the next review reads; show them without a new check.
          setCheck((c) =>
            c ? { ...c, report: { ...c.report, settings: { ...c.report.settings, initialer } } } : c,
          );
          ok = true;
        });
        return ok;
      },
      selectCase: controller.canSelect
        ? (index) => {
            const r = reportRef.current;
            if (r) controller.selectCase(r, index).catch(showError);
          }
        : null,
      selectCell: controller.canSelect
        ? (sheet, cell) => void controller.selectCell(sheet, cell).catch(showError)
        : null,
      watchCases,
    };
  }, [controller, runAction, showError, watchCases]);

  const onFile = (e: ChangeEvent<HTMLInputElement>) => {
    const file = e.target.files?.[0];
    e.target.value = '';
    if (!file || !props.standalone) return;
    const api = props.standalone;
    void runAction(`Åbner ${file.name} …`, async () => {
      await openSession(await api.open(file));
      setNotice({
        intent: 'success',
        title: 'Arbejdsbogen er åbnet',
        text: `${file.name} er klar til kontrol.`,
      });
    });
  };

  const onExample = () => {
    const api = props.standalone;
    if (!api) return;
    void runAction('Henter eksemplet …', async () => {
      await openSession(await api.example());
      setNotice({
        intent: 'success',
        title: 'Eksemplet er åbnet',
        text: 'eksempel.xlsx er en opdigtet sagsoversigt. Vælg "Kør kontrol".',
      });
    });
  };

  const onDownload = () => {
    const dl = session?.download;
    if (!dl) return;
    void runAction('Gemmer resultatet …', async () => {
      const { blob, fileName } = await dl();
      saveBlob(blob, fileName);
      setNotice({
        intent: 'success',
        title: 'Resultatet er hentet',
        text: `Arbejdsbogen er gemt som ${fileName}.`,
      });
    });
  };

  const onTemplate = () =>
    void runAction('Opretter skabelonen …', async () => {
      let current = session;
      if (!current && props.standalone) {
        current = await props.standalone.blank();
      }
      if (!current) return;
      const problems = await current.controller.createTemplate();
      await openSession(current);
      setNotice(
        problems.length
          ? {
              intent: 'warning',
              title: 'Skabelonen er oprettet med bemærkninger',
              text: problems.map((p) => p.message).join(' '),
            }
          : {
              intent: 'success',
              title: 'Skabelonen er oprettet',
              text: 'Arkene Sagsoversigt og Indstillinger er klar til at blive udfyldt.',
            },
      );
    });

  const onSaveSettings = (f: Form) => {
    if (!controller) return;
    void runAction('Gemmer indstillingerne …', async () => {
      await controller.saveSettings(f, props.parseDayText);
      setForm(f);
      setNotice({
        intent: 'success',
        title: 'Indstillingerne er gemt',
        text: 'Arket Indstillinger er opdateret.',
      });
    });
  };

  const onCheck = () => {
    if (!controller) return;
    void runAction(PHASE_LABEL.read, async () => {
      const result = await controller.check(onPhase);
      setCheck(result);
      setBuilt(null);
      const c = countBySeverity(result.problems);
      setNotice({
        intent: 'success',
        title: 'Kontrollen er færdig',
        text: `${result.report.cases.length} sager er kontrolleret: ${c.error} fejl, ${c.warning} advarsler og ${c.missing} med manglende oplysninger.`,
      });
    });
  };

  const onBuild = () => {
    if (!controller) return;
    void runAction(PHASE_LABEL.read, async () => {
      const result = await controller.buildTables(onPhase);
      setCheck(result);
      setBuilt(result);
      setTablesBehind(false);
      setNotice({
        intent: 'success',
        title: 'Tabellerne er bygget',
        text: `${result.report.tables.length} tabeller er skrevet i arkene Resultattabeller, Overblik og Notat.`,
      });
    });
  };

  const onSelect = controller?.canSelect
    ? (p: Problem) => void runAction('Går til cellen …', () => controller.select(p))
    : null;

  const copy = (what: string, html: string, text: string) =>
    void runAction('Kopierer …', async () => {
      const method = await copyRich(html, text);
      setCopied(
        `${what} er kopieret${method === 'fallback' ? ' (reserveløsning)' : ''}. Indsæt den i Word med Ctrl+V.`,
      );
    });
  const onCopyTable = (t: TableResult) => copy(`Tabel ${t.id}`, tableToHtml(t), tableToText(t));

  const counts = check ? countBySeverity(check.problems) : null;
  const kommune = check?.report.settings.kommune ?? 'Kommunen';

  return (
    <FluentProvider theme={props.theme === 'dark' ? webDarkTheme : webLightTheme} className={s.root}>
      <header>
        <h1 className={s.h1}>Børnesagsbarometer</h1>
        <p className={s.muted}>
          {props.standalone
            ? 'Kører uden for Excel: arbejdsbogen behandles her i browseren og sendes ingen steder hen.'
            : 'Kontrollér sagsoversigten mod lovkravene, og byg resultattabeller og notat.'}
        </p>
      </header>
      <main>
        <div aria-live="polite">
          {notice && (
            <MessageBar intent={notice.intent} layout="multiline">
              <MessageBarBody>
                <MessageBarTitle>{notice.title}</MessageBarTitle> {notice.text}
              </MessageBarBody>
            </MessageBar>
          )}
        </div>
        <div className={s.status} role="status">
          {busy && <Spinner size="tiny" labelPosition="after" label={busy} />}
        </div>

        {props.standalone && (
          <Section id="arbejdsbog-titel" title="Arbejdsbog">
            <p className={s.muted}>{session ? `Åben: ${session.name}` : 'Ingen arbejdsbog er åben endnu.'}</p>
            <div className={s.row}>
              <label className={s.fileLabel}>
                Åbn arbejdsbog
                <input
                  ref={fileInput}
                  type="file"
                  accept=".xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
                  className={s.visuallyHidden}
                  onChange={onFile}
                  disabled={disabled}
                />
              </label>
              <Button onClick={onExample} disabled={disabled}>
                Brug eksempel
              </Button>
              <Button onClick={onDownload} disabled={disabled || !session?.download}>
                Hent resultat
              </Button>
            </div>
          </Section>
        )}

        <Section id="skabelon-titel" title="Skabelon">
          <p className={s.muted}>
            Opretter arkene Sagsoversigt (Bilag 1) og Indstillinger, klar til at blive udfyldt.
          </p>
          <Button onClick={onTemplate} disabled={disabled || (!session && !props.standalone)}>
            Opret skabelon
          </Button>
        </Section>

        <Section id="indstillinger-titel" title="Indstillinger">
          {session ? (
            <SettingsForm initial={form} disabled={disabled} onSave={onSaveSettings} />
          ) : (
            <p className={s.muted}>Åbn en arbejdsbog for at se og ændre indstillingerne.</p>
          )}
        </Section>

        <Section id="kontrol-titel" title="Kontrol">
          <p className={s.muted}>
            Kontrollerer udvælgelsen og lovkravene og skriver resultatet i kolonner til højre for sagerne.
          </p>
          <Button appearance="primary" onClick={onCheck} disabled={disabled || !controller}>
            Kør kontrol
          </Button>
          {check && counts && (
            <>
              <h3 className={s.h3}>Resultat</h3>
              <ul className={s.counts}>
                <li>
                  <strong>{check.report.cases.length}</strong> sager kontrolleret
                </li>
                {(['error', 'warning', 'missing'] as const).map((k) => (
                  <li key={k}>
                    {SEVERITY_LABEL[k]}: <strong>{counts[k]}</strong>
                  </li>
                ))}
              </ul>
              <OverviewChart rows={check.report.overview} kommune={kommune} />
              <OverviewTable rows={check.report.overview} />
            </>
          )}
        </Section>

        {check && (
          <Section id="problemer-titel" title={`Problemer (${check.problems.length})`}>
            <ProblemsList problems={check.problems} onSelect={onSelect} disabled={disabled} />
          </Section>
        )}

        {check && reviewActions && (
          <Section id="gennemgang-titel" title="Gennemgang af sager">
            <CaseReview report={check.report} busy={disabled} actions={reviewActions} />
          </Section>
        )}

        <Section id="tabeller-titel" title="Resultattabeller og notat">
          <p className={s.muted}>
            Skriver arkene Resultattabeller, Overblik og Notat og viser tabellerne her.
          </p>
          <Button appearance="primary" onClick={onBuild} disabled={disabled || !controller}>
            Byg tabeller
          </Button>
          <p role="status" className={s.muted}>
            {copied}
          </p>
          {built && tablesBehind && (
            <p className={s.muted}>
              Der er godkendt eller rettet sager, siden tabellerne blev bygget. Vælg Byg tabeller igen for at
              tage rettelserne med.
            </p>
          )}
          {built && (
            <>
              <ResultTables tables={built.report.tables} onCopy={onCopyTable} />
              <h3 className={s.h3}>Notat</h3>
              <div className={s.memo}>
                {built.report.memo.map((line, i) => (
                  <p key={i}>{line}</p>
                ))}
              </div>
              <Button
                onClick={() => copy('Notatet', memoToHtml(built.report.memo), memoToText(built.report.memo))}
              >
                Kopiér notat
              </Button>
            </>
          )}
        </Section>
      </main>
    </FluentProvider>
  );
}
