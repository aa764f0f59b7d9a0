import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { Field, PageTitle } from "~/components/form";
import { useI18n } from "~/i18n/i18n-context";
import { parseForm } from "~/lib/forms.server";
import { can } from "~/modules/auth/permissions";
import { notFound, requirePermission } from "~/modules/auth/guards.server";
import { getCohort } from "~/modules/trainings/queries.server";
import { localized } from "~/lib/localized";
import { attendancePercent } from "~/modules/trainings/rules";
import { AddSessionSchema } from "~/modules/trainings/schemas.server";
import { addSession, revokeCertificate } from "~/modules/trainings/service.server";

export async function loader(args: LoaderFunctionArgs) {
  const user = requirePermission(args, "trainings:attendance");
  const cohort = await getCohort(args.context.db, args.params.cohortId ?? "");
  if (!cohort) notFound();
  return { ...cohort, canManage: can(user, "trainings:manage") };
}

export async function action(args: ActionFunctionArgs) {
  const actor = requirePermission(args, "trainings:attendance");
  const cohortId = args.params.cohortId ?? "";
  const cohort = await getCohort(args.context.db, cohortId);
  if (!cohort) notFound();
  const form = await args.request.formData();
  if (form.get("intent") === "revoke") {
    const admin = requirePermission(args, "trainings:manage");
    const certificateId = String(form.get("certificateId") ?? "");
    if (!cohort.participants.some((p) => p.certificateId === certificateId)) notFound();
    await revokeCertificate(args.context.db, admin, certificateId, { ip: args.context.ip });
    return redirect(`/trainings/cohorts/${cohortId}`);
  }
  const parsed = parseForm(AddSessionSchema, form);
  if (!parsed.ok) return data(parsed, { status: 400 });
  await addSession(args.context.db, actor, cohortId, parsed.data, { ip: args.context.ip });
  return redirect(`/trainings/cohorts/${cohortId}`);
}

export default function CohortPage() {
  const { cohort, training, sessions, participants, canManage } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const { t, locale, formatDate } = useI18n();
  const confirmed = participants.filter((p) => p.status === "confirmed");
  const waiting = participants.filter((p) => p.status === "waiting");
  return (
    <div>
      <PageTitle>
        {localized(training, "title", locale)} · {cohort.name}
      </PageTitle>
      <p>
        {t("trainings.seatsTaken", { taken: cohort.confirmedCount, capacity: cohort.capacity })} ·{" "}
        <Link to={`/trainings/${training.id}`}>{t("trainings.backToTraining")}</Link>
      </p>
      <h2>{t("trainings.sessions")}</h2>
      {sessions.length === 0 ? <p>{t("trainings.noSessions")}</p> : null}
      <ul className="list">
        {sessions.map((s) => (
          <li key={s.id} className="list-item">
            <p>
              <strong>{formatDate(s.startsAt, true)}</strong> · {s.place ?? s.onlineLink}
              {s.trainerName ? ` · ${s.trainerName}` : ""}
            </p>
            <Link to={`/trainings/sessions/${s.id}`}>{t("trainings.markAttendance")}</Link>
          </li>
        ))}
      </ul>
      <h2>{t("trainings.participants", { count: confirmed.length })}</h2>
      <ul className="list">
        {confirmed.map((p) => (
          <li key={p.registrationId} className="list-item">
            <p>
              {p.displayName} · {t("trainings.attended", { percent: attendancePercent(sessions.length, p.present) })}
              {p.certificateId ? (
                <>
                  {" · "}
                  <a href={`/trainings/certificates/${p.certificateId}.pdf`}>{t("trainings.certificate")}</a>
                </>
              ) : null}
            </p>
            {p.certificateId && canManage ? (
              <Form method="post">
                <input type="hidden" name="certificateId" value={p.certificateId} />
                <button type="submit" name="intent" value="revoke" className="button button-danger">
                  {t("trainings.revokeCertificate")}
                </button>
              </Form>
            ) : null}
          </li>
        ))}
      </ul>
      <h2>{t("trainings.waitingList", { count: waiting.length })}</h2>
      <ol>
        {waiting.map((p) => (
          <li key={p.registrationId}>{p.displayName}</li>
        ))}
      </ol>
      <h2>{t("trainings.addSession")}</h2>
      <Form method="post" className="stack narrow" noValidate>
        <Field
          name="date"
          label="trainings.field.date"
          type="date"
          required
          errors={actionData?.errors}
          values={actionData?.values}
        />
        <Field
          name="time"
          label="trainings.field.time"
          type="time"
          required
          errors={actionData?.errors}
          values={actionData?.values}
        />
        <Field
          name="durationMinutes"
          label="trainings.field.duration"
          type="number"
          inputMode="numeric"
          defaultValue="120"
          errors={actionData?.errors}
          values={actionData?.values}
        />
        <Field name="place" label="trainings.field.place" errors={actionData?.errors} values={actionData?.values} />
        <Field
          name="onlineLink"
          label="trainings.field.onlineLink"
          type="url"
          errors={actionData?.errors}
          values={actionData?.values}
        />
        <Field
          name="trainerName"
          label="trainings.field.trainer"
          errors={actionData?.errors}
          values={actionData?.values}
        />
        <button type="submit" className="button">
          {t("trainings.addSession")}
        </button>
      </Form>
    </div>
  );
}
