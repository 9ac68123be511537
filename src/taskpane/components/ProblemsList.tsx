import { useMemo, useState } from 'react';
import { Button, Radio, RadioGroup, mergeClasses } from '@fluentui/react-components';
import type { Problem, Severity } from '../../domain/types';
import { VirtualList } from './VirtualList';
import { useStyles } from './styles';

export const SEVERITY_LABEL: Readonly<Record<Severity, string>> = {
  error: 'Fejl',
  warning: 'Advarsel',
  missing: 'Mangler oplysninger',
};

const FILTER_LABEL = { alle: 'Alle', error: 'Fejl', warning: 'Advarsler', missing: 'Mangler' } as const;
type Filter = keyof typeof FILTER_LABEL;

/** Listed at once; the rest with "Vis alle" (virtualised). */
const FIRST_SHOWN = 50;

function where(p: Problem): string {
  const parts = [p.sagsnr !== null ? `Sag ${p.sagsnr}` : 'Hele listen'];
  if (p.column) parts.push(p.column);
  if (p.cell) parts.push(p.sheet ? `${p.sheet}!${p.cell}` : p.cell);
  return parts.join(' · ');
}

const keyOf = (p: Problem, i: number) => `${p.code}-${p.row ?? ''}-${p.cell ?? ''}-${p.question ?? ''}-${i}`;

/**
 * The problems of the last run, filterable by kind. A problem of a case opens the case in
 * Gennemgang (and in Excel selects its cell). The first 50 are listed; "Vis alle" shows the rest
 * in a virtualised list.
 */
export function ProblemsList(props: {
  problems: readonly Problem[];
  onSelect: (p: Problem) => void;
  canOpen: (p: Problem) => boolean;
  disabled: boolean;
  selectsCells: boolean;
}) {
  const s = useStyles();
  const [all, setAll] = useState(false);
  const [filter, setFilter] = useState<Filter>('alle');
  const shown = useMemo(
    () => (filter === 'alle' ? props.problems : props.problems.filter((p) => p.severity === filter)),
    [props.problems, filter],
  );
  if (props.problems.length === 0) return <p>Kontrollen fandt ingen problemer.</p>;

  const entry = (p: Problem) => {
    const content = (
      <>
        <strong>
          {SEVERITY_LABEL[p.severity]}: {where(p)}
        </strong>
        <br />
        {p.message}
      </>
    );
    const cls = mergeClasses(s.problem, s[p.severity]);
    return props.canOpen(p) ? (
      <Button
        appearance="subtle"
        className={mergeClasses(cls, s.problemButton)}
        disabledFocusable={props.disabled}
        onClick={() => props.onSelect(p)}
      >
        <span>{content}</span>
      </Button>
    ) : (
      <div className={cls}>{content}</div>
    );
  };

  return (
    <>
      <p className={s.muted}>
        {props.selectsCells
          ? 'Vælg et problem for at åbne sagen i Gennemgang og gå til cellen i projektmappen.'
          : 'Vælg et problem for at åbne sagen i Gennemgang.'}
      </p>
      <RadioGroup
        layout="horizontal"
        className={s.radioRow}
        aria-label="Vis problemer"
        value={filter}
        onChange={(_, d) => {
          setFilter(d.value as Filter);
          setAll(false);
        }}
      >
        {(Object.keys(FILTER_LABEL) as Filter[]).map((f) => (
          <Radio key={f} value={f} label={FILTER_LABEL[f]} />
        ))}
      </RadioGroup>
      <p className={s.muted}>
        {shown.length === 1 ? '1 problem vises.' : `${shown.length} problemer vises.`}
      </p>
      {all ? (
        <VirtualList items={shown} label="Problemer" estimate={72} itemKey={keyOf} render={entry} />
      ) : (
        <ul className={s.list} aria-label="Problemer">
          {shown.slice(0, FIRST_SHOWN).map((p, i) => (
            <li key={keyOf(p, i)}>{entry(p)}</li>
          ))}
        </ul>
      )}
      {!all && shown.length > FIRST_SHOWN && (
        <Button onClick={() => setAll(true)}>Vis alle {shown.length} problemer</Button>
      )}
    </>
  );
}
