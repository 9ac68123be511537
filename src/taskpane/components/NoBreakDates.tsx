import { Fragment } from 'react';
import { useStyles } from './styles';

const DATE = /(\d{2}-\d{2}-\d{4}(?: kl\. \d{2}:\d{2})?)/;

/** Text whose dates ("03-02-2021", "… kl. 10:15") never break at their hyphens or spaces. */
export function NoBreakDates({ text }: { text: string }) {
  const s = useStyles();
  const parts = text.split(DATE);
  if (parts.length === 1) return <>{text}</>;
  return (
    <>
      {parts.map((p, i) =>
        i % 2 === 1 ? (
          <span key={i} className={s.nowrap}>
            {p}
          </span>
        ) : (
          <Fragment key={i}>{p}</Fragment>
        ),
      )}
    </>
  );
}
