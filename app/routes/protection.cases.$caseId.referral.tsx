import type { ActionFunctionArgs, LoaderFunctionArgs, SerializeFrom } from "@remix-run/node";
import { CaseFormPage } from "~/modules/protection/case-file/form-page";
import { caseFormPageAction, caseFormPageLoader } from "~/modules/protection/case-file/form-page.server";
import { NewReferral } from "~/modules/protection/case-file/referral-sections";

/** A referral or transfer to a partner (its own page: docs/decisions/0195-case-file-forms-on-their-own-pages.md). */
export const loader = (args: LoaderFunctionArgs) => caseFormPageLoader(args, "referral");
export const action = (args: ActionFunctionArgs) => caseFormPageAction(args, "referral");

type PageData = SerializeFrom<typeof loader>;

export default function ReferToPartner() {
  return <CaseFormPage<PageData> title="protection.referral.new">{(d) => <NewReferral d={d} />}</CaseFormPage>;
}
