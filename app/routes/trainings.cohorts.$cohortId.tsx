import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { PageTitle } from "~/components/form";
import { useI18n } from "~/i18n/i18n-context";
import { parseForm } from "~/lib/forms.server";
import { runIntent } from "~/lib/intents.server";
import { localized } from "~/lib/localized";
import { idParam } from "~/lib/params.server";
import { can } from "~/modules/auth/permissions";
import { notFound, requirePermission } from "~/modules/auth/guards.server";
import { AddSessionForm, CohortParticipants, CohortSessions } from "~/modules/trainings/cohort-sections";
import { getCohort } from "~/modules/trainings/queries.server";
import { AddSessionSchema, RevokeCertificateSchema } from "~/modules/trainings/schemas.server";
import { addSession, revokeCertificate } from "~/modules/trainings/service.server";

export async function loader(args: LoaderFunctionArgs) {
  const user = requirePermission(args, "trainings:attendance");
  const cohort = await getCohort(args.context.db, idParam(args, "cohortId"));
  if (!cohort) notFound();
  return { ...cohort, canManage: can(user, "trainings:manage") };
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
  return runIntent(args, { revoke: handleRevoke }, handleAddSession);
}

export default function CohortPage() {
  const { cohort, training, sessions, participants, canManage } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const { t, locale } = useI18n();
  return (
    <div>
      <PageTitle>
        {localized(training, "title", locale)} · {cohort.name}
      </PageTitle>
      <p>
        {t("trainings.seatsTaken", { taken: cohort.confirmedCount, capacity: cohort.capacity })} ·{" "}
        <Link to={`/trainings/${training.id}`}>{t("trainings.backToTraining")}</Link>
      </p>
      <CohortSessions sessions={sessions} />
      <CohortParticipants participants={participants} sessionCount={sessions.length} canManage={canManage} />
      <AddSessionForm errors={actionData?.errors} values={actionData?.values} />
    </div>
  );
}
