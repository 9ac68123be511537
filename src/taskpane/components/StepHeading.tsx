import type { Step } from './useStep';
import { useStyles } from './styles';

/** A step's heading; focusable (not in the tab order) so moving to the step can put focus on it. */
export function StepHeading(props: { step: Step; children: React.ReactNode }) {
  const s = useStyles();
  return (
    <h2 id={`trin-${props.step}-titel`} tabIndex={-1} className={s.stepHeading}>
      {props.children}
    </h2>
  );
}
