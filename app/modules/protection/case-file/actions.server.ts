/**
 * The case file's form intents, one small handler each: parse with the intent's own
 * schema, call the service, answer (a redirect back, or the errors with status 400).
 * Anonymising and withdrawing consent go through the confirmation step first.
 */
import { data, redirect } from "@remix-run/node";
import type { Database } from "~db/client";
import type { Actor } from "~/modules/auth/permissions";
import { unlessConfirmed } from "~/lib/confirm.server";
import { formValues, parseForm, type FieldErrors, type z } from "~/lib/forms.server";
import type { Meta, Result } from "~/lib/result";
import { IssueVoucherSchema } from "~/modules/aid/schemas.server";
import { issueVoucher } from "~/modules/aid/service.server";
import {
  AssignSchema,
  CaseIntentSchema,
  CaseSmsSchema,
  CloseCaseSchema,
  ReopenCaseSchema,
  type CaseIntent,
  ConsentSchema,
  NoteSchema,
  ReferralSchema,
  ServiceStatusSchema,
  VulnerabilitySchema,
  LinkAccountSchema,
  UnlinkAccountSchema,
} from "../schemas.server";
import { linkAccount, unlinkAccount } from "../account-links.server";
import {
  addNote,
  anonymiseCase,
  assignCase,
  closeCase,
  recordConsent,
  recordVulnerability,
  reopenCase,
  requestReferral,
  updateServiceStatus,
  sendCaseSms,
  withdrawConsent,
} from "../service.server";
import { requireOwnCase, requireSupervisorOfCase } from "../case-access.server";
import { HouseholdMemberSchema } from "~/modules/groups/schemas.server";
import { saveHouseholdMember } from "../households.server";
import { PAGED_LISTS, type PagedList } from "./section";

export type CaseActionResult = { intent: string; errors: FieldErrors; values?: Record<string, string> };

type Ctx = { db: Database; actor: Actor; caseId: string; form: FormData; request: Request; meta: Meta };
/** A refused form: its errors (and what was typed) for the section that posted it. */
const refuse = (intent: string, errors: FieldErrors, values?: Record<string, string>) =>
  data<CaseActionResult>({ intent, errors, values }, { status: 400 });

/**
 * Where a write to one of the file's paged lists goes back to: the file with its lists on
 * the pages the form was posted from (its address keeps them), scrolled to that list; the
 * list the write adds to the top of (a note, a voucher) from its first page, where the new
 * entry is. Without it, a status changed on page 2 of the services came back to page 1.
 */
export function backToList(caseId: string, postedTo: string, list: PagedList, fromStart: boolean): string {
  const posted = new URL(postedTo, "http://file").searchParams;
  const query = PAGED_LISTS.flatMap((l) => {
    const n = Number(posted.get(l));
    const page = l === list && fromStart ? 1 : Number.isSafeInteger(n) && n > 1 && n <= 100_000 ? n : 1;
    return page > 1 ? [`${l}=${page}`] : [];
  });
  return `/protection/cases/${caseId}${query.length ? `?${query.join("&")}` : ""}#${list}`;
}

/**
 * Parse with `schema`, then run `write`; a refused form or write comes back with its errors
 * and values; a write done goes back to the file (to its list, for `back`).
 */
function on<S extends Parameters<typeof parseForm>[0]>(
  schema: S,
  write: (ctx: Ctx, input: z.infer<S>) => Promise<Result | void>,
  back?: { list: PagedList; fromStart: boolean },
) {
  return async (ctx: Ctx, intent: string) => {
    const parsed = parseForm(schema, ctx.form);
    if (!parsed.ok) return refuse(intent, parsed.errors, parsed.values);
    const result = await write(ctx, parsed.data);
    if (result && !result.ok) return refuse(intent, result.errors, formValues(ctx.form));
    return redirect(
      back ? backToList(ctx.caseId, ctx.request.url, back.list, back.fromStart) : `/protection/cases/${ctx.caseId}`,
    );
  };
}

/**
 * An action that cannot be undone: done only from its confirmation step (app/lib/confirm.ts).
 * Who may not do it is refused first (403), not sent to the step.
 */
function confirmed(allowed: (ctx: Ctx) => Promise<unknown>, write: (ctx: Ctx) => Promise<void>) {
  return async (ctx: Ctx, intent: string) => {
    await allowed(ctx);
    const step = unlessConfirmed(ctx.request, ctx.form, intent);
    if (step) return step;
    await write(ctx);
    return redirect(`/protection/cases/${ctx.caseId}`);
  };
}

const handlers = {
  note: on(NoteSchema, (c, i) => addNote(c.db, c.actor, c.caseId, i.body, c.meta), { list: "notes", fromStart: true }),
  consent: on(ConsentSchema, (c, i) => recordConsent(c.db, c.actor, c.caseId, i, c.meta)),
  vulnerability: on(VulnerabilitySchema, (c, i) => recordVulnerability(c.db, c.actor, c.caseId, i, c.meta)),
  assign: on(AssignSchema, (c, i) => assignCase(c.db, c.actor, c.caseId, i.assignedToId, c.meta)),
  referral: on(ReferralSchema, (c, i) => requestReferral(c.db, c.actor, c.caseId, i, c.meta)),
  status: on(ServiceStatusSchema, (c, i) => updateServiceStatus(c.db, c.actor, c.caseId, i, c.meta), {
    list: "services",
    fromStart: false,
  }),
  voucher: on(IssueVoucherSchema, (c, i) => issueVoucher(c.db, c.actor, c.caseId, i.itemId, c.meta), {
    list: "aid",
    fromStart: true,
  }),
  withdrawConsent: confirmed(
    (c) => requireOwnCase(c.db, c.actor, c.caseId),
    (c) => withdrawConsent(c.db, c.actor, c.caseId, c.meta),
  ),
  anonymise: confirmed(
    (c) => requireSupervisorOfCase(c.db, c.actor, c.caseId),
    (c) => anonymiseCase(c.db, c.actor, c.caseId, c.meta),
  ),
  sms: on(CaseSmsSchema, (c, i) => sendCaseSms(c.db, c.actor, c.caseId, i, c.meta)),
  // closing takes the person out of the lists and the rounds: from its step, with a reason
  close: async (ctx: Ctx, intent: string) => {
    await requireOwnCase(ctx.db, ctx.actor, ctx.caseId);
    return (
      unlessConfirmed(ctx.request, ctx.form, intent) ??
      on(CloseCaseSchema, (c, i) => closeCase(c.db, c.actor, c.caseId, i.reason, c.meta))(ctx, intent)
    );
  },
  reopen: on(ReopenCaseSchema, (c, i) => reopenCase(c.db, c.actor, c.caseId, i.reason, c.meta)),
  household: on(HouseholdMemberSchema, (c, i) => saveHouseholdMember(c.db, c.actor, c.caseId, i, c.meta)),
  link: on(LinkAccountSchema, (c, i) => linkAccount(c.db, c.actor, c.caseId, i, c.meta)),
  unlink: on(UnlinkAccountSchema, (c, i) => unlinkAccount(c.db, c.actor, c.caseId, i.reason, c.meta)),
} satisfies Record<CaseIntent, unknown>;

/**
 * The intents of the file's form pages (decision 0195),
 * by page; the file itself takes the others only, so that a refused form always comes
 * back to the page that shows it.
 */
export const PAGE_INTENTS = {
  consent: ["consent"],
  assessment: ["vulnerability"],
  household: ["household"],
  referral: ["referral"],
  sms: ["sms"],
  account: ["link", "unlink"],
} as const satisfies Record<string, readonly CaseIntent[]>;

const onPages: readonly CaseIntent[] = Object.values(PAGE_INTENTS).flat();
/** What the case file's own forms post: a note, an assignment, a service's status, a voucher, the steps. */
export const FILE_INTENTS = CaseIntentSchema.shape.intent.options.filter((i) => !onPages.includes(i));

/**
 * Answers a post of the case file, or of one of its form pages (`only`: the intents that
 * page posts; another one is refused like an unknown form, nothing changed).
 */
export async function caseFileAction(ctx: Omit<Ctx, "form"> & { only?: readonly CaseIntent[] }) {
  const form = await ctx.request.formData();
  const intent = parseForm(CaseIntentSchema, form);
  if (!intent.ok || (ctx.only && !ctx.only.includes(intent.data.intent)))
    return refuse("", { form: "errors.unknownForm" });
  return handlers[intent.data.intent]({ ...ctx, form }, intent.data.intent);
}
