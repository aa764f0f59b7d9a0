import type { ActionFunctionArgs, LoaderFunctionArgs, SerializeFrom } from "@remix-run/node";
import { RecordConsentForm } from "~/modules/protection/case-file/consent-section";
import { CaseFormPage } from "~/modules/protection/case-file/form-page";
import { caseFormPageAction, caseFormPageLoader } from "~/modules/protection/case-file/form-page.server";

/** A new consent for a case file (its own page: docs/decisions/0195-case-file-forms-on-their-own-pages.md). */
export const loader = (args: LoaderFunctionArgs) => caseFormPageLoader(args, "consent");
export const action = (args: ActionFunctionArgs) => caseFormPageAction(args, "consent");

type PageData = SerializeFrom<typeof loader>;

export default function RecordConsent() {
  return (
    <CaseFormPage<PageData> title="protection.consent.record">
      {(d) => <RecordConsentForm partners={d.partners} />}
    </CaseFormPage>
  );
}
