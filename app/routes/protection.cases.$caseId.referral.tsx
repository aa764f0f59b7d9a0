import type { ActionFunctionArgs } from "@remix-run/node";
import { CaseFormPage } from "~/modules/protection/case-file/form-page";
import { caseFormPageAction, caseFormPageLoader } from "~/modules/protection/case-file/form-page.server";
import { NewReferral } from "~/modules/protection/case-file/referral-sections";

/** A referral or transfer to a partner (its own page: docs/decisions/0195-case-file-forms-on-their-own-pages.md). */
export const loader = caseFormPageLoader;
export const action = (args: ActionFunctionArgs) => caseFormPageAction(args, "referral");

export default function ReferToPartner() {
  return <CaseFormPage title="protection.referral.new">{(d) => <NewReferral d={d} />}</CaseFormPage>;
}
