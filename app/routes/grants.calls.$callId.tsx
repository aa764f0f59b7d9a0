import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { DoneNote } from "~/components/done-note";
import { data, redirect } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { Link } from "~/components/link";
import { FormAlert, PageTitle } from "~/components/form";
import { LocalizedText } from "~/components/localized-text";
import { useI18n } from "~/i18n/i18n-context";
import type { FieldErrors } from "~/lib/forms";
import { idParam, parseQuery, query } from "~/lib/params.server";
import { notFound, requirePermission } from "~/modules/auth/guards.server";
import { runCallIntent } from "~/modules/grants/call-actions.server";
import { AcceptProposalStep, CallAwards, CallProposal, CallRankings } from "~/modules/grants/call-decision-sections";
import { loadCallPage } from "~/modules/grants/call-page.server";
import {
  CallApplications,
  CallAssignments,
  CallConflicts,
  CallFacts,
  CallRubric,
  CallScheduleForm,
  TransitionStep,
} from "~/modules/grants/call-sections";
import { CALL_STATUSES } from "~/modules/grants/constants";
import { confirmStep, unlessConfirmed } from "~/lib/confirm.server";
import { getCall } from "~/modules/grants/queries.server";

export async function loader(args: LoaderFunctionArgs) {
  requirePermission(args, "grants:manage");
  const page = await loadCallPage(args.context.db, idParam(args, "callId"));
  if (!page) notFound();
  // moving the call on is confirmed on a step, for the one move open to it now
  const { to } = parseQuery(args, { to: query.oneOf(CALL_STATUSES) });
  const step = confirmStep(args, ["transition", "accept"]);
  const transition = step === "transition" && to && to === page.call.next ? to : null;
  // accepting the proposal is confirmed on a step, while there is one to accept
  const accept = step === "accept" && page.awards.length === 0 && (page.proposal?.awards.length ?? 0) > 0;
  return { ...page, transition, accept };
}

type ActionResult = { ok: false; intent: string; errors: FieldErrors };

export async function action(args: ActionFunctionArgs) {
  const actor = requirePermission(args, "grants:manage");
  const db = args.context.db;
  const callId = idParam(args, "callId");
  if (!(await getCall(db, callId))) notFound();
  const form = await args.request.formData();
  const intent = String(form.get("intent") ?? "");
  if (intent === "transition" || intent === "accept") {
    const step = unlessConfirmed(args.request, form, intent, intent === "transition" ? ["to"] : []);
    if (step) return step;
  }
  const result = await runCallIntent({ db, actor, callId, meta: { ip: args.context.ip } }, intent, form);
  if (!result.ok) {
    if (result.status === 404) notFound();
    return data<ActionResult>({ ok: false, intent, errors: result.errors }, { status: result.status });
  }
  return redirect(`/grants/calls/${callId}`);
}

/** The one message a refused form shows at the top of the page. */
function firstError(errors: FieldErrors | undefined) {
  return (
    errors?.form ??
    errors?.justification ??
    errors?.amount ??
    errors?.reason ??
    errors?.reviewerId ??
    errors?.trancheSignature
  );
}

export default function CallPage() {
  const d = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const { t } = useI18n();
  if (d.transition) return <TransitionStep call={d.call} to={d.transition} />;
  if (d.accept && d.proposal)
    return <AcceptProposalStep call={d.call} proposal={d.proposal} applications={d.applications} />;
  return (
    <div>
      <PageTitle>
        <LocalizedText row={d.call} field="title" />
      </PageTitle>
      <FormAlert message={firstError(actionData?.errors)} />
      <DoneNote notes={{ corrected: "grants.correct.corrected", unchanged: "grants.correct.unchanged" }} />
      <CallFacts call={d.call} />
      <p>
        <Link to={`/grants/calls/${d.call.id}/edit`}>{t("grants.correct.link")}</Link>
      </p>
      <CallScheduleForm call={d.call} />
      <CallRubric criteria={d.criteria} />
      <CallApplications call={d.call} applications={d.applications} />
      <CallAssignments assignments={d.assignments} members={d.members} />
      <CallConflicts conflicts={d.conflicts} />
      <CallRankings ranking={d.ranking} normalised={d.normalised} required={d.call.reviewersPerApplication} />
      {d.proposal ? (
        <CallProposal call={d.call} proposal={d.proposal} applications={d.applications} awards={d.awards} />
      ) : null}
      <CallAwards awards={d.awards} applications={d.applications} />
    </div>
  );
}
