import type { ActionFunctionArgs, LoaderFunctionArgs, SerializeFrom } from "@remix-run/node";
import { CaseFormPage } from "~/modules/protection/case-file/form-page";
import { caseFormPageAction, caseFormPageLoader } from "~/modules/protection/case-file/form-page.server";
import { HouseholdForms } from "~/modules/protection/case-file/household-section";

/** The household of a case file, corrected and added to (its own page: docs/decisions/0195-case-file-forms-on-their-own-pages.md). */
export const loader = (args: LoaderFunctionArgs) => caseFormPageLoader(args, "household");
export const action = (args: ActionFunctionArgs) => caseFormPageAction(args, "household");

type PageData = SerializeFrom<typeof loader>;

export default function EditHousehold() {
  return <CaseFormPage<PageData> title="groups.household.edit">{(d) => <HouseholdForms d={d} />}</CaseFormPage>;
}
