import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { DoneNote, PlacelessRefusal } from "~/components/done-note";
import { data, redirect } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { Link } from "~/components/link";
import { ErrorSummary } from "~/components/error-summary";
import { PageTitle } from "~/components/form";
import { codeLabels } from "~/i18n/codes";
import { LocalizedText } from "~/components/localized-text";
import { useI18n } from "~/i18n/i18n-context";
import { parseForm } from "~/lib/forms.server";
import { can } from "~/modules/auth/permissions";
import { notFound, requirePermission } from "~/modules/auth/guards.server";
import { audienceGroupOf, getTraining, registrationsOf, sessionsOfCohorts } from "~/modules/trainings/queries.server";
import { cancellationOpen, isEligible, registrationOpen } from "~/modules/trainings/rules";
import { CancelRegistrationSchema, CreateCohortSchema, RegistrationSchema } from "~/modules/trainings/schemas.server";
import { AddCohortForm, CancelSeatStep, RegisteredPanel, TrainingCohorts } from "~/modules/trainings/training-sections";
import { cancelRegistration, createCohort, register } from "~/modules/trainings/service.server";
import { idParam, parseQuery, query } from "~/lib/params.server";
import { runIntent } from "~/lib/intents.server";
import { moroccoToday } from "~/lib/morocco-time";
import { confirmStep, unlessConfirmed } from "~/lib/confirm.server";

export async function loader(args: LoaderFunctionArgs) {
  const user = requirePermission(args, "trainings:browse");
  const found = await getTraining(args.context.db, idParam(args, "trainingId"));
  if (!found) notFound();
  const eligible =
    user.role !== "applicant" || isEligible(found.training.audience, await audienceGroupOf(args.context.db, user.id));
  const mine =
    user.role === "applicant"
      ? await registrationsOf(
          args.context.db,
          user.id,
          found.cohorts.map((c) => c.id),
        )
      : [];
  // giving up a seat is confirmed on a step naming the cohort (one of the applicant's own)
  const cancelId =
    confirmStep(args, ["cancel"]) === "cancel" ? parseQuery(args, { registrationId: query.id() }).registrationId : null;
  const sessions = await sessionsOfCohorts(
    args.context.db,
    found.cohorts.map((c) => c.id),
  );
  return {
    ...found,
    sessions: sessions.map((s) => ({ ...s, startsAt: s.startsAt.toISOString() })),
    today: moroccoToday(),
    mine,
    // not offered once the cohort has ended: the server would refuse it
    cancelling:
      mine.find(
        (r) =>
          r.id === cancelId &&
          found.cohorts.some((c) => c.id === r.cohortId && cancellationOpen(c.endsOn, moroccoToday())),
      ) ?? null,
    eligible,
    canRegister: can(user, "trainings:register") && eligible,
    canManage: can(user, "trainings:manage"),
    canStaff: can(user, "trainings:attendance"),
    // the cohort just registered for (the action's redirect), for its confirmation
    registered: parseQuery(args, { registered: query.id() }).registered ?? null,
  };
}

async function handleCohort(args: ActionFunctionArgs, form: FormData) {
  const trainingId = idParam(args, "trainingId");
  const actor = requirePermission(args, "trainings:manage");
  if (!(await getTraining(args.context.db, trainingId))) notFound();
  const parsed = parseForm(CreateCohortSchema, form);
  if (!parsed.ok) return data(parsed, { status: 400 });
  await createCohort(args.context.db, actor, trainingId, parsed.data, { ip: args.context.ip });
  return redirect(`/trainings/${trainingId}`);
}

async function handleCancel(args: ActionFunctionArgs, form: FormData) {
  const trainingId = idParam(args, "trainingId");
  const actor = requirePermission(args, "trainings:register");
  const parsed = parseForm(CancelRegistrationSchema, form);
  if (!parsed.ok) notFound();
  const found = await getTraining(args.context.db, trainingId);
  const own = found
    ? await registrationsOf(
        args.context.db,
        actor.id,
        found.cohorts.map((c) => c.id),
      )
    : [];
  if (!own.some((r) => r.id === parsed.data.registrationId)) notFound();
  const step = unlessConfirmed(args.request, form, "cancel", ["registrationId"]);
  if (step) return step;
  const result = await cancelRegistration(args.context.db, actor, parsed.data.registrationId, { ip: args.context.ip });
  if (!result.ok && result.status === 404) notFound();
  if (!result.ok) return data({ ok: false as const, errors: result.errors, values: {} }, { status: result.status });
  return redirect(`/trainings/${trainingId}`);
}

function refused(form: "trainings.errors.notEligible" | "trainings.errors.cohortEnded") {
  return data({ ok: false as const, errors: { form }, values: {} }, { status: 400 });
}

async function handleRegister(args: ActionFunctionArgs, form: FormData) {
  const trainingId = idParam(args, "trainingId");
  const actor = requirePermission(args, "trainings:register");
  const { db, ip } = args.context;
  const parsed = parseForm(RegistrationSchema, form);
  if (!parsed.ok) return data(parsed, { status: 400 });
  const found = await getTraining(db, trainingId);
  const cohort = found?.cohorts.find((c) => c.id === parsed.data.cohortId);
  if (!found || !cohort) notFound();
  if (!isEligible(found.training.audience, await audienceGroupOf(db, actor.id))) {
    return refused("trainings.errors.notEligible");
  }
  if (!registrationOpen(cohort.endsOn, moroccoToday())) return refused("trainings.errors.cohortEnded");
  const result = await register(db, actor, parsed.data.cohortId, { ip });
  if (!result.ok && result.status === 404) notFound();
  if (!result.ok) return data({ ok: false as const, errors: result.errors, values: {} }, { status: 400 });
  return redirect(`/trainings/${trainingId}?registered=${parsed.data.cohortId}`);
}

export async function action(args: ActionFunctionArgs) {
  return runIntent(
    args,
    { cohort: handleCohort, cancel: handleCancel, register: handleRegister },
    handleRegister,
    (a) => requirePermission(a, "trainings:browse"),
  );
}

/** The fields of the staff's cohort form, with their labels, for the error summary. */
const COHORT_LABELS = {
  nameFr: "trainings.field.cohortName",
  nameAr: "trainings.field.cohortName",
  nameEn: "trainings.field.cohortName",
  capacity: "trainings.field.capacity",
  startsOn: "trainings.field.startsOn",
  endsOn: "trainings.field.endsOn",
} as const;

export default function TrainingDetail() {
  const data = useLoaderData<typeof loader>();
  const { training, cohorts, sessions, today, mine, eligible, canRegister, canManage, canStaff, cancelling } = data;
  const actionData = useActionData<typeof action>();
  const { t } = useI18n();
  const cancelCohort = cancelling ? cohorts.find((c) => c.id === cancelling.cohortId) : undefined;
  if (cancelling && cancelCohort)
    return <CancelSeatStep trainingId={training.id} cohort={cancelCohort} reg={cancelling} />;
  const errors = actionData?.errors;
  return (
    <div>
      <PageTitle>
        <LocalizedText row={training} field="title" />
      </PageTitle>
      <PlacelessRefusal />
      <RegisteredPanel
        reg={mine.find((r) => r.cohortId === data.registered)}
        minAttendancePercent={training.minAttendancePercent}
      />
      <p className="hint">
        {t(`trainings.category.${training.category}`)} · {t(`trainings.audience.${training.audience}`)} ·{" "}
        {t("trainings.deliveredIn", { language: codeLabels(t, "language", training.deliveryLanguages) })}
      </p>
      <p className="prose">
        <LocalizedText row={training} field="description" />
      </p>
      <p>{t("trainings.rule", { percent: training.minAttendancePercent })}</p>
      <DoneNote notes={{ corrected: "trainings.correct.corrected", unchanged: "trainings.correct.unchanged" }} />
      {canManage ? (
        <p>
          <Link to={`/trainings/${training.id}/edit`}>{t("trainings.correct")}</Link>
        </p>
      ) : null}
      <ErrorSummary errors={errors} labels={COHORT_LABELS} order={Object.keys(COHORT_LABELS)} />
      {!eligible ? <p className="alert alert-error">{t("trainings.errors.notEligible")}</p> : null}
      <TrainingCohorts
        cohorts={cohorts}
        sessions={sessions}
        today={today}
        mine={mine}
        canRegister={canRegister}
        canStaff={canStaff}
      />
      {canManage ? <AddCohortForm errors={errors} values={actionData?.values} /> : null}
    </div>
  );
}
