import { useStyles } from './styles';

const SHORT = 180;

/** The text up to its first sentence end (". " or ": "), when that is shorter than the whole. */
function lead(text: string): string {
  const m = /^(.{20,}?[.:])\s/.exec(text);
  return m?.[1] ?? `${text.slice(0, SHORT - 1)}…`;
}

/**
 * A message that may be long (e.g. every missing column): the first sentence, with the rest behind
 * "Vis hele meddelelsen" so it never fills the pane.
 */
export function LongMessage({ text }: { text: string }) {
  const s = useStyles();
  if (text.length <= SHORT) return <>{text}</>;
  return (
    <>
      {lead(text)}
      <details className={s.details}>
        <summary>Vis hele meddelelsen</summary>
        {text}
      </details>
    </>
  );
}
