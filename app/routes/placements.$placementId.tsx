import { PlacelessRefusal } from "~/components/done-note";
import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { ErrorSummary } from "~/components/error-summary";
import { data, redirect } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { PageTitle } from "~/components/form";
import { moroccoToday } from "~/lib/morocco-time";
import { parseForm, type FieldErrors } from "~/lib/forms.server";
import { runIntent } from "~/lib/intents.server";
import { notFound, requirePermission } from "~/modules/auth/guards.server";
import { getPlacement } from "~/modules/internships/queries.server";
import { isFollowUpOverdue } from "~/modules/internships/rules";
import { ContactSchema, EvaluationSchema, OutcomeSchema, TransitionSchema } from "~/modules/internships/schemas.server";
import {
  ContactsSection,
  EvaluationsSection,
  OutcomesSection,
  PlacementFacts,
  StatusForm,
} from "~/modules/internships/placement-sections";
import {
  logContact,
  mayFollow,
  recordEvaluation,
  recordOutcome,
  transitionPlacement,
} from "~/modules/internships/service.server";
import { idParam } from "~/lib/params.server";

async function load(args: LoaderFunctionArgs | ActionFunctionArgs) {
  const user = requirePermission(args, "placements:manage");
  const placement = await getPlacement(args.context.db, idParam(args, "placementId"));
  // another coach's beneficiary: as if it did not exist
  if (!placement || !(await mayFollow(args.context.db, user, placement.placement.beneficiaryId))) notFound();
  return { user, placement };
}

export async function loader(args: LoaderFunctionArgs) {
  const { placement } = await load(args);
  const today = moroccoToday();
  return {
    ...placement,
    today,
    overdue: isFollowUpOverdue({ ...placement.placement, lastContactOn: placement.lastContactOn, today }),
  };
}

function refused(intent: string, errors: FieldErrors, values: Record<string, string> = {}) {
  return data({ ok: false as const, intent, errors, values }, { status: 400 });
}

async function handleStatus(args: ActionFunctionArgs, form: FormData) {
  const { user, placement } = await load(args);
  const parsed = parseForm(TransitionSchema, form);
  if (!parsed.ok) return refused("status", parsed.errors, parsed.values);
  const result = await transitionPlacement(args.context.db, user, placement.placement.id, parsed.data, {
    ip: args.context.ip,
  });
  if (!result.ok) return refused("status", result.errors);
  return redirect(`/placements/${placement.placement.id}`);
}

async function handleContact(args: ActionFunctionArgs, form: FormData) {
  const { user, placement } = await load(args);
  const parsed = parseForm(ContactSchema, form);
  if (!parsed.ok) return refused("contact", parsed.errors, parsed.values);
  await logContact(args.context.db, user, placement.placement.id, parsed.data, { ip: args.context.ip });
  return redirect(`/placements/${placement.placement.id}`);
}

async function handleEvaluation(args: ActionFunctionArgs, form: FormData) {
  const { user, placement } = await load(args);
  const parsed = parseForm(EvaluationSchema, form);
  if (!parsed.ok) return refused("evaluation", parsed.errors, parsed.values);
  const result = await recordEvaluation(args.context.db, user, placement.placement.id, parsed.data, {
    ip: args.context.ip,
  });
  if (!result.ok) return refused("evaluation", result.errors);
  return redirect(`/placements/${placement.placement.id}`);
}

async function handleOutcome(args: ActionFunctionArgs, form: FormData) {
  const { user, placement } = await load(args);
  const parsed = parseForm(OutcomeSchema, form);
  if (!parsed.ok) return refused("outcome", parsed.errors, parsed.values);
  const result = await recordOutcome(args.context.db, user, placement.placement.id, parsed.data, {
    ip: args.context.ip,
  });
  if (!result.ok) return refused("outcome", result.errors);
  return redirect(`/placements/${placement.placement.id}`);
}

export async function action(args: ActionFunctionArgs) {
  return runIntent(
    args,
    { status: handleStatus, contact: handleContact, evaluation: handleEvaluation, outcome: handleOutcome },
    null,
    load,
  );
}

/** The fields of the page's forms, with their labels, for the error summary. */
const PLACEMENT_LABELS = {
  to: "internships.field.newStatus",
  reason: "internships.field.reason",
  kind: "internships.field.contactKind",
  contactedOn: "internships.field.contactedOn",
  notes: "internships.field.notes",
  problem: "internships.field.problem",
  stage: "internships.field.stage",
  comments: "internships.field.comments",
  checkpoint: "internships.field.checkpoint",
  employmentStatus: "internships.field.employmentStatus",
} as const;

export default function PlacementPage() {
  const p = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const echoOf = (intent: string) =>
    actionData && "intent" in actionData && actionData.intent === intent
      ? { errors: actionData.errors, values: actionData.values }
      : {};
  const pl = p.placement;
  return (
    <div>
      <PageTitle>
        {p.beneficiaryName} · {p.hostName}
      </PageTitle>
      <PlacelessRefusal />
      <ErrorSummary errors={actionData?.errors} labels={PLACEMENT_LABELS} />
      <PlacementFacts p={p} today={p.today} overdue={p.overdue} />
      <StatusForm status={pl.status} {...echoOf("status")} />
      <ContactsSection contacts={p.contacts} today={p.today} {...echoOf("contact")} />
      <EvaluationsSection evaluations={p.evaluations} {...echoOf("evaluation")} />
      <OutcomesSection outcomes={p.outcomes} status={pl.status} errors={echoOf("outcome").errors} />
    </div>
  );
}
