import {
  type InputHTMLAttributes,
  type ReactNode,
  type SelectHTMLAttributes,
  type TextareaHTMLAttributes,
  useId,
} from 'react';

/** Props a control needs to be tied to its label, hint and error. */
export interface ControlProps {
  id: string;
  'aria-describedby'?: string;
  'aria-invalid'?: true;
  required?: boolean;
}

interface FieldProps {
  /** Used as the control's id, so that the error summary can link to it. */
  id?: string;
  label: ReactNode;
  hint?: ReactNode;
  error?: string | null;
  required?: boolean;
  children: (control: ControlProps) => ReactNode;
  className?: string;
}

/** Label, hint, error and control, in the order a screen reader should meet them. */
export function Field({ id, label, hint, error, required, children, className }: FieldProps) {
  const auto = useId();
  const controlId = id ?? `f${auto}`;
  const hintId = hint ? `${controlId}-hint` : undefined;
  const errorId = error ? `${controlId}-error` : undefined;
  const describedBy = [errorId, hintId].filter(Boolean).join(' ') || undefined;
  return (
    <div className={['field', error && 'field--error', className].filter(Boolean).join(' ')}>
      <label className="field__label" htmlFor={controlId}>
        {label}
        {required && <span className="field__required">必須</span>}
      </label>
      {hint && (
        <span className="field__hint" id={hintId}>
          {hint}
        </span>
      )}
      {error && (
        <span className="field__error" id={errorId}>
          <span className="visually-hidden">エラー：</span>
          {error}
        </span>
      )}
      {children({
        id: controlId,
        'aria-describedby': describedBy,
        'aria-invalid': error ? true : undefined,
        required,
      })}
    </div>
  );
}

type Base = { label: ReactNode; hint?: ReactNode; error?: string | null; id?: string; short?: boolean };

export function TextField({
  label,
  hint,
  error,
  id,
  short,
  required,
  className,
  ...input
}: Base & InputHTMLAttributes<HTMLInputElement>) {
  return (
    <Field id={id} label={label} hint={hint} error={error} required={required}>
      {(control) => (
        <input
          className={['input', short && 'input--short', className].filter(Boolean).join(' ')}
          {...input}
          {...control}
        />
      )}
    </Field>
  );
}

export function SelectField({
  label,
  hint,
  error,
  id,
  required,
  children,
  ...select
}: Base & SelectHTMLAttributes<HTMLSelectElement>) {
  return (
    <Field id={id} label={label} hint={hint} error={error} required={required}>
      {(control) => (
        <select className="select" {...select} {...control}>
          {children}
        </select>
      )}
    </Field>
  );
}

export function TextareaField({
  label,
  hint,
  error,
  id,
  required,
  ...textarea
}: Base & TextareaHTMLAttributes<HTMLTextAreaElement>) {
  return (
    <Field id={id} label={label} hint={hint} error={error} required={required}>
      {(control) => <textarea className="textarea" {...textarea} {...control} />}
    </Field>
  );
}

export function Checkbox({
  label,
  ...input
}: { label: ReactNode } & Omit<InputHTMLAttributes<HTMLInputElement>, 'type'>) {
  return (
    <label className="check">
      <input type="checkbox" {...input} />
      <span>{label}</span>
    </label>
  );
}
