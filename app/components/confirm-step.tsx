import type { ReactNode } from "react";
import { Form } from "@remix-run/react";
import { Link } from "~/components/link";
import type { Locale } from "~/i18n/config";
import { useI18n } from "~/i18n/i18n-context";
import type { MessageKey, TParams } from "~/i18n/translate";
import { confirmHref } from "~/lib/confirm";
import { Message } from "./message";

/**
 * The entry to a destructive action: a link to its confirmation step, styled as a
 * secondary warning, never a submit button (see app/lib/confirm.ts).
 */
export function ConfirmLink({
  path,
  intent,
  extra,
  children,
}: {
  path: string;
  intent: string;
  extra?: Record<string, string>;
  children: ReactNode;
}) {
  return (
    <Link className="button button-warning" to={confirmHref(path, intent, extra)} data-confirm-link={intent}>
      {children}
    </Link>
  );
}

/**
 * The confirmation step (GOV.UK): a question naming the person, what will happen,
 * whether it can be undone, the one destructive button and a cancel link back. The
 * question is a message key and its values, each value isolated (`<Message>`): names and
 * titles are often Latin inside an Arabic question.
 */
export function ConfirmStep({
  title,
  titleValues,
  titleLangs,
  intent,
  hidden = {},
  confirmLabel,
  cancelTo,
  irreversible = true,
  tone = "danger",
  fields,
  document,
  children,
}: {
  title: MessageKey;
  titleValues?: TParams;
  /** values in another language than the page's (see `<Message>`) */
  titleLangs?: Partial<Record<string, Locale>>;
  intent: string;
  hidden?: Record<string, string>;
  confirmLabel: MessageKey;
  cancelTo: string;
  irreversible?: boolean;
  /** "primary" for a check before an ordinary action (a hand-out), not a destructive one */
  tone?: "danger" | "primary";
  /** what the person types with the confirmation (a reason), inside its form */
  fields?: ReactNode;
  /** the address the form posts to as a document, where the answer is a file (a PDF), not this page */
  document?: string;
  children: ReactNode;
}) {
  const { t } = useI18n();
  return (
    <section className="confirm-step narrow" aria-labelledby="confirm-title" data-testid="confirm-step">
      <h1 id="confirm-title" className="page-title">
        <Message id={title} values={titleValues} langs={titleLangs} />
      </h1>
      {children}
      {irreversible ? <WarningText>{t("confirm.cannotUndo")}</WarningText> : null}
      <Form method="post" className="stack" action={document} reloadDocument={document !== undefined}>
        <input type="hidden" name="intent" value={intent} />
        <input type="hidden" name="confirm" value={intent} />
        {Object.entries(hidden).map(([name, value]) => (
          <input key={name} type="hidden" name={name} value={value} />
        ))}
        {fields}
        <div className="actions">
          <button type="submit" className={tone === "danger" ? "button button-danger" : "button"}>
            {t(confirmLabel)}
          </button>
        </div>
      </Form>
      <p>
        <Link to={cancelTo} className="cancel-link">
          {t("confirm.cancel")}
        </Link>
      </p>
    </section>
  );
}

/** GOV.UK warning text: an icon, then the warning in bold, announced as a warning. */
export function WarningText({ children, testId }: { children: ReactNode; testId?: string }) {
  const { t } = useI18n();
  return (
    <div className="warning-text" data-testid={testId}>
      <span className="warning-icon" aria-hidden="true">
        !
      </span>
      <strong>
        <span className="visually-hidden">{t("confirm.warning")} </span>
        {children}
      </strong>
    </div>
  );
}
