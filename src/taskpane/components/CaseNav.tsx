import { Button } from '@fluentui/react-components';
import { useStyles } from './styles';

export const NEXT_KEYS = 'Alt+PageDown';
export const PREVIOUS_KEYS = 'Alt+PageUp';

/** Previous / next case, sticky under the pane's bar so it is reachable from anywhere in the case. */
export function CaseNav(props: {
  position: string;
  atStart: boolean;
  atEnd: boolean;
  onStep: (dir: 1 | -1) => void;
  onSelectRow: (() => void) | null;
}) {
  const s = useStyles();
  return (
    <div className={s.caseNav}>
      <div className={s.row} role="group" aria-label="Skift sag">
        <Button
          onClick={() => props.onStep(-1)}
          disabledFocusable={props.atStart}
          aria-keyshortcuts={PREVIOUS_KEYS}
        >
          Forrige sag
        </Button>
        <Button onClick={() => props.onStep(1)} disabledFocusable={props.atEnd} aria-keyshortcuts={NEXT_KEYS}>
          Næste sag
        </Button>
        <span className={s.muted}>{props.position}</span>
        {props.onSelectRow && <Button onClick={props.onSelectRow}>Markér rækken i Excel</Button>}
      </div>
    </div>
  );
}
