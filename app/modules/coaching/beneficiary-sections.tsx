import { Form } from "@remix-run/react";
import { Link } from "~/components/link";
import { Field, TextareaField } from "~/components/form";
import { LocalizedText } from "~/components/localized-text";
import { useI18n } from "~/i18n/i18n-context";
import type { FormEcho } from "~/lib/forms";
import { HostSelect } from "~/modules/internships/host-sections";
import type { listHosts } from "~/modules/internships/queries.server";
import type { beneficiaryFile } from "./queries.server";

type File = NonNullable<Awaited<ReturnType<typeof beneficiaryFile>>>;

/** The agreed next steps still open, late ones marked, each with its "done" button. */
export function NextSteps({ actions, today }: { actions: File["actions"]; today: string }) {
  const { t, formatDate } = useI18n();
  const open = actions.filter((a) => !a.doneAt);
  return (
    <>
      <h2>{t("coaching.nextSteps")}</h2>
      {open.length === 0 ? <p>{t("coaching.noNextSteps")}</p> : null}
      <ul className="list">
        {open.map((a) => (
          <li key={a.id} className={a.dueOn < today ? "list-item late" : "list-item"}>
            <Form method="post" className="actions">
              <p>
                {a.description} · {t("coaching.due", { date: formatDate(a.dueOn) })}
              </p>
              <input type="hidden" name="actionId" value={a.id} />
              <button type="submit" name="intent" value="done" className="button button-secondary">
                {t("coaching.markDone")}
              </button>
            </Form>
          </li>
        ))}
      </ul>
    </>
  );
}

/** The trainings the person registered for, with the certificate when earned. */
export function TrainingsList({ trainings }: { trainings: File["trainings"] }) {
  const { t } = useI18n();
  return (
    <>
      <h2>{t("coaching.trainings")}</h2>
      <ul className="list">
        {trainings.map((r) => (
          <li key={r.registrationId} className="list-item">
            <p>
              <Link to={`/trainings/${r.trainingId}`}>
                <LocalizedText row={r} field="title" />
              </Link>{" "}
              · {t(`trainings.status.${r.status}`)}
              {r.certificateId ? (
                <>
                  {" · "}
                  <a href={`/trainings/certificates/${r.certificateId}.pdf`}>{t("trainings.certificate")}</a>
                </>
              ) : null}
            </p>
          </li>
        ))}
      </ul>
    </>
  );
}

/** The person's placements, and the form that places her with a host company. */
export function PlacementsSection({
  placements,
  hosts,
  ...echo
}: FormEcho & { placements: File["placements"]; hosts: Awaited<ReturnType<typeof listHosts>> }) {
  const { t, formatDate } = useI18n();
  return (
    <>
      <h2>{t("coaching.internships")}</h2>
      <ul className="list">
        {placements.map((p) => (
          <li key={p.id} className="list-item">
            <Link to={`/placements/${p.id}`}>
              {p.hostName} · {t(`internships.status.${p.status}`)} · {formatDate(p.startsOn)}
            </Link>
          </li>
        ))}
      </ul>
      <details open={Boolean(echo.errors)}>
        <summary>{t("coaching.newPlacement")}</summary>
        <Form method="post" className="stack narrow" noValidate>
          <input type="hidden" name="intent" value="placement" />
          <HostSelect hosts={hosts} {...echo} />
          <Field name="tutorName" label="internships.field.tutor" required {...echo} />
          <Field name="tutorContact" label="internships.field.tutorContact" {...echo} />
          <Field name="startsOn" label="internships.field.startsOn" type="date" required {...echo} />
          <Field name="endsOn" label="internships.field.endsOn" type="date" required {...echo} />
          <Field name="stipend" label="internships.field.stipend" inputMode="decimal" defaultValue="0" {...echo} />
          <button type="submit" className="button">
            {t("coaching.createPlacement")}
          </button>
        </Form>
      </details>
    </>
  );
}

/** Guidance sessions held, and the form for a new one with up to three next steps. */
export function GuidanceSection({
  sessions,
  today,
  ...echo
}: FormEcho & { sessions: File["sessions"]; today: string }) {
  const { t, formatDate } = useI18n();
  return (
    <>
      <h2>{t("coaching.guidance")}</h2>
      <ul className="list">
        {sessions.map((s) => (
          <li key={s.id} className="list-item">
            <p>
              <strong>{formatDate(s.heldOn)}</strong>
            </p>
            <p>{t("coaching.goalsValue", { value: s.goals })}</p>
            {s.obstacles ? <p>{t("coaching.obstaclesValue", { value: s.obstacles })}</p> : null}
          </li>
        ))}
      </ul>
      <details open={Boolean(echo.errors)}>
        <summary>{t("coaching.newGuidance")}</summary>
        <Form method="post" className="stack narrow" noValidate>
          <input type="hidden" name="intent" value="guidance" />
          <Field name="heldOn" label="coaching.field.heldOn" type="date" defaultValue={today} required {...echo} />
          <TextareaField name="goals" label="coaching.field.goals" {...echo} />
          <TextareaField name="obstacles" label="coaching.field.obstacles" rows={2} {...echo} />
          {([1, 2, 3] as const).map((i) => (
            <div key={i} className="step-pair">
              <Field name={`step${i}`} label="coaching.field.step" {...echo} />
              <Field name={`due${i}`} label="coaching.field.due" type="date" {...echo} />
            </div>
          ))}
          <button type="submit" className="button">
            {t("coaching.saveGuidance")}
          </button>
        </Form>
      </details>
    </>
  );
}

/** The job search log (CVs sent, interviews, contacts) and the form for this week's figures. */
export function JobSearchSection({
  searches,
  today,
  ...echo
}: FormEcho & { searches: File["searches"]; today: string }) {
  const { t, formatDate } = useI18n();
  const count = { type: "number", inputMode: "numeric", defaultValue: "0" } as const;
  return (
    <>
      <h2>{t("coaching.jobSearch")}</h2>
      <ul className="list">
        {searches.map((s) => (
          <li key={s.id} className="list-item">
            <p>
              <strong>{formatDate(s.loggedOn)}</strong> ·{" "}
              {t("coaching.jobSearchFigures", { cvs: s.cvsSent, interviews: s.interviews, contacts: s.contacts })}
            </p>
            {s.notes ? <p>{s.notes}</p> : null}
          </li>
        ))}
      </ul>
      <details open={Boolean(echo.errors)}>
        <summary>{t("coaching.newJobSearch")}</summary>
        <Form method="post" className="stack narrow" noValidate>
          <input type="hidden" name="intent" value="jobsearch" />
          <Field name="loggedOn" label="coaching.field.loggedOn" type="date" defaultValue={today} required {...echo} />
          <Field name="cvsSent" label="coaching.field.cvsSent" {...count} {...echo} />
          <Field name="interviews" label="coaching.field.interviews" {...count} {...echo} />
          <Field name="contacts" label="coaching.field.contacts" {...count} {...echo} />
          <TextareaField name="notes" label="internships.field.notes" rows={2} {...echo} />
          <button type="submit" className="button">
            {t("coaching.saveJobSearch")}
          </button>
        </Form>
      </details>
    </>
  );
}
