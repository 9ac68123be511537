import { useState, type FormEvent, type RefObject } from 'react';
import { Button, Field, Input } from '@fluentui/react-components';
import { useStyles } from './styles';

/** Asks for the reviewer's initials (once; they are kept in Indstillinger). */
export function InitialsForm(props: {
  inputRef: RefObject<HTMLInputElement | null>;
  initial: string;
  busy: boolean;
  error: string | null;
  onSave: (text: string) => Promise<void>;
  onCancel: (() => void) | null;
}) {
  const s = useStyles();
  const [text, setText] = useState(props.initial);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    void props.onSave(text);
  };
  return (
    <form
      className={s.form}
      onSubmit={submit}
      aria-label="Initialer til loggen"
      onKeyDown={(e) => {
        if (e.key === 'Escape' && props.onCancel) {
          e.preventDefault();
          props.onCancel();
        }
      }}
    >
      <Field
        label="Initialer"
        hint="Spørges kun én gang. Gemmes i arket Indstillinger og skrives i Gennemgang ved hver godkendelse og rettelse."
        {...(props.error ? { validationState: 'error' as const, validationMessage: props.error } : {})}
      >
        <Input
          ref={props.inputRef}
          value={text}
          onChange={(_, d) => setText(d.value)}
          autoComplete="off"
          maxLength={10}
        />
      </Field>
      <div className={s.row}>
        <Button type="submit" appearance="primary" disabledFocusable={props.busy}>
          Gem initialer
        </Button>
        {props.onCancel && <Button onClick={props.onCancel}>Annuller</Button>}
      </div>
    </form>
  );
}
