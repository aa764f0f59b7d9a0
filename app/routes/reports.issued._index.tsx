import type { LoaderFunctionArgs } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { PageTitle } from "~/components/form";
import { useI18n } from "~/i18n/i18n-context";
import { requirePermission } from "~/modules/auth/guards.server";
import { IssuesTable } from "~/modules/reporting/issue-sections";
import { listIssues } from "~/modules/reporting/narratives.server";

/** Every issued version of the quarterly report, for the admins who issue them and the donors they go to. */
export async function loader(args: LoaderFunctionArgs) {
  requirePermission(args, "reports:issued");
  const issues = await listIssues(args.context.db);
  return { issues: issues.map((i) => ({ ...i, issuedAt: i.issuedAt.toISOString() })) };
}

export default function IssuedReports() {
  const { issues } = useLoaderData<typeof loader>();
  const { t } = useI18n();
  return (
    <div>
      <PageTitle>{t("reporting.issue.list")}</PageTitle>
      <p className="lead">{t("reporting.issue.listLead")}</p>
      <IssuesTable issues={issues} />
    </div>
  );
}
