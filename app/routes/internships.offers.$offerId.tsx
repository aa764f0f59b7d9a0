import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { FieldError, FormAlert, PageTitle } from "~/components/form";
import { LocalizedText } from "~/components/localized-text";
import { useI18n } from "~/i18n/i18n-context";
import { parseForm } from "~/lib/forms.server";
import { notFound, requirePermission } from "~/modules/auth/guards.server";
import { beneficiariesOf } from "~/modules/coaching/queries.server";
import { applicationsFor, getOffer, myApplication } from "~/modules/internships/queries.server";
import { ApplySchema, ProposeSchema } from "~/modules/internships/schemas.server";
import { applyToOffer } from "~/modules/internships/service.server";
import { idParam } from "~/lib/params.server";

export async function loader(args: LoaderFunctionArgs) {
  const user = requirePermission(args, "internships:browse");
  const { db } = args.context;
  const found = await getOffer(db, idParam(args, "offerId"));
  if (!found) notFound();
  const staff = user.role !== "applicant";
  return {
    ...found,
    role: user.role,
    mine: user.role === "applicant" ? await myApplication(db, found.offer.id, user.id) : null,
    applications: staff ? await applicationsFor(db, found.offer.id, user.role === "coach" ? user.id : null) : [],
    caseload: user.role === "coach" ? await beneficiariesOf(db, user.id) : [],
  };
}

export async function action(args: ActionFunctionArgs) {
  const user = requirePermission(args, "internships:browse");
  const { db, ip } = args.context;
  const offerId = idParam(args, "offerId");
  if (!(await getOffer(db, offerId))) notFound();
  const form = await args.request.formData();
  let beneficiaryId: string;
  let motivation: string | undefined;
  if (user.role === "applicant") {
    requirePermission(args, "internships:apply");
    const parsed = parseForm(ApplySchema, form);
    if (!parsed.ok) return data(parsed, { status: 400 });
    beneficiaryId = user.id;
    motivation = parsed.data.motivation;
  } else {
    requirePermission(args, "placements:manage");
    const parsed = parseForm(ProposeSchema, form);
    if (!parsed.ok) return data(parsed, { status: 400 });
    beneficiaryId = parsed.data.beneficiaryId;
  }
  const result = await applyToOffer(db, user, { offerId, beneficiaryId, motivation }, { ip });
  if (!result.ok && result.reason === "notFound") notFound();
  if (!result.ok)
    return data(
      { ok: false as const, errors: { form: "internships.errors.alreadyApplied" as const }, values: {} },
      { status: 400 },
    );
  return redirect(`/internships/offers/${offerId}?sent=1`);
}

export default function OfferDetail() {
  const { offer, hostName, role, mine, applications, caseload } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const { t, formatDate, formatMoney } = useI18n();
  return (
    <div>
      <PageTitle>
        <LocalizedText row={offer} field="title" />
      </PageTitle>
      <dl className="facts">
        <dt>{t("internships.field.host")}</dt>
        <dd>{hostName}</dd>
        <dt>{t("internships.field.city")}</dt>
        <dd>{offer.city}</dd>
        <dt>{t("internships.field.sector")}</dt>
        <dd>{offer.sector}</dd>
        <dt>{t("internships.field.startsOn")}</dt>
        <dd>{formatDate(offer.startsOn)}</dd>
        <dt>{t("internships.field.durationWeeks")}</dt>
        <dd>{t("internships.weeks", { count: offer.durationWeeks })}</dd>
        <dt>{t("internships.field.stipend")}</dt>
        <dd>{offer.stipendCentimes > 0 ? formatMoney(offer.stipendCentimes) : t("internships.unpaid")}</dd>
        <dt>{t("internships.field.seats")}</dt>
        <dd>{offer.seats}</dd>
        <dt>{t("internships.field.languages")}</dt>
        <dd>{offer.languages || "—"}</dd>
        <dt>{t("internships.field.requirements")}</dt>
        <dd>{offer.requirementsFr ? <LocalizedText row={offer} field="requirements" /> : "—"}</dd>
      </dl>
      <FormAlert message={actionData?.errors?.form} />
      {role === "applicant" ? (
        mine ? (
          <p className="alert alert-success" data-application={mine.status}>
            {t(`internships.application.${mine.status}`)}
          </p>
        ) : (
          <Form method="post" className="stack narrow">
            <div className="field">
              <label htmlFor="f-motivation">{t("internships.field.motivation")}</label>
              <textarea id="f-motivation" name="motivation" rows={3} />
            </div>
            <button type="submit" className="button">
              {t("internships.apply")}
            </button>
          </Form>
        )
      ) : null}
      {role === "coach" ? (
        <Form method="post" className="stack narrow">
          <div className="field">
            <label htmlFor="f-beneficiaryId">{t("internships.proposeBeneficiary")}</label>
            <select id="f-beneficiaryId" name="beneficiaryId" defaultValue="">
              <option value="">—</option>
              {caseload.map((b) => (
                <option key={b.id} value={b.id}>
                  {b.displayName}
                </option>
              ))}
            </select>
            <FieldError name="beneficiaryId" errors={actionData?.errors} />
          </div>
          <button type="submit" className="button">
            {t("internships.propose")}
          </button>
        </Form>
      ) : null}
      {role !== "applicant" ? (
        <>
          <h2>{t("internships.applications", { count: applications.length })}</h2>
          <ul className="list">
            {applications.map((a) => (
              <li key={a.id} className="list-item">
                <p>
                  {a.displayName} · {t(`internships.application.${a.status}`)} · {formatDate(a.createdAt)}
                </p>
              </li>
            ))}
          </ul>
        </>
      ) : null}
    </div>
  );
}
