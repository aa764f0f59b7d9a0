import { PlacelessRefusal } from "~/components/done-note";
import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { FormAlert } from "~/components/form";
import { confirmStep, unlessConfirmed } from "~/lib/confirm.server";
import { parseForm } from "~/lib/forms.server";
import { runIntent } from "~/lib/intents.server";
import { idParam, parseQuery, query } from "~/lib/params.server";
import type { Failure } from "~/lib/result";
import { notFound, requirePermission } from "~/modules/auth/guards.server";
import { getFeedback, listAssignees } from "~/modules/feedback/queries.server";
import { isOverdue, mayAnswer, mayAssign, mayClose, mayRefer } from "~/modules/feedback/rules";
import { AnswerSchema, AssignSchema, ReferSchema } from "~/modules/feedback/schemas.server";
import {
  answerFeedback,
  assignFeedback,
  closeFeedback,
  recordView,
  referFeedback,
} from "~/modules/feedback/service.server";
import { CloseStep, FeedbackFile, HandlingForms, ReferStep } from "~/modules/feedback/handle-sections";

const STEPS = ["close", "refer"] as const;
const SAVED = ["assign", "answer", "close"] as const;

/** One message, for the one who may read it (404 for anyone else); every opening is audited. */
export async function loader(args: LoaderFunctionArgs) {
  const user = requirePermission(args, "feedback:handle");
  const feedbackId = idParam(args, "feedbackId");
  const { db } = args.context;
  const item = await getFeedback(db, user, feedbackId);
  if (!item) notFound();
  await recordView(db, user, feedbackId, { ip: args.context.ip });
  const { saved } = parseQuery(args, { saved: query.oneOf(SAVED) });
  const can = {
    answer: mayAnswer(user, item),
    close: mayClose(user, item),
    assign: mayAssign(user, item),
    refer: mayRefer(user, item),
  };
  const step = confirmStep(args, STEPS);
  return {
    item: {
      id: item.id,
      category: item.category,
      status: item.status,
      locale: item.locale,
      channel: item.channel,
      message: item.message,
      contactName: item.contactName,
      contactPhone: item.contactPhone,
      receivedAt: item.receivedAt.toISOString(),
      dueAt: item.dueAt.toISOString(),
      overdue: isOverdue(item, new Date()),
      assigneeId: item.assignedToId,
      assigneeName: item.assigneeName,
      answer: item.answer,
      answeredAt: item.answeredAt?.toISOString() ?? null,
      closedAt: item.closedAt?.toISOString() ?? null,
    },
    can,
    // a step the person may no longer take (closed meanwhile, not theirs) is not shown
    step: step && can[step] ? step : null,
    assignees: can.assign ? await listAssignees(db) : [],
    saved: saved ?? null,
  };
}

function refused(failure: Pick<Failure, "status" | "errors">, values: Record<string, string> = {}) {
  return data({ errors: failure.errors, values }, { status: failure.status });
}

function handler<R>(run: (args: ActionFunctionArgs, form: FormData, feedbackId: string) => Promise<R>) {
  return async (args: ActionFunctionArgs, form: FormData) => {
    requirePermission(args, "feedback:handle");
    return run(args, form, idParam(args, "feedbackId"));
  };
}

const saved = (id: string, what: (typeof SAVED)[number]) => redirect(`/complaints/${id}?saved=${what}`);
const meta = (args: ActionFunctionArgs) => ({ ip: args.context.ip });

const handlers = {
  assign: handler(async (args, form, id) => {
    const parsed = parseForm(AssignSchema, form);
    if (!parsed.ok) return refused({ status: 400, errors: parsed.errors }, parsed.values);
    const user = requirePermission(args, "feedback:handle");
    const result = await assignFeedback(args.context.db, user, id, parsed.data.assigneeId, meta(args));
    return result.ok ? saved(id, "assign") : refused(result);
  }),
  close: handler(async (args, form, id) => {
    const step = unlessConfirmed(args.request, form, "close");
    if (step) return step;
    const user = requirePermission(args, "feedback:handle");
    const result = await closeFeedback(args.context.db, user, id, meta(args));
    return result.ok ? saved(id, "close") : refused(result);
  }),
  refer: handler(async (args, form, id) => {
    const step = unlessConfirmed(args.request, form, "refer");
    if (step) return step;
    const parsed = parseForm(ReferSchema, form);
    if (!parsed.ok) return refused({ status: 400, errors: parsed.errors }, parsed.values);
    const user = requirePermission(args, "feedback:handle");
    const result = await referFeedback(args.context.db, user, id, parsed.data.category, meta(args));
    // the admin no longer reaches it: back to the list, which says so
    return result.ok ? redirect("/complaints?referred") : refused(result);
  }),
};

const answer = handler(async (args, form, id) => {
  const parsed = parseForm(AnswerSchema, form);
  if (!parsed.ok) return refused({ status: 400, errors: parsed.errors }, parsed.values);
  const user = requirePermission(args, "feedback:handle");
  const result = await answerFeedback(args.context.db, user, id, parsed.data, meta(args));
  return result.ok ? saved(id, "answer") : refused(result, { answer: parsed.data.answer });
});

export async function action(args: ActionFunctionArgs) {
  return runIntent(args, { ...handlers, answer }, answer, (a) => requirePermission(a, "feedback:handle"));
}

export default function ComplaintFile() {
  const { item, can, step, assignees, saved: done } = useLoaderData<typeof loader>();
  const refusal = useActionData<typeof action>();
  if (step === "close") return <CloseStep item={item} />;
  if (step === "refer") return <ReferStep item={item} errors={refusal?.errors} />;
  return (
    <div>
      <FeedbackFile item={item} saved={done} />
      <PlacelessRefusal />
      <FormAlert message={refusal && !("placeless" in refusal) ? refusal.errors.form : undefined} />
      <HandlingForms item={item} can={can} assignees={assignees} errors={refusal?.errors} values={refusal?.values} />
    </div>
  );
}
