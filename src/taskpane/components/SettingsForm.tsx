import { useEffect, useRef, type FormEvent, type ReactNode } from 'react';
import { Button, Checkbox, Dropdown, Field, Input, Option } from '@fluentui/react-components';
import { FORMAAL_TEXT } from '../../domain/settings';
import { RULESET_IDS } from '../../domain/rules';
import type { Formaal } from '../../domain/types';
import type { SettingsFieldErrors, SettingsForm as Form } from '../services/controller';
import { useStyles } from './styles';

const AUTO_RULESET = 'Automatisk efter afgørelsesdato';

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
  const egen = form.formaal === 'egenkontrol';
  const formaal = form.formaal ?? 'indsendelse';
  const regelsaet = form.regelsaet ?? '';
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
        label="Formål"
        hint={
          egen
            ? 'Hele sagsmængden i perioden, uden stikprøvens kontroller; Overblik viser hvert kvartal.'
            : 'Sagerne til Ankestyrelsens Børnesagsbarometer (stikprøven).'
        }
      >
        <Dropdown
          data-field="formaal"
          value={FORMAAL_TEXT[formaal]}
          selectedOptions={[formaal]}
          onOptionSelect={(_, d) => props.onChange({ ...form, formaal: d.optionValue as Formaal })}
        >
          <Option value="indsendelse">{FORMAAL_TEXT.indsendelse}</Option>
          <Option value="egenkontrol">{FORMAAL_TEXT.egenkontrol}</Option>
        </Dropdown>
      </Field>
      {egen && (
        <>
          <Field
            label="Periode fra"
            hint="dd-mm-åååå. Første afgørelsesdato i egenkontrollen."
            {...field('periodeFra')}
          >
            <Input
              data-field="periodeFra"
              value={form.periodeFra ?? ''}
              onChange={set('periodeFra')}
              placeholder="01-01-2024"
            />
          </Field>
          <Field
            label="Periode til"
            hint="dd-mm-åååå. Sidste afgørelsesdato i egenkontrollen."
            {...field('periodeTil')}
          >
            <Input
              data-field="periodeTil"
              value={form.periodeTil ?? ''}
              onChange={set('periodeTil')}
              placeholder="31-12-2024"
            />
          </Field>
        </>
      )}
      <Field
        label="Afgørelsesår"
        hint={
          egen
            ? 'Bruges under Egenkontrol kun til sager uden afgørelsesdato og til landsresultatet.'
            : 'Afgørelserne skal være truffet i dette år.'
        }
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
        hint={egen ? 'Bruges ikke under Egenkontrol.' : 'Antal sager, der skal sendes til Ankestyrelsen.'}
        {...field('antalSager')}
      >
        <Input value={form.antalSager} onChange={set('antalSager')} inputMode="numeric" />
      </Field>
      <Field
        label="Regelsæt"
        hint="Automatisk: hver sag efter sin afgørelsesdato (serviceloven før 1. januar 2024, barnets lov fra)."
      >
        <Dropdown
          data-field="regelsaet"
          value={regelsaet === '' ? AUTO_RULESET : regelsaet}
          selectedOptions={[regelsaet === '' ? 'auto' : regelsaet]}
          onOptionSelect={(_, d) =>
            props.onChange({ ...form, regelsaet: d.optionValue === 'auto' ? '' : (d.optionValue ?? '') })
          }
        >
          <Option value="auto">{AUTO_RULESET}</Option>
          {RULESET_IDS.map((id) => (
            <Option key={id} value={id}>
              {id}
            </Option>
          ))}
        </Dropdown>
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
