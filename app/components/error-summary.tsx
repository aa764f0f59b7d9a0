import { type MouseEvent, useEffect, useRef } from "react";
import { useI18n } from "~/i18n/i18n-context";
import type { MessageKey } from "~/i18n/translate";
import type { FieldErrors } from "~/lib/forms";

/**
 * The GOV.UK error summary: at the top of a refused form, every problem as a link to
 * its field (`#f-<name>`, the id Field gives its input, or `fieldId`'s where a page has the
 * form once per row), each led by the field's label.
 * Focus moves to it when it appears, so a screen reader announces it and the page scrolls
 * to it: on a page the server sends with it, by the browser (`autofocus`), scripts or not;
 * on a page that runs the app's scripts (app/lib/hydration.ts), also when a form's answer
 * brings it in place, and its links go to their fields in place (toField).
 */
export function ErrorSummary({
  errors,
  labels,
  order,
  fieldId = (name) => `f-${name}`,
}: {
  errors?: FieldErrors | null;
  /** the label of each field, to say which field a message is about (a message key, or text already translated) */
  labels?: Partial<Record<string, MessageKey | { text: string }>>;
  /** the fields in the order of the form; others follow */
  order?: readonly string[];
  /** the id of a field's control, where the form gives its fields their own ids (one form per row) */
  fieldId?: (name: string) => string;
}) {
  const { t } = useI18n();
  const ref = useRef<HTMLDivElement>(null);
  const entries = Object.entries(errors ?? {}).filter((e): e is [string, MessageKey] => Boolean(e[1]));
  if (order) entries.sort(([a], [b]) => rank(order, a) - rank(order, b));
  const signature = entries.map(([k, v]) => `${k}:${v}`).join("|");
  useEffect(() => {
    if (signature) ref.current?.focus();
  }, [signature]);
  if (!entries.length) return null;
  return (
    <div
      className="error-summary"
      ref={ref}
      tabIndex={-1}
      // the GOV.UK pattern: the page opens on what went wrong (see above)
      // eslint-disable-next-line jsx-a11y/no-autofocus
      autoFocus
      role="alert"
      aria-labelledby="error-summary-title"
      data-testid="error-summary"
    >
      <h2 id="error-summary-title">{t("errors.summary.title")}</h2>
      <ul>
        {entries.map(([name, message]) => {
          const label = labels?.[name];
          const field = label === undefined ? null : typeof label === "string" ? t(label) : label.text;
          const text = field ? t("errors.summary.item", { field, message: t(message) }) : t(message);
          const id = fieldId(name);
          return (
            <li key={name}>
              {name === "form" ? (
                text
              ) : (
                <a href={`#${id}`} onClick={(e) => toField(e, id)}>
                  {text}
                </a>
              )}
            </li>
          );
        })}
      </ul>
    </div>
  );
}

/**
 * With JavaScript, a link goes to its field without a navigation: the router reads a
 * change of the address's `#` as one, which forgets the refused submit's answer (the
 * summary, the errors, and what a keyed form such as the plan's tables was showing).
 * The field is scrolled to and focused, and the address still names it.
 */
function toField(e: MouseEvent<HTMLAnchorElement>, id: string) {
  const field = document.getElementById(id);
  if (!field) return;
  e.preventDefault();
  field.scrollIntoView({ block: "center" });
  field.focus({ preventScroll: true });
  window.history.replaceState(window.history.state, "", `#${id}`);
}

function rank(order: readonly string[], name: string): number {
  const i = order.indexOf(name);
  return i < 0 ? order.length : i;
}
