import type { InputHTMLAttributes, ReactNode } from "react";
import { useI18n } from "~/i18n/i18n-context";
import type { FieldErrors } from "~/lib/forms";
import type { MessageKey } from "~/i18n/translate";

type FieldProps = {
  name: string;
  label: MessageKey;
  hint?: MessageKey;
  errors?: FieldErrors;
  values?: Record<string, string>;
} & Omit<InputHTMLAttributes<HTMLInputElement>, "name">;

/** A labelled input with its hint and its translated error, linked for screen readers. */
export function Field({ name, label, hint, errors, values, defaultValue, ...input }: FieldProps) {
  const { t } = useI18n();
  const error = errors?.[name];
  const id = `f-${name}`;
  const describedBy = [hint ? `${id}-hint` : null, error ? `${id}-error` : null].filter(Boolean).join(" ") || undefined;
  return (
    <div className={error ? "field field-invalid" : "field"}>
      <label htmlFor={id}>{t(label)}</label>
      {hint ? (
        <p className="hint" id={`${id}-hint`}>
          {t(hint)}
        </p>
      ) : null}
      <input
        id={id}
        name={name}
        defaultValue={values?.[name] ?? defaultValue}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy}
        {...input}
      />
      {error ? (
        <p className="error" id={`${id}-error`}>
          {t(error)}
        </p>
      ) : null}
    </div>
  );
}

export function FormAlert({ message, tone = "error" }: { message?: MessageKey | null; tone?: "error" | "success" }) {
  const { t } = useI18n();
  if (!message) return null;
  return (
    <p className={`alert alert-${tone}`} role={tone === "error" ? "alert" : "status"}>
      {t(message)}
    </p>
  );
}

export function FieldError({ name, errors }: { name: string; errors?: FieldErrors }) {
  const { t } = useI18n();
  const error = errors?.[name];
  if (!error) return null;
  return (
    <p className="error" id={`f-${name}-error`}>
      {t(error)}
    </p>
  );
}

export function PageTitle({ children }: { children: ReactNode }) {
  return <h1 className="page-title">{children}</h1>;
}
