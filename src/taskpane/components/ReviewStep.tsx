import { startTransition, useMemo } from 'react';
import { Button } from '@fluentui/react-components';
import type { Phase } from '../services/controller';
import { errorMessage } from '../services/errors';
import type { PaneOutcome } from '../services/paneController';
import { CaseReview, type CaseReviewActions } from './CaseReview';
import { StepHeading } from './StepHeading';
import type { PaneState } from './usePane';
import { useStyles } from './styles';

/** Step 3, Gennemgang: the reviewer's case view on the last check. */
export function ReviewStep(props: {
  pane: PaneState;
  active: boolean;
  openCase: { index: number; n: number } | null;
  onGoToCheck: () => void;
  onNext: () => void;
}) {
  const s = useStyles();
  const { pane } = props;
  const { controller, runAction, setCheck, afterReview, setNotice, toast } = pane;
  const caseSheetName = pane.check?.caseSheetName ?? null;

  const actions = useMemo<CaseReviewActions | null>(() => {
    if (!controller) return null;
    const showError = (e: unknown) =>
      setNotice('review', { intent: 'error', title: 'Det lykkedes ikke', text: errorMessage(e) });
    const write = async (run: (onPhase: (p: Phase) => void) => Promise<PaneOutcome>) => {
      let ok = false;
      await runAction('review', 'Skriver i arket Gennemgang …', async (onPhase) => {
        const out = await run(onPhase);
        startTransition(() => setCheck(out.result));
        afterReview(out.written, out.changed);
        ok = out.written > 0;
      });
      return ok;
    };
    return {
      caseView: (index) => controller.caseView(index),
      review: (target, action) => write((onPhase) => controller.review(target, action, onPhase)),
      approveRest: (sagsnr) => write((onPhase) => controller.approveRest(sagsnr, onPhase)),
      saveInitials: async (text) => {
        let refused: string | null = null;
        await runAction('review', 'Gemmer initialerne …', async (onPhase) => {
          try {
            const initialer = await controller.saveInitials(text, onPhase);
            // The saved initials are what the next review reads; show them without a new check.
            setCheck((c) => (c ? { ...c, settings: { ...c.settings, initialer } } : c));
            toast(
              'Initialerne er gemt',
              `${initialer} skrives i Gennemgang ved hver godkendelse og rettelse.`,
            );
          } catch (e) {
            refused = errorMessage(e);
          }
        });
        return refused;
      },
      selectCase: controller.canSelect ? (index) => void controller.selectCase(index).catch(showError) : null,
      selectCell: controller.canSelect
        ? (sheet, cell) => void controller.selectCell(sheet, cell).catch(showError)
        : null,
      watchCases:
        controller.canWatchSelection && caseSheetName !== null
          ? (onCase) =>
              controller.watchCases(caseSheetName, onCase).catch((e: unknown) => {
                // Without the event the pane still works; say why rows no longer open cases.
                showError(e);
                return async () => undefined;
              })
          : null,
    };
  }, [controller, runAction, setCheck, afterReview, setNotice, toast, caseSheetName]);

  return (
    <>
      <StepHeading step="gennemgang">Gennemgang af sager</StepHeading>
      {pane.check && actions ? (
        <>
          <CaseReview
            report={pane.check}
            busy={pane.busy !== null}
            active={props.active}
            actions={actions}
            refusal={pane.notices.review ?? null}
            openRequest={props.openCase}
          />
          <div className={s.row}>
            <Button onClick={props.onNext}>Videre til Resultater</Button>
          </div>
        </>
      ) : (
        <>
          <p className={s.muted}>Sagerne vises her, når kontrollen er kørt.</p>
          <div className={s.row}>
            <Button onClick={props.onGoToCheck}>Gå til Kontrol</Button>
          </div>
        </>
      )}
    </>
  );
}
