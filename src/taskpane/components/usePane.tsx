import { startTransition, useCallback, useEffect, useRef, useState } from 'react';
import { Toast, ToastBody, ToastTitle, useToastController } from '@fluentui/react-components';
import {
  PHASE_LABEL,
  phasePercent,
  settingsFieldErrors,
  type OnPhase,
  type Phase,
  type SettingsFieldErrors,
  type SettingsForm as Form,
} from '../services/controller';
import { errorMessage } from '../services/errors';
import type { PaneReport } from '../services/paneController';
import type { PaneSession, StandaloneApi } from '../services/paneSession';
import { parseDayText } from '../services/parseDay';
import { saveBlob } from '../services/session';
import type { Busy } from './BusyBar';
import { buildNotice, checkNotice, plural, type Notice } from '../services/notices';
import { useFrontSheets } from './useFrontSheets';

/** Where a refusal or result is shown: beside the button that caused it. */
export type Place =
  'open' | 'template' | 'settings' | 'check' | 'build' | 'review' | 'results' | 'frontsheets';

export const TOASTER_ID = 'barometer-toaster';
export { countBySeverity } from '../services/notices';

const sameForm = (a: Form | null, b: Form | null): boolean =>
  a === b || (a !== null && b !== null && (Object.keys(a) as (keyof Form)[]).every((k) => a[k] === b[k]));

/**
 * The pane's state and use cases: the open workbook, the settings form, the last check and tables,
 * the running action (progress), the notices at each place, and the unsaved-work flag.
 * Decision (issue 11, part 4): the check uses what the form shows. Changed settings are saved as the
 * first part of "Kør kontrol" and "Byg tabeller" (invalid ones stop the run and are marked on their
 * fields), so the sheet and the form never silently differ.
 */
export function usePane(props: {
  initialSession: PaneSession | null;
  standalone: StandaloneApi | null;
  loadForm: (session: PaneSession, onPhase?: OnPhase) => Promise<Form | null>;
}) {
  const { dispatchToast } = useToastController(TOASTER_ID);
  const [session, setSession] = useState<PaneSession | null>(props.initialSession);
  const [busy, setBusy] = useState<Busy | null>(null);
  const [notices, setNotices] = useState<Partial<Record<Place, Notice>>>({});
  const [savedForm, setSavedForm] = useState<Form | null>(null);
  const [form, setForm] = useState<Form | null>(null);
  const [fieldErrors, setFieldErrors] = useState<SettingsFieldErrors>({});
  const [check, setCheck] = useState<PaneReport | null>(null);
  const [built, setBuilt] = useState<PaneReport | null>(null);
  const [tablesBehind, setTablesBehind] = useState(false);
  /** Standalone: the workbook in this tab has changes that "Hent resultat" has not saved. */
  const [unsaved, setUnsaved] = useState(false);
  const busyRef = useRef(false);

  const toast = useCallback(
    (title: string, text: string) =>
      dispatchToast(
        <Toast>
          <ToastTitle>{title}</ToastTitle>
          <ToastBody>{text}</ToastBody>
        </Toast>,
        { intent: 'success' },
      ),
    [dispatchToast],
  );

  const setNotice = useCallback(
    (place: Place, n: Notice | null) =>
      setNotices((all) => {
        const next = { ...all };
        if (n) next[place] = n;
        else delete next[place];
        return next;
      }),
    [],
  );

  /**
   * Runs a use case with the progress bar; an error becomes a notice at `place`. Focus stays where
   * it was (buttons are disabledFocusable while busy, so focus never drops to the page body).
   */
  const runAction = useCallback(
    async (place: Place, label: string, action: (onPhase: OnPhase) => Promise<void>): Promise<boolean> => {
      if (busyRef.current) return false;
      busyRef.current = true;
      setBusy({ label, percent: null });
      setNotice(place, null);
      const onPhase = (p: Phase, fraction?: number) =>
        setBusy({ label: PHASE_LABEL[p], percent: phasePercent(p, fraction) });
      const focused = document.activeElement;
      try {
        await action(onPhase);
        return true;
      } catch (e) {
        setNotice(place, { intent: 'error', title: 'Det lykkedes ikke', text: errorMessage(e) });
        return false;
      } finally {
        busyRef.current = false;
        setBusy(null);
        // Keep focus on what the user last acted on; if that is gone, the step's heading takes it.
        requestAnimationFrame(() => {
          if (document.activeElement === document.body || document.activeElement === null) {
            const back = focused instanceof HTMLElement && focused.isConnected ? focused : null;
            (back ?? document.querySelector<HTMLElement>('[role="tabpanel"]:not([hidden]) h2'))?.focus();
          }
        });
      }
    },
    [setNotice],
  );

  const openSession = useCallback(
    async (next: PaneSession, onPhase?: OnPhase) => {
      setSession(next);
      setCheck(null);
      setBuilt(null);
      setNotices({});
      const f = await props.loadForm(next, onPhase);
      setSavedForm(f);
      setForm(f);
      setFieldErrors({});
    },
    [props],
  );

  useEffect(() => {
    if (props.initialSession) {
      void runAction('open', 'Læser indstillingerne …', (onPhase) =>
        openSession(props.initialSession as PaneSession, onPhase),
      );
    }
  }, [props.initialSession, openSession, runAction]);

  // Standalone: leaving the page with changes that were not downloaded asks first.
  useEffect(() => {
    if (!unsaved || !props.standalone) return undefined;
    const onLeave = (e: BeforeUnloadEvent) => {
      e.preventDefault();
      e.returnValue = '';
    };
    window.addEventListener('beforeunload', onLeave);
    return () => window.removeEventListener('beforeunload', onLeave);
  }, [unsaved, props.standalone]);

  const controller = session?.controller ?? null;
  const wrote = useCallback(() => {
    if (props.standalone) setUnsaved(true);
  }, [props.standalone]);

  /** Opens a workbook and says whether it can be checked (a file without a case sheet is not "klar"). */
  const openAndInspect = async (place: Place, next: PaneSession, what: string) => {
    await openSession(next);
    setUnsaved(false);
    const found = await next.controller.inspect();
    if (found.ok) {
      toast(
        what,
        `${next.name} er klar til kontrol (${plural(found.cases, 'sag', 'sager')}). Gå videre til Kontrol.`,
      );
    } else {
      setNotice(place, {
        intent: 'warning',
        title: `${next.name} er åbnet, men kan ikke kontrolleres endnu`,
        text: found.message,
      });
    }
  };

  const openFile = (file: File) => {
    const api = props.standalone;
    if (!api) return;
    void runAction('open', `Åbner ${file.name} …`, async (onPhase) => {
      await openAndInspect('open', await api.open(file, onPhase), 'Projektmappen er åbnet');
    });
  };

  const openExample = () => {
    const api = props.standalone;
    if (!api) return;
    void runAction('open', 'Henter eksemplet …', async (onPhase) => {
      await openAndInspect('open', await api.example(onPhase), 'Eksemplet er åbnet');
    });
  };

  const download = () => {
    const dl = session?.download;
    if (!dl) return;
    void runAction('open', 'Gemmer resultatet …', async (onPhase) => {
      const { blob, fileName } = await dl(onPhase);
      saveBlob(blob, fileName);
      setUnsaved(false);
      toast('Resultatet er hentet', `Projektmappen er gemt som ${fileName}.`);
    });
  };

  const createTemplate = () =>
    void runAction('template', 'Opretter skabelonen …', async () => {
      let current = session;
      if (!current && props.standalone) current = await props.standalone.blank();
      if (!current) return;
      const problems = await current.controller.createTemplate();
      await openSession(current);
      wrote();
      if (problems.length) {
        setNotice('template', {
          intent: 'warning',
          title: 'Skabelonen er oprettet med bemærkninger',
          text: problems.map((p) => p.message).join(' '),
        });
      } else {
        toast('Skabelonen er oprettet', 'Arkene Sagsoversigt og Indstillinger er klar til at blive udfyldt.');
      }
    });

  /** Validates the form on its fields; saves it when it changed. False when a field is invalid. */
  const saveFormIfChanged = async (
    c: NonNullable<typeof controller>,
    force: boolean,
    onPhase?: OnPhase,
  ): Promise<boolean> => {
    if (!form || (!force && sameForm(form, savedForm))) return true;
    const errors = settingsFieldErrors(form, parseDayText);
    setFieldErrors(errors);
    if (Object.keys(errors).length > 0) return false;
    await c.saveSettings(form, onPhase);
    setSavedForm(form);
    wrote();
    return true;
  };

  const saveSettings = () => {
    const c = controller;
    if (!c) return;
    void runAction('settings', 'Gemmer indstillingerne …', async (onPhase) => {
      if (await saveFormIfChanged(c, true, onPhase))
        toast('Indstillingerne er gemt', 'Arket Indstillinger er opdateret.');
    });
  };

  const refuseUnsavedSettings = (place: Place) =>
    setNotice(place, {
      intent: 'error',
      title: 'Indstillingerne har fejl',
      text: 'Indstillingerne under Forbered er ændret, men kan ikke gemmes. Ret de markerede felter under Forbered, og prøv igen.',
    });

  const runCheck = () => {
    const c = controller;
    if (!c) return;
    void runAction('check', PHASE_LABEL.read, async (onPhase) => {
      if (!(await saveFormIfChanged(c, false))) return refuseUnsavedSettings('check');
      const result = await c.check(onPhase);
      // A transition: React renders the new lists in slices, so the page keeps redrawing.
      startTransition(() => {
        setCheck(result);
        setBuilt(null);
        setNotice('check', checkNotice(result.caseCount, result.problems));
      });
      wrote();
    });
  };

  const buildTables = () => {
    const c = controller;
    if (!c) return;
    void runAction('build', PHASE_LABEL.read, async (onPhase) => {
      if (!(await saveFormIfChanged(c, false))) return refuseUnsavedSettings('build');
      const result = await c.buildTables(onPhase);
      setTablesBehind(false);
      wrote();
      // One transition: the notice appears together with the tables it announces.
      startTransition(() => {
        setCheck(result);
        setBuilt(result);
        setNotice('build', buildNotice(result.tables.length, result.problems));
      });
    });
  };

  const afterReview = useCallback(
    (written: number, changed: string | null) => {
      if (written > 0) {
        setTablesBehind(true);
        wrote();
      }
      if (changed) setNotice('review', { intent: 'warning', title: 'Sagen er ændret', text: changed });
    },
    [setNotice, wrote],
  );

  const settingsDirty = !sameForm(form, savedForm);
  const frontSheets = useFrontSheets(session, runAction, setNotice);

  return {
    session,
    controller,
    busy,
    notices,
    setNotice,
    form,
    setForm,
    fieldErrors,
    setFieldErrors,
    settingsDirty,
    check,
    setCheck,
    built,
    tablesBehind,
    unsaved,
    runAction,
    toast,
    afterReview,
    openFile,
    openExample,
    download,
    createTemplate,
    saveSettings,
    runCheck,
    buildTables,
    frontSheets,
  };
}

export type PaneState = ReturnType<typeof usePane>;
