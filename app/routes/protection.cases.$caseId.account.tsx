import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { AccountForms } from "~/modules/protection/case-file/account-section";
import { CaseFormPage } from "~/modules/protection/case-file/form-page";
import { caseFormPageAction, caseFormPageLoader } from "~/modules/protection/case-file/form-page.server";

/** Linking the person's applicant account, or unlinking it (its own page: docs/decisions/0195-case-file-forms-on-their-own-pages.md). */
export const loader = (args: LoaderFunctionArgs) => caseFormPageLoader(args, { accountSuggestions: true });
export const action = (args: ActionFunctionArgs) => caseFormPageAction(args, "account");

export default function CaseAccount() {
  return (
    <CaseFormPage title="protection.link.title">
      {(d) => (d.account ? <AccountForms account={d.account} /> : null)}
    </CaseFormPage>
  );
}
