import { useEffect, useRef, type FormEvent, type ReactNode } from 'react';
import { Button, Checkbox, Field, Input } from '@fluentui/react-components';
import type { SettingsFieldErrors, SettingsForm as Form } from '../services/controller';
import { useStyles } from './styles';

/**
 * The Indstillinger form (controlled by the pane's state, so "Kør kontrol" uses what it shows).
 * Each invalid value is marked on its own field.
 */
export function SettingsForm(props: {
  form: Form;
  errors: SettingsFieldErrors;
  dirty: boolean;
  busy: boolean;
  onChange: (f: Form) => void;
  onSave: () => void;
  notice: ReactNode;
}) {
  const s = useStyles();
  const { form, errors } = props;
  const set = (k: keyof Form) => (_: unknown, d: { value: string }) =>
    props.onChange({ ...form, [k]: d.value });
  const field = (k: keyof Form) =>
    errors[k] ? { validationState: 'error' as const, validationMessage: errors[k] } : {};
  const formRef = useRef<HTMLFormElement>(null);
  // A refused save puts focus on the first invalid field (when the form is on screen).
  useEffect(() => {
    if (Object.keys(errors).length > 0)
      formRef.current?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus();
  }, [errors]);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    props.onSave();
  };
  return (
    <form ref={formRef} className={s.form} onSubmit={submit} aria-labelledby="indstillinger-titel" noValidate>
      <Field
        label="Kommune"
        hint="Kommunens navn, fx Ishøj. Bruges i tabeller og notat."
        {...field('kommune')}
      >
        <Input value={form.kommune} onChange={set('kommune')} autoComplete="off" />
      </Field>
      <Field
        label="Afgørelsesår"
        hint="Afgørelserne skal være truffet i dette år."
        {...field('afgoerelsesaar')}
      >
        <Input value={form.afgoerelsesaar} onChange={set('afgoerelsesaar')} inputMode="numeric" />
      </Field>
      <Field
        label="Opgørelsesdato"
        hint="dd-mm-åååå. Skæringsdato for om en foranstaltning har kørt i 3 måneder."
        {...field('opgoerelsesdato')}
      >
        <Input value={form.opgoerelsesdato} onChange={set('opgoerelsesdato')} placeholder="23-03-2022" />
      </Field>
      <Field
        label="Antal sager"
        hint="Antal sager, der skal sendes til Ankestyrelsen."
        {...field('antalSager')}
      >
        <Input value={form.antalSager} onChange={set('antalSager')} inputMode="numeric" />
      </Field>
      <Checkbox
        label="Offentliggørelse (udelad tabeller med færre end 6 sager)"
        checked={form.offentliggoerelse}
        onChange={(_, d) => props.onChange({ ...form, offentliggoerelse: d.checked === true })}
      />
      <div className={s.row}>
        <Button type="submit" appearance="primary" disabledFocusable={props.busy}>
          Gem indstillinger
        </Button>
        {props.dirty && (
          <span className={s.muted} data-settings-dirty="true">
            Ikke gemt endnu. Gemmes også, når du kører kontrollen.
          </span>
        )}
      </div>
      {props.notice}
    </form>
  );
}
