import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { Field, FormAlert, PageTitle } from "~/components/form";
import { useI18n } from "~/i18n/i18n-context";
import { parseForm } from "~/lib/forms.server";
import { can } from "~/modules/auth/permissions";
import { notFound, requirePermission } from "~/modules/auth/guards.server";
import { audienceGroupOf, getTraining, registrationsOf } from "~/modules/trainings/queries.server";
import { localized } from "~/lib/localized";
import { isEligible } from "~/modules/trainings/rules";
import { CreateCohortSchema, RegistrationSchema } from "~/modules/trainings/schemas.server";
import { cancelRegistration, createCohort, register } from "~/modules/trainings/service.server";

export async function loader(args: LoaderFunctionArgs) {
  const user = requirePermission(args, "trainings:browse");
  const found = await getTraining(args.context.db, args.params.trainingId ?? "");
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
  return {
    ...found,
    mine,
    eligible,
    canRegister: can(user, "trainings:register") && eligible,
    canManage: can(user, "trainings:manage"),
    canStaff: can(user, "trainings:attendance"),
  };
}

export async function action(args: ActionFunctionArgs) {
  const form = await args.request.formData();
  const intent = form.get("intent");
  const trainingId = args.params.trainingId ?? "";
  const { db, ip } = args.context;
  if (intent === "cohort") {
    const actor = requirePermission(args, "trainings:manage");
    if (!(await getTraining(db, trainingId))) notFound();
    const parsed = parseForm(CreateCohortSchema, form);
    if (!parsed.ok) return data(parsed, { status: 400 });
    await createCohort(db, actor, trainingId, parsed.data, { ip });
    return redirect(`/trainings/${trainingId}`);
  }
  const actor = requirePermission(args, "trainings:register");
  if (intent === "cancel") {
    const result = await cancelRegistration(db, actor, String(form.get("registrationId") ?? ""), { ip });
    if (!result.ok) notFound();
    return redirect(`/trainings/${trainingId}`);
  }
  const parsed = parseForm(RegistrationSchema, form);
  if (!parsed.ok) return data(parsed, { status: 400 });
  const found = await getTraining(db, trainingId);
  if (!found?.cohorts.some((c) => c.id === parsed.data.cohortId)) notFound();
  if (!isEligible(found.training.audience, await audienceGroupOf(db, actor.id))) {
    return data(
      { ok: false as const, errors: { form: "trainings.errors.notEligible" as const }, values: {} },
      { status: 400 },
    );
  }
  const result = await register(db, actor, parsed.data.cohortId, { ip });
  if (!result.ok) {
    return data(
      { ok: false as const, errors: { form: "trainings.errors.alreadyRegistered" as const }, values: {} },
      { status: 400 },
    );
  }
  return redirect(`/trainings/${trainingId}?registered=${result.status}`);
}

export default function TrainingDetail() {
  const { training, cohorts, mine, eligible, canRegister, canManage, canStaff } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const { t, locale, formatDate } = useI18n();
  const errors = actionData?.errors;
  return (
    <div>
      <PageTitle>{localized(training, "title", locale)}</PageTitle>
      <p className="hint">
        {t(`trainings.category.${training.category}`)} · {t(`trainings.audience.${training.audience}`)} ·{" "}
        {t("trainings.deliveredIn", { language: training.deliveryLanguage })}
      </p>
      <p className="prose">{localized(training, "description", locale)}</p>
      <p>{t("trainings.rule", { percent: training.minAttendancePercent })}</p>
      <FormAlert message={errors?.form} />
      {!eligible ? <p className="alert alert-error">{t("trainings.errors.notEligible")}</p> : null}
      <h2>{t("trainings.cohorts")}</h2>
      {cohorts.length === 0 ? <p>{t("trainings.noCohorts")}</p> : null}
      <ul className="list">
        {cohorts.map((c) => {
          const reg = mine.find((m) => m.cohortId === c.id);
          const free = Math.max(0, c.capacity - c.confirmedCount);
          return (
            <li key={c.id} className="list-item" data-cohort={c.id}>
              <p>
                <strong>{c.name}</strong> · {formatDate(c.startsOn)} – {formatDate(c.endsOn)}
              </p>
              <p className="hint">{free > 0 ? t("trainings.seatsLeft", { count: free }) : t("trainings.full")}</p>
              {canStaff ? (
                <p>
                  <Link to={`/trainings/cohorts/${c.id}`}>{t("trainings.openCohort")}</Link>
                </p>
              ) : null}
              {canRegister && reg ? (
                <Form method="post" className="actions">
                  <p className="status-line" data-registration={reg.status}>
                    {reg.status === "confirmed"
                      ? t("trainings.youAreConfirmed")
                      : t("trainings.youAreWaiting", { position: reg.position ?? 0 })}
                  </p>
                  <input type="hidden" name="registrationId" value={reg.id} />
                  <button type="submit" name="intent" value="cancel" className="button button-secondary">
                    {t("trainings.cancel")}
                  </button>
                </Form>
              ) : null}
              {canRegister && !reg ? (
                <Form method="post">
                  <input type="hidden" name="cohortId" value={c.id} />
                  <button type="submit" name="intent" value="register" className="button">
                    {free > 0 ? t("trainings.register") : t("trainings.joinWaitingList")}
                  </button>
                </Form>
              ) : null}
            </li>
          );
        })}
      </ul>
      {canManage ? (
        <>
          <h2>{t("trainings.addCohort")}</h2>
          <Form method="post" className="stack narrow" noValidate>
            <input type="hidden" name="intent" value="cohort" />
            <Field
              name="name"
              label="trainings.field.cohortName"
              required
              errors={errors}
              values={actionData?.values}
            />
            <Field
              name="capacity"
              label="trainings.field.capacity"
              type="number"
              inputMode="numeric"
              min={1}
              required
              errors={errors}
              values={actionData?.values}
            />
            <Field
              name="startsOn"
              label="trainings.field.startsOn"
              type="date"
              required
              errors={errors}
              values={actionData?.values}
            />
            <Field
              name="endsOn"
              label="trainings.field.endsOn"
              type="date"
              required
              errors={errors}
              values={actionData?.values}
            />
            <button type="submit" className="button">
              {t("trainings.addCohort")}
            </button>
          </Form>
        </>
      ) : null}
    </div>
  );
}
