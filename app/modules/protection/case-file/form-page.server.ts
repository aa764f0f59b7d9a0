/**
 * The case file's larger, less frequent forms each have their own short page
 * (docs/decisions/0195-case-file-forms-on-their-own-pages.md): the owning association
 * only, on a file not anonymised, read like the file (and its view audited like it);
 * a post runs the file's action, restricted to the page's intents. A page sends only
 * what it shows (docs/decisions/0197-case-form-pages-send-their-part.md), and reads only
 * that (0215).
 */
import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import type { Database } from "~db/client";
import { idParam } from "~/lib/params.server";
import { moroccoToday } from "~/lib/morocco-time";
import { requirePermission } from "~/modules/auth/guards.server";
import type { Actor } from "~/modules/auth/permissions";
import { accountPanel } from "../account-links.server";
import { requireOwnCase } from "../case-access.server";
import { smsPermission } from "../case-sms.server";
import { viewCase } from "../service.server";
import { householdAges } from "../households.server";
import { openAssessment } from "../queries.server";
import type { CaseReach } from "../reach.server";
import { referralConsentLive, referralTargets } from "../rules";
import { caseFileAction, PAGE_INTENTS } from "./actions.server";
import { caseName } from "./data.server";
import { caseParts } from "./owner-sections.server";

/** Another association: 404; a receiving association, or an anonymised file: 403 (as the file's own writes). */
async function requireOwner(args: LoaderFunctionArgs) {
  const actor = requirePermission(args, "protection:use");
  const c = await requireOwnCase(args.context.db, actor, idParam(args, "caseId"));
  return { actor, c };
}

export type CaseFormPageName = keyof typeof PAGE_INTENTS;

type PageRead = { db: Database; actor: Actor; reach: CaseReach };

/**
 * What each page's form needs of the file, and all it reads of it: its own parts of the
 * file's one statement (`caseParts`), the account's panel for the account's page. Nothing
 * else of the file (its notes, services, viewers...) is read, decrypted or sent
 * (0215).
 */
const PAGE_PARTS = {
  consent: async ({ db, actor, reach }: PageRead) => {
    const { partners } = await caseParts(db, reach.case, actor.id, ["partners"]);
    return { partners };
  },
  assessment: async ({ db, actor, reach }: PageRead) => {
    const [latest] = (await caseParts(db, reach.case, actor.id, ["vulnerability"])).vulnerability;
    return { flags: latest ? openAssessment(latest).flags : [], today: moroccoToday() };
  },
  household: async ({ db, actor, reach }: PageRead) => {
    const read = await caseParts(db, reach.case, actor.id, ["household"]);
    return { household: householdAges(read.household) };
  },
  referral: async ({ db, actor, reach }: PageRead) => {
    const parts = ["consent", "consentPartners", "partners", "supervisor"] as const;
    const read = await caseParts(db, reach.case, actor.id, parts);
    const [latest] = read.consent;
    const consent = latest ? { ...latest, partners: read.consentPartners } : null;
    return {
      targets: referralTargets(consent, read.partners, read.supervisor),
      consentLive: referralConsentLive(consent),
      supervisor: read.supervisor,
    };
  },
  sms: async ({ db, actor, reach }: PageRead) => {
    const [latest] = (await caseParts(db, reach.case, actor.id, ["consent"])).consent;
    return { sms: smsPermission(reach.case, latest ?? null) };
  },
  // with the accounts that may be the person's (the file does not look for them)
  account: async ({ db, actor, reach }: PageRead) => ({
    account: await accountPanel(db, actor, reach.case, { suggest: true, hashes: reach.personHashes }),
  }),
} satisfies Record<CaseFormPageName, (read: PageRead) => Promise<object>>;

/**
 * The page's loader data: the case's id and reference and how it is named (the header),
 * and the page's part (`PAGE_PARTS`).
 */
export async function caseFormPageLoader<P extends CaseFormPageName>(args: LoaderFunctionArgs, page: P) {
  const { actor, c } = await requireOwner(args);
  const db = args.context.db;
  // the page shows protection data (the consent, the household, the partners...): a view of
  // the file, read and audited by the file's own opening (viewCase)
  const reach = await viewCase(db, actor, c.id, { ip: args.context.ip });
  const part = (await PAGE_PARTS[page]({ db, actor, reach })) as Awaited<ReturnType<(typeof PAGE_PARTS)[P]>>;
  return { case: { id: reach.case.id, reference: reach.case.reference }, name: caseName(reach), ...part };
}

export async function caseFormPageAction(args: ActionFunctionArgs, page: CaseFormPageName) {
  const { actor, c } = await requireOwner(args);
  const only = PAGE_INTENTS[page];
  const meta = { ip: args.context.ip };
  return caseFileAction({ db: args.context.db, actor, caseId: c.id, request: args.request, meta, only });
}
