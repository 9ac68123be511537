import { ProgressBar } from '@fluentui/react-components';
import { useStyles } from './styles';

export type Busy = { readonly label: string; readonly percent: number | null };

/**
 * The one progress bar of the pane (in the sticky bar, so it is in view wherever the user has
 * scrolled): the running action and how far it is, in percent when it reports phases.
 */
export function BusyBar({ busy }: { busy: Busy | null }) {
  const s = useStyles();
  return (
    <div className={s.busy} role="status" aria-live="polite" data-busy={busy ? 'true' : 'false'}>
      {busy && (
        <>
          <span>
            {busy.label}
            {busy.percent !== null && ` ${busy.percent}%`}
          </span>
          <ProgressBar
            value={busy.percent === null ? undefined : busy.percent / 100}
            aria-label={busy.label}
            thickness="large"
          />
        </>
      )}
    </div>
  );
}
