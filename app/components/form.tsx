import type { InputHTMLAttributes, ReactNode, SelectHTMLAttributes, TextareaHTMLAttributes } from "react";
import { direction, type Locale } from "~/i18n/config";
import { useI18n } from "~/i18n/i18n-context";
import type { FieldErrors } from "~/lib/forms";
import type { MessageKey, TParams } from "~/i18n/translate";

/** What every labelled field takes: its name, its label, a hint, the errors and values of a refused submit. */
type Labelled = {
  name: string;
  label: MessageKey;
  hint?: MessageKey;
  errors?: FieldErrors;
  values?: Record<string, string>;
  /** The element's id when the same name appears in several forms of a page (one per row). */
  id?: string;
  /** The compact form of filter bars and rows: the label wraps the control. */
  inline?: boolean;
  /** The label is read by screen readers only, where the row around says what the field is. */
  hideLabel?: boolean;
};

type Aria = { id: string; "aria-invalid"?: true; "aria-describedby"?: string; "aria-label"?: string };

/**
 * The frame of a field: label, hint and translated error around one control, linked for
 * screen readers. `inline` is the compact form of filter bars (label wrapping the control).
 */
function FieldFrame({
  name,
  label,
  hint,
  errors,
  id = `f-${name}`,
  inline,
  hideLabel,
  control,
}: Omit<Labelled, "values"> & { control: (aria: Aria) => ReactNode }) {
  const { t } = useI18n();
  const error = errors?.[name];
  const describedBy = [hint ? `${id}-hint` : null, error ? `${id}-error` : null].filter(Boolean).join(" ") || undefined;
  const aria: Aria = { id, "aria-invalid": error ? true : undefined, "aria-describedby": describedBy };
  const hintText = hint ? (
    <span className="hint" id={`${id}-hint`}>
      {t(hint)}
    </span>
  ) : null;
  const errorText = error ? (
    <span className="error" id={`${id}-error`}>
      {t(error)}
    </span>
  ) : null;
  if (hideLabel) {
    // where the row around it says what it is (a table row, a button beside it)
    return (
      <>
        {control({ ...aria, "aria-label": t(label) })}
        {errorText}
      </>
    );
  }
  if (inline) {
    return (
      <label htmlFor={id} className={error ? "field-invalid" : undefined}>
        {t(label)}
        {hintText}
        {control(aria)}
        {errorText}
      </label>
    );
  }
  return (
    <div className={error ? "field field-invalid" : "field"}>
      <label htmlFor={id}>{t(label)}</label>
      {hint ? (
        <p className="hint" id={`${id}-hint`}>
          {t(hint)}
        </p>
      ) : null}
      {control(aria)}
      {error ? (
        <p className="error" id={`${id}-error`}>
          {t(error)}
        </p>
      ) : null}
    </div>
  );
}

type FieldProps = Labelled & Omit<InputHTMLAttributes<HTMLInputElement>, "name" | "id">;

/**
 * A labelled input with its hint and its translated error, linked for screen readers. A
 * text follows the direction of what is typed in it (`dir="auto"`): a French name in an
 * Arabic page reads left to right, its full stop at its end.
 */
export function Field({
  name,
  label,
  hint,
  errors,
  values,
  id,
  inline,
  hideLabel,
  defaultValue,
  ...input
}: FieldProps) {
  return (
    <FieldFrame
      {...{ name, label, hint, errors, id, inline, hideLabel }}
      control={(aria) => (
        <input
          {...aria}
          name={name}
          defaultValue={values?.[name] ?? defaultValue}
          dir={input.type === undefined || input.type === "text" || input.type === "search" ? "auto" : undefined}
          {...input}
        />
      )}
    />
  );
}

/** One choice of a select or a checkbox group, its label already in the reader's language. */
export type Choice = {
  value: string;
  label: string;
  /** a label in another language than the page's (a language named in itself) */
  lang?: Locale;
};

type SelectFieldProps = Labelled & {
  /** The choices; or `children` for option groups. */
  options?: readonly Choice[];
  /** A first, empty choice ("all", "choose one"). */
  placeholder?: MessageKey;
  children?: ReactNode;
} & Omit<SelectHTMLAttributes<HTMLSelectElement>, "name" | "id" | "children">;

/** A labelled select; after a refused submit it shows the value that was chosen. */
export function SelectField({
  name,
  label,
  hint,
  errors,
  values,
  id,
  options,
  placeholder,
  inline,
  hideLabel,
  children,
  defaultValue,
  ...select
}: SelectFieldProps) {
  const { t } = useI18n();
  return (
    <FieldFrame
      {...{ name, label, hint, errors, id, inline, hideLabel }}
      control={(aria) => (
        <select {...aria} name={name} defaultValue={values?.[name] ?? defaultValue} {...select}>
          {placeholder ? <option value="">{t(placeholder)}</option> : null}
          {options?.map((o) => (
            <option key={o.value} value={o.value} lang={o.lang} dir={o.lang ? direction(o.lang) : undefined}>
              {o.label}
            </option>
          ))}
          {children}
        </select>
      )}
    />
  );
}

type TextareaFieldProps = Labelled & Omit<TextareaHTMLAttributes<HTMLTextAreaElement>, "name" | "id">;

/** A labelled textarea; after a refused submit it shows the text typed, in its own direction (`dir="auto"`). */
export function TextareaField({
  name,
  label,
  hint,
  errors,
  values,
  id,
  inline,
  defaultValue,
  rows = 3,
  ...textarea
}: TextareaFieldProps) {
  return (
    <FieldFrame
      {...{ name, label, hint, errors, id, inline }}
      control={(aria) => (
        <textarea
          {...aria}
          name={name}
          rows={rows}
          defaultValue={values?.[name] ?? defaultValue}
          dir="auto"
          {...textarea}
        />
      )}
    />
  );
}

/** One checkbox with its label; `checked` is its state before any submit. */
export function CheckboxField({
  name,
  label,
  values,
  checked = false,
  value = "on",
}: {
  name: string;
  label: MessageKey;
  values?: Record<string, string>;
  checked?: boolean;
  value?: string;
}) {
  const { t } = useI18n();
  const isChecked = values ? values[name] === value : checked;
  return (
    <label className="checkbox">
      <input type="checkbox" name={name} value={value} defaultChecked={isChecked} />
      <span>{t(label)}</span>
    </label>
  );
}

/** Checkboxes posting one name several times (categories, needs), in a fieldset with its legend. */
export function CheckboxGroup({
  name,
  legend,
  options,
  checked,
  errors,
  id = `f-${name}`,
}: {
  name: string;
  legend: MessageKey;
  options: readonly Choice[];
  checked: readonly string[];
  errors?: FieldErrors;
  /** the first box's id, where the same group appears several times on a page (one per row) */
  id?: string;
}) {
  const { t } = useI18n();
  const error = errors?.[name];
  return (
    <fieldset className={error ? "stack checkbox-group field-invalid" : "stack checkbox-group"}>
      <legend>{t(legend)}</legend>
      {options.map((o, i) => (
        <label key={o.value} className="checkbox">
          <input
            type="checkbox"
            name={name}
            value={o.value}
            defaultChecked={checked.includes(o.value)}
            // the error summary's link to the group lands on its first box (GOV.UK)
            id={i === 0 ? id : undefined}
            aria-describedby={i === 0 && error ? `${id}-error` : undefined}
          />
          <span>{o.label}</span>
        </label>
      ))}
      <FieldError name={name} errors={errors} id={`${id}-error`} />
    </fieldset>
  );
}

export function FormAlert({
  message,
  tone = "error",
  params,
}: {
  message?: MessageKey | null;
  tone?: "error" | "success";
  /** what fills the message's placeholders */
  params?: TParams;
}) {
  const { t } = useI18n();
  if (!message) return null;
  return (
    <p className={`alert alert-${tone}`} role={tone === "error" ? "alert" : "status"}>
      {t(message, params)}
    </p>
  );
}

export function FieldError({
  name,
  errors,
  id = `f-${name}-error`,
}: {
  name: string;
  errors?: FieldErrors;
  /** where the same field appears several times on a page (one per row): its own id */
  id?: string;
}) {
  const { t } = useI18n();
  const error = errors?.[name];
  if (!error) return null;
  return (
    <p className="error" id={id}>
      {t(error)}
    </p>
  );
}

export function PageTitle({ children }: { children: ReactNode }) {
  return <h1 className="page-title">{children}</h1>;
}
