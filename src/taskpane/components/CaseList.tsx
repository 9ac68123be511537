import { useRef, type KeyboardEvent } from 'react';
import { Button, Radio, RadioGroup } from '@fluentui/react-components';
import { CASE_FILTER_LABEL, type CaseFilter, type CaseListItem } from '../../domain/caseview';
import { formatCount, sager } from '../../domain/numbers';
import { VirtualList } from './VirtualList';
import { useStyles } from './styles';

/** Listed at once; the rest with "Vis alle" (virtualised). Few enough to render in one short task. */
export const FIRST_SHOWN = 50;

export const caseName = (i: { sagsnr: number | null; row: number }): string =>
  i.sagsnr === null ? `Sagen i række ${i.row}` : `Sag ${i.sagsnr}`;

/**
 * The filterable list of cases; one tab stop, arrow keys move between cases, Enter opens one.
 * The first 50 are listed; "Vis alle" shows every case in a virtualised list.
 */
export function CaseList(props: {
  items: readonly CaseListItem[];
  filter: CaseFilter;
  onFilter: (f: CaseFilter) => void;
  showAll: boolean;
  onShowAll: () => void;
  current: number | null;
  onOpen: (index: number) => void;
  countId: string;
}) {
  const s = useStyles();
  const { items, current } = props;
  const listRef = useRef<HTMLDivElement>(null);
  const visible = props.showAll ? items : items.slice(0, FIRST_SHOWN);
  const rovingIndex = visible.some((i) => i.index === current) ? current : (visible[0]?.index ?? null);

  const onKey = (e: KeyboardEvent<HTMLDivElement>) => {
    const active = document.activeElement as HTMLElement | null;
    const at = visible.findIndex((i) => String(i.index) === active?.dataset['case']);
    if (at < 0) return;
    const to =
      e.key === 'ArrowDown'
        ? Math.min(at + 1, visible.length - 1)
        : e.key === 'ArrowUp'
          ? Math.max(at - 1, 0)
          : e.key === 'Home'
            ? 0
            : e.key === 'End'
              ? visible.length - 1
              : null;
    if (to === null) return;
    e.preventDefault();
    const target = visible[to]?.index;
    const focus = (tries: number) => {
      const b = listRef.current?.querySelector<HTMLButtonElement>(`button[data-case="${target}"]`);
      if (b) b.focus();
      else if (tries > 0) {
        // A virtualised entry out of view: scroll it in, then focus it once it is rendered.
        listRef.current?.querySelector('[data-virtual-list]')?.scrollBy(0, (to > at ? 1 : -1) * 48);
        requestAnimationFrame(() => focus(tries - 1));
      }
    };
    focus(20);
  };

  const entry = (item: CaseListItem) => (
    <Button
      data-case={item.index}
      appearance={item.index === current ? 'primary' : 'subtle'}
      className={s.caseButton}
      aria-current={item.index === current ? 'true' : undefined}
      tabIndex={item.index === rovingIndex ? 0 : -1}
      onClick={() => props.onOpen(item.index)}
    >
      <span>
        <strong>{caseName(item)}</strong> – {item.status}
        {item.problems > 0 && ` – ${item.problems} ${item.problems === 1 ? 'problem' : 'problemer'}`}
        <br />
        {item.measure}
      </span>
    </Button>
  );

  return (
    <>
      <RadioGroup
        layout="horizontal"
        className={s.radioRow}
        aria-label="Vis sager"
        value={props.filter}
        onChange={(_, d) => props.onFilter(d.value as CaseFilter)}
      >
        {(Object.keys(CASE_FILTER_LABEL) as CaseFilter[]).map((f) => (
          <Radio key={f} value={f} label={CASE_FILTER_LABEL[f]} />
        ))}
      </RadioGroup>
      <p className={s.muted} id={props.countId}>
        {sager(items.length)} i listen. Piletasterne flytter mellem sagerne.
      </p>
      <div ref={listRef} onKeyDown={onKey}>
        {items.length > 0 &&
          (props.showAll ? (
            <VirtualList items={items} label="Sager" estimate={52} itemKey={(i) => i.index} render={entry} />
          ) : (
            <ul className={s.caseList} aria-label="Sager" aria-describedby={props.countId}>
              {visible.map((item) => (
                <li key={item.index}>{entry(item)}</li>
              ))}
            </ul>
          ))}
      </div>
      {!props.showAll && items.length > FIRST_SHOWN && (
        <Button onClick={props.onShowAll}>Vis alle {formatCount(items.length)} sager</Button>
      )}
    </>
  );
}
