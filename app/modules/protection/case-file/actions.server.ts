/**
 * The case file's form intents, one small handler each: parse with the intent's own
 * schema, call the service, answer (a redirect back, or the errors with status 400).
 * Anonymising and withdrawing consent go through the confirmation step first.
 */
import { data, redirect } from "@remix-run/node";
import type { Database } from "~db/client";
import type { Actor } from "~/modules/auth/permissions";
import { unlessConfirmed } from "~/lib/confirm.server";
import { parseForm, type FieldErrors } from "~/lib/forms.server";
import type { Meta } from "~/lib/result";
import { IssueVoucherSchema } from "~/modules/aid/schemas.server";
import { issueVoucher } from "~/modules/aid/service.server";
import {
  AssignSchema,
  CaseIntentSchema,
  ConsentSchema,
  NoteSchema,
  ReferralSchema,
  ServiceStatusSchema,
  VulnerabilitySchema,
} from "../schemas.server";
import {
  addNote,
  anonymiseCase,
  assignCase,
  recordConsent,
  recordVulnerability,
  requestReferral,
  updateServiceStatus,
  withdrawConsent,
} from "../service.server";

export type CaseActionResult = { intent: string; errors: FieldErrors; values?: Record<string, string> };

type Ctx = { db: Database; actor: Actor; caseId: string; form: FormData; request: Request; meta: Meta };
type Outcome = { ok: true } | { ok: false; errors: FieldErrors };

const fail = (intent: string, errors: FieldErrors, values?: Record<string, string>) =>
  data<CaseActionResult>({ intent, errors, values }, { status: 400 });

/** Parse with `schema`, then run `write`; a refused form or write comes back with its errors and values. */
async function handle<T>(
  ctx: Ctx,
  intent: string,
  parsed: { ok: true; data: T } | { ok: false; errors: FieldErrors; values: Record<string, string> },
  write: (input: T) => Promise<Outcome | void>,
) {
  if (!parsed.ok) return fail(intent, parsed.errors, parsed.values);
  const result = await write(parsed.data);
  if (result && !result.ok) return fail(intent, result.errors);
  return redirect(`/protection/cases/${ctx.caseId}`);
}

const handlers: Record<string, (ctx: Ctx) => Promise<Response | ReturnType<typeof fail>>> = {
  note: (ctx) =>
    handle(ctx, "note", parseForm(NoteSchema, ctx.form), (input) =>
      addNote(ctx.db, ctx.actor, ctx.caseId, input.body, ctx.meta),
    ),
  consent: (ctx) =>
    handle(ctx, "consent", parseForm(ConsentSchema, ctx.form), (input) =>
      recordConsent(ctx.db, ctx.actor, ctx.caseId, input, ctx.meta),
    ),
  vulnerability: (ctx) =>
    handle(ctx, "vulnerability", parseForm(VulnerabilitySchema, ctx.form), (input) =>
      recordVulnerability(ctx.db, ctx.actor, ctx.caseId, input, ctx.meta),
    ),
  assign: (ctx) =>
    handle(ctx, "assign", parseForm(AssignSchema, ctx.form), (input) =>
      assignCase(ctx.db, ctx.actor, ctx.caseId, input.assignedToId, ctx.meta),
    ),
  referral: (ctx) =>
    handle(ctx, "referral", parseForm(ReferralSchema, ctx.form), (input) =>
      requestReferral(ctx.db, ctx.actor, ctx.caseId, input, ctx.meta),
    ),
  status: (ctx) =>
    handle(ctx, "status", parseForm(ServiceStatusSchema, ctx.form), (input) =>
      updateServiceStatus(ctx.db, ctx.actor, ctx.caseId, input, ctx.meta),
    ),
  voucher: (ctx) =>
    handle(ctx, "voucher", parseForm(IssueVoucherSchema, ctx.form), (input) =>
      issueVoucher(ctx.db, ctx.actor, ctx.caseId, input.itemId, ctx.meta),
    ),
  withdrawConsent: async (ctx) =>
    unlessConfirmed(ctx.request, ctx.form, "withdrawConsent") ??
    handle(ctx, "withdrawConsent", { ok: true, data: null }, () =>
      withdrawConsent(ctx.db, ctx.actor, ctx.caseId, ctx.meta),
    ),
  anonymise: async (ctx) =>
    unlessConfirmed(ctx.request, ctx.form, "anonymise") ??
    handle(ctx, "anonymise", { ok: true, data: null }, () => anonymiseCase(ctx.db, ctx.actor, ctx.caseId, ctx.meta)),
};

export async function caseFileAction(ctx: Omit<Ctx, "form">) {
  const form = await ctx.request.formData();
  const intent = parseForm(CaseIntentSchema, form);
  if (!intent.ok) return fail("", { form: "errors.invalid" });
  const handler = handlers[intent.data.intent];
  if (!handler) return fail("", { form: "errors.invalid" });
  return handler({ ...ctx, form });
}
