import {
  createContext,
  useContext,
  type InputHTMLAttributes,
  type ReactNode,
  type SelectHTMLAttributes,
  type TextareaHTMLAttributes,
} from "react";
import { direction, type Locale } from "~/i18n/config";
import { useI18n } from "~/i18n/i18n-context";
import { listOf } from "~/i18n/codes";
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

/**
 * What the record holds now, by field name, for the fields a correction refused as stale
 * flags (`staleRefusal`, app/lib/changes.ts): each flagged field shows
 * it under its message ("Now on file: …"), so the person compares before saving again.
 * Ticked boxes are one a line. Only what the same form already showed this person.
 */
export const OnFileValues = createContext<Record<string, string> | undefined>(undefined);

/** Turns a value as stored into what the reader reads (an option's label, a date in their language). */
type Show = (value: string) => string;

/** What the record holds now for a flagged field, or undefined where there is nothing to show. */
function useOnFile(name: string, flagged: boolean): string | undefined {
  const onFile = useContext(OnFileValues);
  return flagged ? onFile?.[name] : undefined;
}

/** "Now on file: …" under a flagged field's message. */
function OnFileNote({ id, value, show }: { id: string; value: string | undefined; show?: Show }) {
  const { t } = useI18n();
  if (value === undefined) return null;
  return (
    <p className="hint on-file" id={id}>
      {value.trim()
        ? // isolated: a name or phone in another script keeps its order in the sentence
          t("form.nowOnFile", { value: `\u2068${show ? show(value) : value}\u2069` })
        : t("form.nowOnFileEmpty")}
    </p>
  );
}

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
  show,
}: Omit<Labelled, "values"> & { control: (aria: Aria) => ReactNode; show?: Show }) {
  const { t } = useI18n();
  const error = errors?.[name];
  const onFile = useOnFile(name, Boolean(error));
  const describedBy =
    [hint ? `${id}-hint` : null, error ? `${id}-error` : null, onFile !== undefined ? `${id}-on-file` : null]
      .filter(Boolean)
      .join(" ") || undefined;
  const aria: Aria = { id, "aria-invalid": error ? true : undefined, "aria-describedby": describedBy };
  const onFileNote = <OnFileNote id={`${id}-on-file`} value={onFile} show={show} />;
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
        {onFileNote}
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
        {onFileNote}
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
      {onFileNote}
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
  const { formatDate } = useI18n();
  return (
    <FieldFrame
      {...{ name, label, hint, errors, id, inline, hideLabel }}
      show={input.type === "date" ? (v) => formatDate(v) : undefined}
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
  /** With `children`: the label of a value, for "Now on file" under a flagged select. */
  labelOf?: Show;
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
  labelOf,
  ...select
}: SelectFieldProps) {
  const { t } = useI18n();
  return (
    <FieldFrame
      {...{ name, label, hint, errors, id, inline, hideLabel }}
      show={(v) => options?.find((o) => o.value === v)?.label ?? labelOf?.(v) ?? v}
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
      <FieldError name={name} errors={errors} id={`${id}-error`} show={choiceLabels(t, options)} />
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

/** A field's translated error, and under it what the record holds now where a stale correction flagged it. */
export function FieldError({
  name,
  errors,
  id = `f-${name}-error`,
  show,
}: {
  name: string;
  errors?: FieldErrors;
  /** where the same field appears several times on a page (one per row): its own id */
  id?: string;
  /** what the reader reads for the value on file */
  show?: Show;
}) {
  const { t } = useI18n();
  const error = errors?.[name];
  const onFile = useOnFile(name, Boolean(error));
  if (!error) return null;
  return (
    <>
      <p className="error" id={id}>
        {t(error)}
      </p>
      <OnFileNote id={id.replace(/-error$/, "") + "-on-file"} value={onFile} show={show} />
    </>
  );
}

/** Ticked boxes on file (one a line) as the reader reads them: their labels, in the choices' order. */
export function choiceLabels(t: ReturnType<typeof useI18n>["t"], options: readonly Choice[]): Show {
  return (value) => {
    const ticked = value.split("\n");
    return listOf(
      t,
      options.filter((o) => ticked.includes(o.value)).map((o) => o.label),
    );
  };
}

export function PageTitle({ children }: { children: ReactNode }) {
  return <h1 className="page-title">{children}</h1>;
}
