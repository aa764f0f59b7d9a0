/**
 * What the call page posts, one small handler per intent, each with its own schema
 * (schemas.server.ts). The route reads the intent, and answers with the result.
 */
import type { Database } from "~db/client";
import { parseForm, z } from "~/lib/forms.server";
import { parseMoney } from "~/lib/money";
import { fail, type Failure, type Meta } from "~/lib/result";
import type { Actor } from "./common.server";
import {
  AwardChangeSchema,
  CommentSchema,
  ConflictDecisionSchema,
  MoveAssignmentSchema,
  PaymentSchema,
  ReopenReviewSchema,
  ScheduleSchema,
  ScreenSchema,
  TrancheConfirmSchema,
  TransitionSchema,
} from "./schemas.server";
import {
  acceptProposal,
  changeAward,
  confirmTrancheCondition,
  decideConflict,
  detectCallConflicts,
  moveAssignment,
  payTranche,
  reopenReview,
  runAutoAssignment,
  screenApplication,
  setDecisionComment,
  setTrancheSchedule,
  transitionCall,
} from "./service.server";

type Outcome = { ok: true } | Failure;
type Context = { db: Database; actor: Actor; callId: string; meta: Meta };
type Handler<S extends z.ZodType> = { schema: S; run: (input: z.infer<S>, c: Context) => Promise<Outcome> };

/** A handler with its schema; the pair keeps the input's type from the schema. */
function handle<S extends z.ZodType>(schema: S, run: Handler<S>["run"]): Handler<z.ZodType> {
  return { schema, run: run as Handler<z.ZodType>["run"] };
}

const NoInput = z.object({});

const HANDLERS: Record<string, Handler<z.ZodType>> = {
  transition: handle(TransitionSchema, (p, c) => transitionCall(c.db, c.actor, { callId: c.callId, to: p.to }, c.meta)),
  screen: handle(ScreenSchema, (p, c) => screenApplication(c.db, c.actor, p, c.meta)),
  schedule: handle(ScheduleSchema, (p, c) => setTrancheSchedule(c.db, c.actor, { callId: c.callId, ...p }, c.meta)),
  assign: handle(NoInput, (_, c) => runAutoAssignment(c.db, c.actor, { callId: c.callId }, c.meta)),
  detect: handle(NoInput, (_, c) => detectCallConflicts(c.db, c.actor, { callId: c.callId }, c.meta)),
  conflict: handle(ConflictDecisionSchema, (p, c) => decideConflict(c.db, c.actor, p, c.meta)),
  move: handle(MoveAssignmentSchema, (p, c) => moveAssignment(c.db, c.actor, p, c.meta)),
  reopen: handle(ReopenReviewSchema, (p, c) => reopenReview(c.db, c.actor, { callId: c.callId, ...p }, c.meta)),
  accept: handle(NoInput, (_, c) => acceptProposal(c.db, c.actor, { callId: c.callId }, c.meta)),
  change: handle(AwardChangeSchema, async (p, c) => {
    let amountCentimes: number | undefined;
    if (p.change === "award") {
      const centimes = parseMoney(p.amount ?? "");
      if (centimes === null || centimes <= 0) return fail(400, { amount: "grants.errors.amount" });
      amountCentimes = centimes;
    }
    return changeAward(c.db, c.actor, { ...p, amountCentimes }, c.meta);
  }),
  comment: handle(CommentSchema, (p, c) => setDecisionComment(c.db, c.actor, p, c.meta)),
  confirmTranche: handle(TrancheConfirmSchema, (p, c) => confirmTrancheCondition(c.db, c.actor, p, c.meta)),
  pay: handle(PaymentSchema, (p, c) => payTranche(c.db, c.actor, p, c.meta)),
};

/** Run what the form asks for on the call; an unknown intent is a form error. */
export async function runCallIntent(context: Context, intent: string, form: FormData): Promise<Outcome> {
  const handler = Object.hasOwn(HANDLERS, intent) ? HANDLERS[intent] : undefined;
  if (!handler) return fail(400, { form: "errors.unknownForm" });
  const parsed = parseForm(handler.schema, form);
  if (!parsed.ok) return fail(400, parsed.errors);
  return handler.run(parsed.data, context);
}
