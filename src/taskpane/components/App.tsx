import { useCallback, useEffect, useRef, useState } from 'react';
import {
  Button,
  FluentProvider,
  Tab,
  TabList,
  Toaster,
  webDarkTheme,
  webLightTheme,
} from '@fluentui/react-components';
import type { OnPhase, SettingsForm as Form } from '../services/controller';
import type { ThemeKind } from '../services/host';
import type { PaneSession, StandaloneApi } from '../services/paneSession';
import { BusyBar } from './BusyBar';
import { CheckStep } from './CheckStep';
import { PrepareStep } from './PrepareStep';
import { ResultsStep } from './ResultsStep';
import { ReviewStep } from './ReviewStep';
import { useStickyHeight } from './useStickyHeight';
import { STEPS, STEP_LABEL, useStep, type Step } from './useStep';
import { TOASTER_ID, usePane } from './usePane';
import { useStyles } from './styles';

export interface AppProps {
  theme: ThemeKind;
  /** In Excel: the session on the open workbook. Standalone: null until a file is opened. */
  initialSession: PaneSession | null;
  /** Standalone mode's file handling; null in Excel. */
  standalone: StandaloneApi | null;
  /** Reads the settings from the workbook as form text. */
  loadForm: (session: PaneSession, onPhase?: OnPhase) => Promise<Form | null>;
}

/**
 * The pane as the job is done (issue 11, part 1): four steps in a tab list, Forbered (workbook,
 * template, settings), Kontrol (run the check, its result and problems), Gennemgang (the cases)
 * and Resultater (tables and memo). The tab bar, the progress bar and the unsaved-work note stay
 * at the top wherever the user has scrolled.
 */
export function App(props: AppProps) {
  return (
    <FluentProvider theme={props.theme === 'dark' ? webDarkTheme : webLightTheme}>
      <Pane {...props} />
    </FluentProvider>
  );
}

function Pane(props: AppProps) {
  const s = useStyles();
  const pane = usePane(props);
  const [step, setStep] = useStep();
  const [openCase, setOpenCase] = useState<{ index: number; n: number } | null>(null);
  const barRef = useRef<HTMLElement>(null);
  useStickyHeight(barRef);

  /** Moves to a step and puts focus on its heading (a sensible place to continue reading). */
  const goTo = useCallback(
    (next: Step) => {
      setStep(next);
      requestAnimationFrame(() => document.getElementById(`trin-${next}-titel`)?.focus());
    },
    [setStep],
  );
  const openCaseInReview = useCallback(
    (index: number) => {
      setOpenCase((o) => ({ index, n: (o?.n ?? 0) + 1 }));
      goTo('gennemgang');
    },
    [goTo],
  );
  useEffect(() => {
    document.documentElement.style.colorScheme = props.theme;
  }, [props.theme]);

  const standalone = props.standalone !== null;
  return (
    <div className={s.root}>
      <header>
        <h1 className={s.h1}>Børnesagsbarometer</h1>
        <p className={s.muted}>
          {standalone
            ? 'Kører uden for Excel: projektmappen behandles her i browseren og sendes ingen steder hen.'
            : 'Kontrollér sagsoversigten mod lovkravene, og byg resultattabeller og notat.'}{' '}
          <a href="./hjaelp.html" target="_blank" rel="noopener">
            Hjælp
          </a>
        </p>
      </header>
      <section className={s.stickyBar} ref={barRef} aria-label="Trin og status">
        <nav aria-label="Trin">
          <TabList
            className={s.tabs}
            size="small"
            selectedValue={step}
            onTabSelect={(_, d) => setStep(d.value as Step)}
          >
            {STEPS.map((k) => (
              <Tab key={k} id={`trin-${k}-fane`} value={k} aria-controls={`trin-${k}`} className={s.tab}>
                {STEP_LABEL[k]}
              </Tab>
            ))}
          </TabList>
        </nav>
        <BusyBar busy={pane.busy} />
        {standalone && (
          <div className={s.unsaved}>
            {pane.unsaved && (
              <span data-unsaved="true">
                <strong>Ikke gemt:</strong> ændringerne findes kun i denne fane, til du vælger Hent resultat.
              </span>
            )}
            <Button
              size="small"
              appearance={pane.unsaved ? 'primary' : 'secondary'}
              onClick={pane.download}
              disabled={!pane.session?.download}
              disabledFocusable={pane.busy !== null && !!pane.session?.download}
            >
              Hent resultat
            </Button>
          </div>
        )}
      </section>
      <main>
        <Panel step="forbered" current={step}>
          <PrepareStep pane={pane} standalone={standalone} onNext={() => goTo('kontrol')} />
        </Panel>
        <Panel step="kontrol" current={step}>
          <CheckStep pane={pane} onOpenCase={openCaseInReview} onNext={() => goTo('gennemgang')} />
        </Panel>
        <Panel step="gennemgang" current={step}>
          <ReviewStep
            pane={pane}
            active={step === 'gennemgang'}
            openCase={openCase}
            onGoToCheck={() => goTo('kontrol')}
            onNext={() => goTo('resultater')}
          />
        </Panel>
        <Panel step="resultater" current={step}>
          <ResultsStep pane={pane} />
        </Panel>
      </main>
      <section aria-label="Meddelelser" className={s.toastRegion}>
        <Toaster toasterId={TOASTER_ID} position="bottom" limit={3} inline timeout={4000} />
      </section>
    </div>
  );
}

function Panel(props: { step: Step; current: Step; children: React.ReactNode }) {
  const s = useStyles();
  return (
    <section
      id={`trin-${props.step}`}
      role="tabpanel"
      aria-labelledby={`trin-${props.step}-titel`}
      hidden={props.step !== props.current}
      className={s.panel}
    >
      {props.children}
    </section>
  );
}
