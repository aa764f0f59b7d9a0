import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { DoneNote, EarlierActNote, PlacelessRefusal } from "~/components/done-note";
import { ErrorSummary } from "~/components/error-summary";
import { data, redirect } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { Link } from "~/components/link";
import { PageTitle } from "~/components/form";
import { useI18n } from "~/i18n/i18n-context";
import { parseForm } from "~/lib/forms.server";
import { runIntent } from "~/lib/intents.server";
import { LocalizedText } from "~/components/localized-text";
import { idParam, parseQuery, query } from "~/lib/params.server";
import { confirmStep, unlessConfirmed } from "~/lib/confirm.server";
import { RevokeStep } from "~/modules/trainings/revoke-step";
import { can } from "~/modules/auth/permissions";
import { notFound, requirePermission } from "~/modules/auth/guards.server";
import { AddSessionForm, CohortParticipants, CohortSessions } from "~/modules/trainings/cohort-sections";
import { getCohort } from "~/modules/trainings/queries.server";
import { mayMoveSession } from "~/modules/trainings/rules";
import { AddSessionSchema, RevokeCertificateSchema } from "~/modules/trainings/schemas.server";
import { addSession, revokeCertificate } from "~/modules/trainings/service.server";

export async function loader(args: LoaderFunctionArgs) {
  const user = requirePermission(args, "trainings:attendance");
  const cohort = await getCohort(args.context.db, idParam(args, "cohortId"));
  if (!cohort) notFound();
  const canManage = can(user, "trainings:manage");
  // the step is offered to who may revoke, for a live certificate of this cohort
  const asked = confirmStep(args, ["revoke"]);
  const { certificateId } = parseQuery(args, { certificateId: query.id() });
  const holder =
    asked === "revoke" && canManage && certificateId
      ? cohort.participants.find((p) => p.certificateId === certificateId)
      : undefined;
  const revoking = holder?.certificateId ? { certificateId: holder.certificateId, name: holder.displayName } : null;
  // the trainer of a session, or an admin, may move it
  const sessions = cohort.sessions.map((s) => ({ ...s, movable: mayMoveSession(user, s) }));
  const { done, promoted } = parseQuery(args, {
    done: query.oneOf(["corrected", "unchanged"]),
    promoted: query.int(0, 1000),
  });
  return { ...cohort, sessions, canManage, revoking, done: done ?? null, promoted: promoted ?? 0 };
}

/** The cohort the path names, for a member of staff who marks attendance; 404 when there is none. */
async function requireCohort(args: ActionFunctionArgs) {
  const actor = requirePermission(args, "trainings:attendance");
  const cohort = await getCohort(args.context.db, idParam(args, "cohortId"));
  if (!cohort) notFound();
  return { actor, cohort };
}

async function handleRevoke(args: ActionFunctionArgs, form: FormData) {
  const { cohort } = await requireCohort(args);
  const admin = requirePermission(args, "trainings:manage");
  const parsed = parseForm(RevokeCertificateSchema, form);
  if (!parsed.ok || !cohort.participants.some((p) => p.certificateId === parsed.data.certificateId)) notFound();
  const step = unlessConfirmed(args.request, form, "revoke", ["certificateId"]);
  if (step) return step;
  await revokeCertificate(args.context.db, admin, parsed.data.certificateId, { ip: args.context.ip });
  return redirect(`/trainings/cohorts/${cohort.cohort.id}`);
}

async function handleAddSession(args: ActionFunctionArgs, form: FormData) {
  const { actor, cohort } = await requireCohort(args);
  const parsed = parseForm(AddSessionSchema, form);
  if (!parsed.ok) return data(parsed, { status: 400 });
  await addSession(args.context.db, actor, cohort.cohort.id, parsed.data, { ip: args.context.ip });
  return redirect(`/trainings/cohorts/${cohort.cohort.id}`);
}

export async function action(args: ActionFunctionArgs) {
  return runIntent(args, { revoke: handleRevoke }, handleAddSession, requireCohort);
}

export default function CohortPage() {
  const { cohort, training, sessions, participants, canManage, revoking, done, promoted } =
    useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const { t } = useI18n();
  const errors = actionData && "errors" in actionData ? actionData.errors : undefined;
  if (revoking) return <RevokeStep cohortId={cohort.id} training={training} holder={revoking} />;
  return (
    <div>
      <PageTitle>
        <LocalizedText row={training} field="title" /> · <LocalizedText row={cohort} field="name" />
      </PageTitle>
      <PlacelessRefusal />
      <p>
        {t("trainings.seatsTaken", { taken: cohort.confirmedCount, capacity: cohort.capacity })} ·{" "}
        <Link to={`/trainings/${training.id}`}>{t("trainings.backToTraining")}</Link>
        {canManage ? (
          <>
            {" · "}
            <Link to={`/trainings/cohorts/${cohort.id}/edit`}>{t("trainings.correctCohort")}</Link>
          </>
        ) : null}
      </p>
      {done === "corrected" && promoted > 0 ? (
        <EarlierActNote when>
          <p className="alert alert-success" role="status">
            {t("trainings.correctCohort.promoted", { count: promoted })}
          </p>
        </EarlierActNote>
      ) : (
        <DoneNote notes={{ corrected: "trainings.correct.corrected", unchanged: "trainings.correct.unchanged" }} />
      )}
      <ErrorSummary
        errors={errors}
        labels={{
          date: "trainings.field.date",
          time: "trainings.field.time",
          durationMinutes: "trainings.field.duration",
          placeFr: "trainings.field.place",
          onlineLink: "trainings.field.onlineLink",
          trainerName: "trainings.field.trainer",
        }}
        order={["date", "time", "durationMinutes", "placeFr", "onlineLink", "trainerName"]}
      />
      <CohortSessions sessions={sessions} />
      <CohortParticipants
        cohortId={cohort.id}
        participants={participants}
        sessionCount={sessions.length}
        canManage={canManage}
      />
      <AddSessionForm errors={errors} values={actionData && "values" in actionData ? actionData.values : undefined} />
    </div>
  );
}
