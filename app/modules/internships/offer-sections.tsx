import { Form } from "@remix-run/react";
import { SelectField, TextareaField } from "~/components/form";
import { useI18n } from "~/i18n/i18n-context";
import type { FieldErrors } from "~/lib/forms";
import type { beneficiariesOf } from "~/modules/coaching/queries.server";
import type { applicationsFor, getOffer, myApplication } from "./queries.server";

type Offer = NonNullable<Awaited<ReturnType<typeof getOffer>>>["offer"];

/** What an applicant needs to know before applying: host, place, dates, stipend, seats. */
export function OfferFacts({ offer, hostName }: { offer: Offer; hostName: string }) {
  const { t, formatDate, formatMoney } = useI18n();
  return (
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
      <dd>{offer.requirements || "—"}</dd>
    </dl>
  );
}

/** The applicant's own application, or the form to apply with a motivation. */
export function ApplyForm({
  status,
}: {
  status: NonNullable<Awaited<ReturnType<typeof myApplication>>>["status"] | undefined;
}) {
  const { t } = useI18n();
  if (status) {
    return (
      <p className="alert alert-success" data-application={status}>
        {t(`internships.application.${status}`)}
      </p>
    );
  }
  return (
    <Form method="post" className="stack narrow">
      <TextareaField name="motivation" label="internships.field.motivation" />
      <button type="submit" className="button">
        {t("internships.apply")}
      </button>
    </Form>
  );
}

/** A coach proposes one of the people she follows for this offer. */
export function ProposeForm({
  caseload,
  errors,
}: {
  caseload: Awaited<ReturnType<typeof beneficiariesOf>>;
  errors?: FieldErrors;
}) {
  const { t } = useI18n();
  return (
    <Form method="post" className="stack narrow">
      <SelectField
        name="beneficiaryId"
        label="internships.proposeBeneficiary"
        defaultValue=""
        options={[{ value: "", label: "—" }, ...caseload.map((b) => ({ value: b.id, label: b.displayName }))]}
        errors={errors}
      />
      <button type="submit" className="button">
        {t("internships.propose")}
      </button>
    </Form>
  );
}

/** The applications to this offer that a member of staff may see. */
export function OfferApplications({ applications }: { applications: Awaited<ReturnType<typeof applicationsFor>> }) {
  const { t, formatDate } = useI18n();
  return (
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
  );
}
