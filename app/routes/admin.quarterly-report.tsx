import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { DoneNote, EarlierActNote, PlacelessRefusal } from "~/components/done-note";
import { data, redirect } from "@remix-run/node";
import { useActionData, useLoaderData, useSearchParams } from "@remix-run/react";
import { Link } from "~/components/link";
import { ConfirmLink, ConfirmStep } from "~/components/confirm-step";
import { FormAlert, PageTitle } from "~/components/form";
import { LOCALE_NAMES, LOCALES } from "~/i18n/config";
import { useI18n } from "~/i18n/i18n-context";
import { confirmStep, unlessConfirmed } from "~/lib/confirm.server";
import { formValues, parseForm } from "~/lib/forms.server";
import { runIntent } from "~/lib/intents.server";
import { parseQuery, query } from "~/lib/params.server";
import { requirePermission } from "~/modules/auth/guards.server";
import { today } from "~/modules/reporting/access.server";
import { getBudget } from "~/modules/reporting/budget-queries.server";
import { IssuesTable, NarrativeForm, QuarterPicker } from "~/modules/reporting/issue-sections";
import { issueQuarterlyReport } from "~/modules/reporting/issue.server";
import { getNarrative, listIssues } from "~/modules/reporting/narratives.server";
import { offeredQuarters, quarterOf } from "~/modules/reporting/rules";
import { IssueReportSchema, SaveNarrativeSchema } from "~/modules/reporting/schemas.server";
import { saveNarrative } from "~/modules/reporting/service.server";
import { Message } from "~/components/message";

const PAGE = "/admin/quarterly-report";
const pageOf = (quarter: string, locale: string, extra = "") => `${PAGE}?quarter=${quarter}&locale=${locale}${extra}`;

export async function loader(args: LoaderFunctionArgs) {
  requirePermission(args, "reports:issue");
  const { db } = args.context;
  const input = parseQuery(args, {
    quarter: query.text(7).refine((v) => v === undefined || /^(?!0000)\d{4}-Q[1-4]$/.test(v), "errors.query.invalid"),
    locale: query.oneOf(LOCALES),
  });
  const quarter = input.quarter ?? quarterOf(today());
  const locale = input.locale ?? args.context.locale;
  const [budget, narrative, issues] = await Promise.all([
    getBudget(db),
    getNarrative(db, quarter, locale),
    listIssues(db, quarter),
  ]);
  const quarters = offeredQuarters(budget, today());
  if (!quarters.includes(quarter)) quarters.push(quarter);
  const nextVersion = 1 + Math.max(0, ...issues.filter((i) => i.locale === locale).map((i) => i.version));
  return {
    quarter,
    locale,
    quarters,
    narrative: Object.fromEntries(narrative),
    issues: issues.map((i) => ({ ...i, issuedAt: i.issuedAt.toISOString() })),
    nextVersion,
    confirming: confirmStep(args, ["issue"]) === "issue",
  };
}

async function handleNarrative(args: ActionFunctionArgs, form: FormData) {
  const actor = requirePermission(args, "reports:issue");
  const parsed = parseForm(SaveNarrativeSchema, form);
  if (!parsed.ok) return data({ errors: parsed.errors, values: parsed.values }, { status: 400 });
  await saveNarrative(args.context.db, actor, parsed.data, { ip: args.context.ip });
  return redirect(pageOf(parsed.data.quarter, parsed.data.locale, "&saved=1"));
}

async function handleIssue(args: ActionFunctionArgs, form: FormData) {
  const actor = requirePermission(args, "reports:issue");
  const parsed = parseForm(IssueReportSchema, form);
  if (!parsed.ok) return data({ errors: parsed.errors, values: parsed.values }, { status: 400 });
  const step = unlessConfirmed(args.request, form, "issue", ["quarter", "locale"]);
  if (step) return step;
  const result = await issueQuarterlyReport(args.context.db, actor, parsed.data, { ip: args.context.ip });
  if (!result.ok) return data({ errors: result.errors, values: formValues(form) }, { status: result.status });
  return redirect(pageOf(parsed.data.quarter, parsed.data.locale, `&issued=${result.version}`));
}

export async function action(args: ActionFunctionArgs) {
  return runIntent(args, { narrative: handleNarrative, issue: handleIssue }, null, (a) =>
    requirePermission(a, "reports:issue"),
  );
}

export default function QuarterlyReportAdmin() {
  const { quarter, locale, quarters, narrative, issues, nextVersion, confirming } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const [params] = useSearchParams();
  const { t } = useI18n();
  // the quarter by its name in the reader's language ("T4 2026", "الربع 4 من سنة 2026"), not its code
  const [year, n] = quarter.split("-Q");
  const names = {
    quarter: t("reporting.quarterName", { n, year }),
    language: LOCALE_NAMES[locale],
    version: nextVersion,
  };
  if (confirming) {
    return (
      <ConfirmStep
        title="reporting.issue.confirmTitle"
        titleValues={names}
        titleLangs={{ language: locale }}
        intent="issue"
        hidden={{ quarter, locale }}
        confirmLabel="reporting.issue.confirmButton"
        cancelTo={pageOf(quarter, locale)}
        tone="primary"
      >
        <FormAlert message={actionData?.errors.form} />
        <p>{t("reporting.issue.confirmEffects")}</p>
      </ConfirmStep>
    );
  }
  const issued = params.get("issued");
  return (
    <div>
      <PageTitle>{t("reporting.issue.title")}</PageTitle>
      <PlacelessRefusal />
      <p className="lead">{t("reporting.issue.lead")}</p>
      <DoneNote notes={{ "1": "reporting.narrative.saved" }} param="saved" />
      <EarlierActNote when={issued}>
        <p className="alert alert-success">{t("reporting.issue.issued", { version: issued })}</p>
      </EarlierActNote>
      <QuarterPicker quarter={quarter} locale={locale} quarters={quarters} />
      <NarrativeForm
        key={`${quarter}-${locale}`}
        quarter={quarter}
        locale={locale}
        narrative={narrative}
        errors={actionData?.errors}
        values={actionData?.values}
      />
      <h2>{t("reporting.issue.versions")}</h2>
      <p className="actions">
        <ConfirmLink path={PAGE} intent="issue" extra={{ quarter, locale }}>
          <Message id="reporting.issue.button" values={names} langs={{ language: locale }} />
        </ConfirmLink>
      </p>
      <IssuesTable issues={issues} />
      <p>
        <Link to="/reports/issued">{t("reporting.issue.all")}</Link>
      </p>
    </div>
  );
}
