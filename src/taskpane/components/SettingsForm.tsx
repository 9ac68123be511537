import { useEffect, useState, type FormEvent } from 'react';
import { Button, Checkbox, Field, Input } from '@fluentui/react-components';
import type { SettingsForm as Form } from '../services/controller';
import { useStyles } from './styles';

/** The Indstillinger section: the settings the pane lets people change, written to the sheet. */
export function SettingsForm(props: { initial: Form | null; disabled: boolean; onSave: (f: Form) => void }) {
  const s = useStyles();
  const [form, setForm] = useState<Form>(
    props.initial ?? {
      kommune: '',
      afgoerelsesaar: '',
      opgoerelsesdato: '',
      antalSager: '',
      offentliggoerelse: false,
    },
  );
  useEffect(() => {
    if (props.initial) setForm(props.initial);
  }, [props.initial]);
  const set = (k: keyof Form) => (_: unknown, d: { value: string }) =>
    setForm((f) => ({ ...f, [k]: d.value }));
  const submit = (e: FormEvent) => {
    e.preventDefault();
    props.onSave(form);
  };
  return (
    <form className={s.form} onSubmit={submit} aria-labelledby="indstillinger-titel">
      <Field label="Kommune" hint="Kommunens navn, fx Ishøj. Bruges i tabeller og notat.">
        <Input value={form.kommune} onChange={set('kommune')} autoComplete="off" />
      </Field>
      <Field label="Afgørelsesår" hint="Afgørelserne skal være truffet i dette år.">
        <Input value={form.afgoerelsesaar} onChange={set('afgoerelsesaar')} inputMode="numeric" />
      </Field>
      <Field
        label="Opgørelsesdato"
        hint="dd-mm-åååå. Skæringsdato for om en foranstaltning har kørt i 3 måneder."
      >
        <Input value={form.opgoerelsesdato} onChange={set('opgoerelsesdato')} placeholder="23-03-2022" />
      </Field>
      <Field label="Antal sager" hint="Antal sager, der skal sendes til Ankestyrelsen.">
        <Input value={form.antalSager} onChange={set('antalSager')} inputMode="numeric" />
      </Field>
      <Checkbox
        label="Offentliggørelse (udelad tabeller med færre end 6 sager)"
        checked={form.offentliggoerelse}
        onChange={(_, d) => setForm((f) => ({ ...f, offentliggoerelse: d.checked === true }))}
      />
      <div className={s.row}>
        <Button type="submit" appearance="primary" disabled={props.disabled}>
          Gem indstillinger
        </Button>
      </div>
    </form>
  );
}
