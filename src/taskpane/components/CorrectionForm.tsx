import { useEffect, useRef, useState, type FormEvent } from 'react';
import { Button, Field, Radio, RadioGroup, Textarea } from '@fluentui/react-components';
import type { QuestionView } from '../../domain/caseview';
import type { ReviewAction } from '../../domain/review';
import { InlineNotice, type Notice } from './InlineNotice';
import { useStyles } from './styles';

/** "Ret" (another answer and a reason) or "Træk rettelse tilbage" (a reason) for one question. */
export function CorrectionForm(props: {
  kind: 'ret' | 'tilbagekald';
  q: QuestionView;
  busy: boolean;
  /** The write's refusal (e.g. a CPR number in the reason), shown here beside the button. */
  refusal: Notice | null;
  onCancel: () => void;
  onSubmit: (action: ReviewAction) => Promise<void>;
}) {
  const s = useStyles();
  const { q } = props;
  const [to, setTo] = useState('');
  const [reason, setReason] = useState('');
  const [errors, setErrors] = useState<{ to?: string; reason?: string }>({});
  const firstRef = useRef<HTMLDivElement>(null);
  const reasonRef = useRef<HTMLTextAreaElement>(null);

  useEffect(() => {
    // Focus the first field when the form opens.
    const el = props.kind === 'ret' ? firstRef.current?.querySelector('input') : reasonRef.current;
    el?.focus();
  }, [props.kind]);

  const submit = (e: FormEvent) => {
    e.preventDefault();
    const next: { to?: string; reason?: string } = {};
    if (props.kind === 'ret' && to === '') next.to = 'Vælg det rigtige svar.';
    if (reason.trim() === '') next.reason = 'Skriv en begrundelse; den gemmes i arket Gennemgang.';
    setErrors(next);
    if (next.to) {
      firstRef.current?.querySelector('input')?.focus();
      return;
    }
    if (next.reason) {
      reasonRef.current?.focus();
      return;
    }
    void props.onSubmit(props.kind === 'ret' ? { kind: 'ret', to, reason } : { kind: 'tilbagekald', reason });
  };

  const title =
    props.kind === 'ret' ? `Ret spørgsmål ${q.id}` : `Træk rettelsen af spørgsmål ${q.id} tilbage`;
  return (
    <form
      className={s.correction}
      onSubmit={submit}
      aria-label={title}
      noValidate
      onKeyDown={(e) => {
        if (e.key === 'Escape') {
          e.preventDefault();
          props.onCancel();
        }
      }}
    >
      {props.kind === 'ret' ? (
        <Field
          label="Rettet til"
          required
          validationMessage={errors.to}
          validationState={errors.to ? 'error' : 'none'}
        >
          <RadioGroup ref={firstRef} value={to} onChange={(_, d) => setTo(d.value)}>
            {q.answers.map((a) => (
              <Radio key={a} value={a} label={a} />
            ))}
          </RadioGroup>
        </Field>
      ) : (
        <p>
          Svaret bliver igen det beregnede: <strong>{q.computedAnswer}</strong>.
        </p>
      )}
      <Field
        label="Begrundelse"
        required
        hint="Skrives i arket Gennemgang. Skriv ikke barnets navn eller cpr-nummer."
        validationMessage={errors.reason}
        validationState={errors.reason ? 'error' : 'none'}
      >
        <Textarea ref={reasonRef} value={reason} onChange={(_, d) => setReason(d.value)} resize="vertical" />
      </Field>
      <div className={s.row}>
        <Button type="submit" appearance="primary" disabledFocusable={props.busy}>
          {props.kind === 'ret' ? 'Gem rettelse' : 'Træk tilbage'}
        </Button>
        <Button onClick={props.onCancel}>Annuller</Button>
      </div>
      <InlineNotice notice={props.refusal} />
    </form>
  );
}
