import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { FormAlert, PageTitle } from "~/components/form";
import { useI18n } from "~/i18n/i18n-context";
import { confirmStep } from "~/lib/confirm.server";
import { idParam, parseQuery, query } from "~/lib/params.server";
import { requirePermission } from "~/modules/auth/guards.server";
import { caseFileAction, FILE_INTENTS, type CaseActionResult } from "~/modules/protection/case-file/actions.server";
import { CaseConfirmStep } from "~/modules/protection/case-file/confirm-steps";
import { ClosureSection, CloseStep } from "~/modules/protection/case-file/closure-section";
import { ConsentSection } from "~/modules/protection/case-file/consent-section";
import { ServicesSection, VulnerabilitySection } from "~/modules/protection/case-file/care-sections";
import { loadCaseFile } from "~/modules/protection/case-file/data.server";
import { IdentitySection } from "~/modules/protection/case-file/identity-section";
import { AccountSection } from "~/modules/protection/case-file/account-section";
import { AidSection, NotesSection } from "~/modules/protection/case-file/notes-aid-sections";
import { PartnerRequestsSection } from "~/modules/protection/case-file/partner-sections";
import { ReferralSection, SupervisorSection } from "~/modules/protection/case-file/referral-sections";
import { CaseSmsSection } from "~/modules/protection/case-file/sms-section";
import { HouseholdSection } from "~/modules/protection/case-file/household-section";
import { requireCase } from "~/modules/protection/service.server";

export async function loader(args: LoaderFunctionArgs) {
  const actor = requirePermission(args, "protection:use");
  const pages = parseQuery(args, {
    notes: query.int(1, 100_000),
    services: query.int(1, 100_000),
    aid: query.int(1, 100_000),
  });
  const d = await loadCaseFile(
    args.context.db,
    actor,
    idParam(args, "caseId"),
    { ip: args.context.ip, locale: args.context.locale },
    pages,
  );
  const asked = confirmStep(args, ["anonymise", "withdrawConsent", "close"]);
  // a step is offered only where its action is: a supervisor's live file, a live consent of one's own case
  const live = d.own && !d.case.anonymisedAt;
  const offered =
    (asked === "anonymise" && live && d.supervisor) ||
    (asked === "withdrawConsent" && live && Boolean(d.consent && !d.consent.withdrawnAt)) ||
    (asked === "close" && live && d.case.status === "open");
  return { ...d, confirm: offered ? asked : null };
}

/**
 * The file's own forms (note, assign, service status, voucher, the confirmation steps) post
 * here; the larger ones post to their own pages (docs/decisions/0195-case-file-forms-on-their-own-pages.md).
 */
export async function action(args: ActionFunctionArgs) {
  const actor = requirePermission(args, "protection:use");
  const db = args.context.db;
  const c = await requireCase(db, actor, idParam(args, "caseId"));
  const meta = { ip: args.context.ip };
  return caseFileAction({ db, actor, caseId: c.id, request: args.request, meta, only: FILE_INTENTS });
}

export default function CaseFile() {
  const d = useLoaderData<typeof loader>();
  const actionData = useActionData<CaseActionResult>();
  const { t } = useI18n();
  const c = d.case;
  if (d.confirm === "close") return <CloseStep d={d} />;
  if (d.confirm) return <CaseConfirmStep d={d} step={d.confirm} />;
  return (
    <div data-case={c.id} data-reach={d.reach}>
      <PageTitle>
        {d.identity ? (
          <>
            {d.identity.firstName} {d.identity.lastName}{" "}
            {d.identity.nameArabic ? <bdi dir="rtl">{d.identity.nameArabic}</bdi> : null}
          </>
        ) : (
          t("protection.partner.title", { reference: c.reference })
        )}
      </PageTitle>
      <p className="hint">
        <span dir="ltr">{c.reference}</span> · {t(`protection.status.${c.status}`)} · <bdi>{d.organisationName}</bdi>
        {c.anonymisedAt ? ` · ${t("protection.case.anonymised")}` : ""}
      </p>
      <FormAlert message={actionData?.intent === "" ? actionData.errors.form : null} />
      {d.own ? null : <PartnerRequestsSection d={d} />}
      <IdentitySection d={d} />
      {d.account ? <AccountSection account={d.account} caseId={c.id} /> : null}
      {d.own ? <ConsentSection d={d} /> : null}
      <VulnerabilitySection d={d} />
      <ServicesSection d={d} />
      <NotesSection d={d} />
      {d.own ? <HouseholdSection d={d} /> : null}
      {d.own ? <AidSection d={d} /> : null}
      {d.sms ? <CaseSmsSection sms={d.sms} caseId={c.id} /> : null}
      {d.own && !c.anonymisedAt && c.status === "open" ? <ReferralSection d={d} /> : null}
      {d.own ? <ClosureSection d={d} /> : null}
      {d.supervisor ? <SupervisorSection d={d} /> : null}
    </div>
  );
}
