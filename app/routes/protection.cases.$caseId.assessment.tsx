import type { ActionFunctionArgs, LoaderFunctionArgs, SerializeFrom } from "@remix-run/node";
import { VulnerabilityForm } from "~/modules/protection/case-file/care-sections";
import { CaseFormPage } from "~/modules/protection/case-file/form-page";
import { caseFormPageAction, caseFormPageLoader } from "~/modules/protection/case-file/form-page.server";

/** A new vulnerability assessment (its own page: docs/decisions/0195-case-file-forms-on-their-own-pages.md). */
export const loader = (args: LoaderFunctionArgs) => caseFormPageLoader(args, "assessment");
export const action = (args: ActionFunctionArgs) => caseFormPageAction(args, "assessment");

type PageData = SerializeFrom<typeof loader>;

export default function AssessVulnerability() {
  return (
    <CaseFormPage<PageData> title="protection.vulnerability.assess">{(d) => <VulnerabilityForm d={d} />}</CaseFormPage>
  );
}
