/**
 * The case file's larger, less frequent forms each have their own short page
 * (docs/decisions/0195-case-file-forms-on-their-own-pages.md): the owning association
 * only, on a file not anonymised, read like the file (and its view audited like it);
 * a post runs the file's action, restricted to the page's intents. A page sends only
 * what it shows (docs/decisions/0197-case-form-pages-send-their-part.md).
 */
import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { idParam } from "~/lib/params.server";
import { requirePermission } from "~/modules/auth/guards.server";
import { requireOwnCase } from "../case-access.server";
import { referralConsentLive, referralTargets } from "../rules";
import { caseFileAction, PAGE_INTENTS } from "./actions.server";
import { type CaseFileData, loadCaseFile } from "./data.server";

/** Another association: 404; a receiving association, or an anonymised file: 403 (as the file's own writes). */
async function requireOwner(args: LoaderFunctionArgs) {
  const actor = requirePermission(args, "protection:use");
  const c = await requireOwnCase(args.context.db, actor, idParam(args, "caseId"));
  return { actor, c };
}

export type CaseFormPageName = keyof typeof PAGE_INTENTS;

/** What each page's form needs of the file; nothing else of it (its notes, services, viewers...) leaves the server. */
const PAGE_PARTS = {
  consent: (d: CaseFileData) => ({ partners: d.partners }),
  assessment: (d: CaseFileData) => ({ flags: d.vulnerability?.flags ?? [], today: d.today }),
  household: (d: CaseFileData) => ({ household: d.household }),
  referral: (d: CaseFileData) => ({
    targets: referralTargets(d.consent, d.partners, d.supervisor),
    consentLive: referralConsentLive(d.consent),
    supervisor: d.supervisor,
  }),
  sms: (d: CaseFileData) => ({ sms: d.sms ? { blocker: d.sms.blocker, language: d.sms.language } : null }),
  account: (d: CaseFileData) => ({ account: d.account }),
} satisfies Record<CaseFormPageName, (d: CaseFileData) => object>;

/**
 * The page's loader data: the case's id and reference and how it is named (the header),
 * and the page's part (`PAGE_PARTS`). The account's page also lists the accounts that
 * may be the person's.
 */
export async function caseFormPageLoader<P extends CaseFormPageName>(args: LoaderFunctionArgs, page: P) {
  const { actor, c } = await requireOwner(args);
  // the page shows protection data (the consent, the household, the partners...): a view of the file
  const meta = { ip: args.context.ip, locale: args.context.locale };
  const d = await loadCaseFile(args.context.db, actor, c.id, meta, {
    account: page === "account" ? "suggestions" : "none",
  });
  const part = PAGE_PARTS[page](d) as ReturnType<(typeof PAGE_PARTS)[P]>;
  return { case: { id: d.case.id, reference: d.case.reference }, name: d.name, ...part };
}

export async function caseFormPageAction(args: ActionFunctionArgs, page: CaseFormPageName) {
  const { actor, c } = await requireOwner(args);
  const only = PAGE_INTENTS[page];
  const meta = { ip: args.context.ip };
  return caseFileAction({ db: args.context.db, actor, caseId: c.id, request: args.request, meta, only });
}
