// A labelled form control with its error messages wired up through aria-describedby.
import { cloneElement, isValidElement, type ReactElement, type ReactNode } from 'react';

interface Props {
  id: string;
  label: ReactNode;
  errors?: readonly string[] | undefined;
  hint?: ReactNode;
  required?: boolean;
  children: ReactElement<Record<string, unknown>>;
}

export function Field({ id, label, errors, hint, required, children }: Props) {
  const errorId = `${id}-error`;
  const hintId = `${id}-hint`;
  const hasError = !!errors && errors.length > 0;
  const describedBy = [hint ? hintId : null, hasError ? errorId : null].filter(Boolean).join(' ') || undefined;
  const control = isValidElement(children)
    ? cloneElement(children, {
        id,
        'aria-invalid': hasError || undefined,
        'aria-describedby': describedBy,
        'aria-required': required || undefined,
      })
    : children;
  return (
    <div className={`field${hasError ? ' field-invalid' : ''}`}>
      <label htmlFor={id}>
        {label}
        {required && (
          <span className="required" aria-hidden="true">
            {' '}
            *
          </span>
        )}
      </label>
      {control}
      {hint && (
        <p id={hintId} className="field-hint">
          {hint}
        </p>
      )}
      {hasError && (
        <ul id={errorId} className="field-error">
          {errors.map((e) => (
            <li key={e}>{e}</li>
          ))}
        </ul>
      )}
    </div>
  );
}
