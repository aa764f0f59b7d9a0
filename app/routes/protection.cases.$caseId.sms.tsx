import type { ActionFunctionArgs, LoaderFunctionArgs, SerializeFrom } from "@remix-run/node";
import { CaseFormPage } from "~/modules/protection/case-file/form-page";
import { caseFormPageAction, caseFormPageLoader } from "~/modules/protection/case-file/form-page.server";
import { NewCaseSms } from "~/modules/protection/case-file/sms-section";

/** A short SMS to the person (its own page: docs/decisions/0195-case-file-forms-on-their-own-pages.md). */
export const loader = (args: LoaderFunctionArgs) => caseFormPageLoader(args, "sms");
export const action = (args: ActionFunctionArgs) => caseFormPageAction(args, "sms");

type PageData = SerializeFrom<typeof loader>;

export default function SendCaseSms() {
  return (
    <CaseFormPage<PageData> title="caseSms.title">{(d) => (d.sms ? <NewCaseSms sms={d.sms} /> : null)}</CaseFormPage>
  );
}
