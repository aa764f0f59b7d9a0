import type { ActionFunctionArgs, LoaderFunctionArgs, SerializeFrom } from "@remix-run/node";
import { AccountForms } from "~/modules/protection/case-file/account-section";
import { CaseFormPage } from "~/modules/protection/case-file/form-page";
import { caseFormPageAction, caseFormPageLoader } from "~/modules/protection/case-file/form-page.server";

/** Linking the person's applicant account, or unlinking it (its own page: docs/decisions/0195-case-file-forms-on-their-own-pages.md). */
export const loader = (args: LoaderFunctionArgs) => caseFormPageLoader(args, "account");
export const action = (args: ActionFunctionArgs) => caseFormPageAction(args, "account");

type PageData = SerializeFrom<typeof loader>;

export default function CaseAccount() {
  return (
    <CaseFormPage<PageData> title="protection.link.title">
      {(d) => (d.account ? <AccountForms account={d.account} /> : null)}
    </CaseFormPage>
  );
}
