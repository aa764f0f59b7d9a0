import type { ReactNode } from "react";
import { useActionData } from "@remix-run/react";
import { useI18n } from "~/i18n/i18n-context";
import type { MessageKey } from "~/i18n/translate";
import type { FormEcho } from "~/lib/forms";
import type { CaseActionResult } from "./actions.server";

export function Section({ title, children, id }: { title: MessageKey; children: ReactNode; id: string }) {
  const { t } = useI18n();
  return (
    <section className="case-section" aria-labelledby={`h-${id}`} id={id}>
      <h2 id={`h-${id}`}>{t(title)}</h2>
      {children}
    </section>
  );
}

/** A section the referring association did not share with the reader's association: its title, and that. */
export function NotShared({ title, id }: { title: MessageKey; id: string }) {
  const { t } = useI18n();
  return (
    <Section title={title} id={id}>
      <p className="hint" data-not-shared={id}>
        {t("protection.partner.notShared")}
      </p>
    </Section>
  );
}

/** The file's address with page `notes` of its notes, scrolled to them. */
export function notesPageHref(notes: number): string {
  return `?notes=${notes}#notes`;
}

/** The errors and typed values of the last refused submit of `intent`, if it was that one. */
export function useIntentResult(intent: string): FormEcho {
  const actionData = useActionData<CaseActionResult>();
  return actionData?.intent === intent ? { errors: actionData.errors, values: actionData.values } : {};
}
