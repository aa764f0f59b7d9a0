import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { Field, FieldError, PageTitle } from "~/components/form";
import { useI18n } from "~/i18n/i18n-context";
import { moroccoToday } from "~/lib/morocco-time";
import { formValues, parseForm } from "~/lib/forms.server";
import { notFound, requirePermission } from "~/modules/auth/guards.server";
import { beneficiaryFile } from "~/modules/coaching/queries.server";
import { GuidanceSchema, JobSearchSchema } from "~/modules/coaching/schemas.server";
import { completeAction, logJobSearch, recordGuidance } from "~/modules/coaching/service.server";
import { listHosts } from "~/modules/internships/queries.server";
import { CreatePlacementSchema } from "~/modules/internships/schemas.server";
import { createPlacement, mayFollow } from "~/modules/internships/service.server";
import { localized } from "~/lib/localized";
import { idParam } from "~/lib/params.server";

async function load(args: LoaderFunctionArgs | ActionFunctionArgs) {
  const user = requirePermission(args, "coaching:follow");
  const beneficiaryId = idParam(args, "beneficiaryId");
  // another coach's beneficiary answers exactly like one that does not exist
  if (!(await mayFollow(args.context.db, user, beneficiaryId))) notFound();
  const file = await beneficiaryFile(args.context.db, beneficiaryId);
  if (!file) notFound();
  return { user, file, beneficiaryId };
}

export async function loader(args: LoaderFunctionArgs) {
  const { file } = await load(args);
  return { ...file, hosts: await listHosts(args.context.db), today: moroccoToday() };
}

export async function action(args: ActionFunctionArgs) {
  const { user, beneficiaryId } = await load(args);
  const { db, ip } = args.context;
  const form = await args.request.formData();
  const intent = String(form.get("intent") ?? "");
  const back = redirect(`/coaching/beneficiaries/${beneficiaryId}`);
  const fail = (errors: Record<string, unknown>, values: Record<string, string>) =>
    data({ ok: false as const, intent, errors, values }, { status: 400 });
  if (intent === "guidance") {
    const parsed = parseForm(GuidanceSchema, form);
    if (!parsed.ok) return fail(parsed.errors, parsed.values);
    await recordGuidance(db, user, beneficiaryId, parsed.data, { ip });
    return back;
  }
  if (intent === "jobsearch") {
    const parsed = parseForm(JobSearchSchema, form);
    if (!parsed.ok) return fail(parsed.errors, parsed.values);
    await logJobSearch(db, user, beneficiaryId, parsed.data, { ip });
    return back;
  }
  if (intent === "done") {
    await completeAction(db, user, beneficiaryId, String(form.get("actionId") ?? ""), { ip });
    return back;
  }
  if (intent === "placement") {
    form.set("beneficiaryId", beneficiaryId);
    const parsed = parseForm(CreatePlacementSchema, form);
    if (!parsed.ok) return fail(parsed.errors, parsed.values);
    const result = await createPlacement(db, user, parsed.data, { ip });
    if (!result.ok) {
      if ("notFound" in result) notFound();
      return fail(result.errors, formValues(form));
    }
    return redirect(`/placements/${result.id}`);
  }
  return fail({ form: "errors.invalid" }, {});
}

export default function BeneficiaryFile() {
  const { person, trainings, placements, sessions, actions, searches, hosts, today } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const { t, locale, formatDate } = useI18n();
  const errorsFor = (intent: string) =>
    actionData?.intent === intent ? (actionData.errors as Record<string, never>) : undefined;
  const valuesFor = (intent: string) => (actionData?.intent === intent ? actionData.values : undefined);
  const open = actions.filter((a) => !a.doneAt);
  return (
    <div>
      <PageTitle>{person.displayName}</PageTitle>
      <p className="hint">{[person.phone, person.email].filter(Boolean).join(" · ")}</p>
      <p>
        <a className="button button-secondary" href={`/cv/${person.id}.pdf`}>
          {t("coaching.cv.print")}
        </a>
      </p>

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

      <h2>{t("coaching.trainings")}</h2>
      <ul className="list">
        {trainings.map((r) => (
          <li key={r.registrationId} className="list-item">
            <p>
              <Link to={`/trainings/${r.trainingId}`}>{localized(r, "title", locale)}</Link> ·{" "}
              {t(`trainings.status.${r.status}`)}
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
      <details>
        <summary>{t("coaching.newPlacement")}</summary>
        <Form method="post" className="stack narrow" noValidate>
          <input type="hidden" name="intent" value="placement" />
          <div className="field">
            <label htmlFor="f-hostId">{t("internships.field.host")}</label>
            <select id="f-hostId" name="hostId" defaultValue={valuesFor("placement")?.hostId ?? ""}>
              <option value="">—</option>
              {hosts.map((h) => (
                <option key={h.id} value={h.id}>
                  {h.name}
                </option>
              ))}
            </select>
            <FieldError name="hostId" errors={errorsFor("placement")} />
          </div>
          <Field
            name="tutorName"
            label="internships.field.tutor"
            required
            errors={errorsFor("placement")}
            values={valuesFor("placement")}
          />
          <Field
            name="tutorContact"
            label="internships.field.tutorContact"
            errors={errorsFor("placement")}
            values={valuesFor("placement")}
          />
          <Field
            name="startsOn"
            label="internships.field.startsOn"
            type="date"
            required
            errors={errorsFor("placement")}
            values={valuesFor("placement")}
          />
          <Field
            name="endsOn"
            label="internships.field.endsOn"
            type="date"
            required
            errors={errorsFor("placement")}
            values={valuesFor("placement")}
          />
          <Field
            name="stipend"
            label="internships.field.stipend"
            inputMode="decimal"
            defaultValue="0"
            errors={errorsFor("placement")}
            values={valuesFor("placement")}
          />
          <button type="submit" className="button">
            {t("coaching.createPlacement")}
          </button>
        </Form>
      </details>

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
      <details>
        <summary>{t("coaching.newGuidance")}</summary>
        <Form method="post" className="stack narrow" noValidate>
          <input type="hidden" name="intent" value="guidance" />
          <Field
            name="heldOn"
            label="coaching.field.heldOn"
            type="date"
            defaultValue={today}
            required
            errors={errorsFor("guidance")}
            values={valuesFor("guidance")}
          />
          <div className="field">
            <label htmlFor="f-goals">{t("coaching.field.goals")}</label>
            <textarea id="f-goals" name="goals" rows={3} defaultValue={valuesFor("guidance")?.goals} />
            <FieldError name="goals" errors={errorsFor("guidance")} />
          </div>
          <div className="field">
            <label htmlFor="f-obstacles">{t("coaching.field.obstacles")}</label>
            <textarea id="f-obstacles" name="obstacles" rows={2} defaultValue={valuesFor("guidance")?.obstacles} />
          </div>
          {([1, 2, 3] as const).map((i) => (
            <div key={i} className="step-pair">
              <Field
                name={`step${i}`}
                label="coaching.field.step"
                errors={errorsFor("guidance")}
                values={valuesFor("guidance")}
              />
              <Field
                name={`due${i}`}
                label="coaching.field.due"
                type="date"
                errors={errorsFor("guidance")}
                values={valuesFor("guidance")}
              />
            </div>
          ))}
          <button type="submit" className="button">
            {t("coaching.saveGuidance")}
          </button>
        </Form>
      </details>

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
      <details>
        <summary>{t("coaching.newJobSearch")}</summary>
        <Form method="post" className="stack narrow" noValidate>
          <input type="hidden" name="intent" value="jobsearch" />
          <Field
            name="loggedOn"
            label="coaching.field.loggedOn"
            type="date"
            defaultValue={today}
            required
            errors={errorsFor("jobsearch")}
            values={valuesFor("jobsearch")}
          />
          <Field
            name="cvsSent"
            label="coaching.field.cvsSent"
            type="number"
            inputMode="numeric"
            defaultValue="0"
            errors={errorsFor("jobsearch")}
            values={valuesFor("jobsearch")}
          />
          <Field
            name="interviews"
            label="coaching.field.interviews"
            type="number"
            inputMode="numeric"
            defaultValue="0"
            errors={errorsFor("jobsearch")}
            values={valuesFor("jobsearch")}
          />
          <Field
            name="contacts"
            label="coaching.field.contacts"
            type="number"
            inputMode="numeric"
            defaultValue="0"
            errors={errorsFor("jobsearch")}
            values={valuesFor("jobsearch")}
          />
          <div className="field">
            <label htmlFor="f-jsnotes">{t("internships.field.notes")}</label>
            <textarea id="f-jsnotes" name="notes" rows={2} />
          </div>
          <button type="submit" className="button">
            {t("coaching.saveJobSearch")}
          </button>
        </Form>
      </details>
    </div>
  );
}
