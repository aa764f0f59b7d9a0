import type { ReactNode } from "react";
import { useActionData, useLoaderData } from "@remix-run/react";
import { Link } from "~/components/link";
import { FormAlert, PageTitle } from "~/components/form";
import { useI18n } from "~/i18n/i18n-context";
import type { MessageKey } from "~/i18n/translate";
import type { CaseActionResult } from "./actions.server";

/** What every form page's loader sends for its header (`caseFormPageLoader`). */
type CaseFormHeader = { case: { id: string; reference: string }; name: string };

/**
 * One of the case file's form pages: its title, the way back to the file, the person it
 * is about, and the form (`children`, given the page's loader data); a post the page does not
 * take comes back with "unknown form".
 */
export function CaseFormPage<D extends CaseFormHeader>({
  title,
  children,
}: {
  title: MessageKey;
  children: (d: D) => ReactNode;
}) {
  const d = useLoaderData<D>() as D;
  const refused = useActionData<CaseActionResult>();
  const { t } = useI18n();
  return (
    <div className="narrow" data-case={d.case.id}>
      <PageTitle>{t(title)}</PageTitle>
      <p className="hint">
        <Link to={`/protection/cases/${d.case.id}`}>{t("protection.correct.back")}</Link> · <bdi>{d.name}</bdi> ·{" "}
        <span dir="ltr">{d.case.reference}</span>
      </p>
      <FormAlert message={refused?.intent === "" ? refused.errors.form : null} />
      {children(d)}
    </div>
  );
}

/** The file's plain link to one of its form pages (`page`: the path after the case's). */
export function CaseFormLink({ caseId, page, label }: { caseId: string; page: string; label: MessageKey }) {
  const { t } = useI18n();
  return (
    <p className="actions">
      <Link className="button button-secondary" to={`/protection/cases/${caseId}/${page}`}>
        {t(label)}
      </Link>
    </p>
  );
}
