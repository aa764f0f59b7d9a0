import { Form } from "@remix-run/react";
import { Link } from "~/components/link";
import { SelectField, TextareaField } from "~/components/form";
import { ConfirmLink, ConfirmStep } from "~/components/confirm-step";
import { LocalizedText, useLocalizedLabel } from "~/components/localized-text";
import { codeLabel, codeLabels } from "~/i18n/codes";
import { useI18n } from "~/i18n/i18n-context";
import type { FieldErrors, FormEcho } from "~/lib/forms";
import type { beneficiariesOf } from "~/modules/coaching/queries.server";
import type { applicationsFor, getOffer, myApplication } from "./queries.server";
import { mayAnswerApplication } from "./rules";

type Offer = NonNullable<Awaited<ReturnType<typeof getOffer>>>["offer"];

/** What an applicant needs to know before applying: host, place, dates, stipend, seats. */
export function OfferFacts({ offer, hostName }: { offer: Offer; hostName: string }) {
  const { t, formatDate, formatMoney } = useI18n();
  return (
    <dl className="facts">
      <dt>{t("internships.field.host")}</dt>
      <dd>{hostName}</dd>
      <dt>{t("internships.field.city")}</dt>
      <dd>{codeLabel(t, "city", offer.city)}</dd>
      <dt>{t("internships.field.sector")}</dt>
      <dd>{codeLabel(t, "sector", offer.sector)}</dd>
      <dt>{t("internships.field.startsOn")}</dt>
      <dd>{formatDate(offer.startsOn)}</dd>
      <dt>{t("internships.field.durationWeeks")}</dt>
      <dd>{t("internships.weeks", { count: offer.durationWeeks })}</dd>
      <dt>{t("internships.field.stipend")}</dt>
      <dd>{offer.stipendCentimes > 0 ? formatMoney(offer.stipendCentimes) : t("internships.unpaid")}</dd>
      <dt>{t("internships.field.seats")}</dt>
      <dd>{offer.seats}</dd>
      <dt>{t("internships.field.languages")}</dt>
      <dd>{offer.languages.length ? codeLabels(t, "language", offer.languages) : "—"}</dd>
      <dt>{t("internships.field.requirements")}</dt>
      <dd>{offer.requirementsFr ? <LocalizedText row={offer} field="requirements" /> : "—"}</dd>
    </dl>
  );
}

/** The applicant's own application, or the form to apply with a motivation. */
export function ApplyForm({
  status,
  sent = false,
  reason,
  closed,
  errors,
  values,
}: FormEcho & {
  status: NonNullable<Awaited<ReturnType<typeof myApplication>>>["status"] | undefined;
  reason?: string | null;
  closed: boolean;
  /** just sent: the receipt, and what happens next */
  sent?: boolean;
}) {
  const { t } = useI18n();
  if (status === "submitted" && sent) {
    return (
      <section className="panel-confirmation" data-testid="sent" aria-labelledby="sent-title">
        <h2 id="sent-title">{t("internships.sent.title")}</h2>
        <p>{t("internships.sent.next")}</p>
      </section>
    );
  }
  if (status) {
    return (
      <p className="alert alert-success" data-application={status}>
        {t(`internships.application.${status}`)}
        {reason ? (
          <>
            <br />
            {t("internships.answerReason", { reason })}
          </>
        ) : null}
      </p>
    );
  }
  if (closed) return <p className="alert">{t("internships.closed")}</p>;
  return (
    <Form method="post" className="stack narrow" noValidate>
      <TextareaField
        name="motivation"
        label="internships.field.motivation"
        maxLength={2000}
        errors={errors}
        values={values}
      />
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

type Application = Awaited<ReturnType<typeof applicationsFor>>[number];

/**
 * The applications to this offer that a member of staff may see; with `path` (staff who
 * record the host's answer), each one still waiting has its two answers: "accepted" at
 * once, "not retained" through its confirmation step.
 */
export function OfferApplications({ applications, path }: { applications: Application[]; path: string | null }) {
  const { t, formatDate } = useI18n();
  const answering = path !== null && applications.some((a) => mayAnswerApplication(a.status));
  return (
    <>
      <h2>{t("internships.applications", { count: applications.length })}</h2>
      {answering ? <p>{t("internships.answer.hint")}</p> : null}
      <ul className="list">
        {applications.map((a) => (
          <li key={a.id} className="list-item" data-application-id={a.id}>
            <p>
              <bdi>{a.displayName}</bdi> · {t(`internships.application.${a.status}`)} · {formatDate(a.createdAt)}
            </p>
            {path !== null && mayAnswerApplication(a.status) ? (
              <div className="actions">
                <Form method="post">
                  <input type="hidden" name="intent" value="answer" />
                  <input type="hidden" name="applicationId" value={a.id} />
                  <button type="submit" name="answer" value="accepted" className="button">
                    {t("internships.answer.accept")}
                  </button>
                </Form>
                <ConfirmLink path={path} intent="decline" extra={{ applicationId: a.id }}>
                  {t("internships.answer.decline")}
                </ConfirmLink>
              </div>
            ) : null}
          </li>
        ))}
      </ul>
    </>
  );
}

/** "Not retained", with the reason the person reads: she is told, and the answer cannot change. */
export function DeclineStep({
  application,
  path,
  errors,
  values,
}: FormEcho & {
  application: Application;
  path: string;
}) {
  const { t } = useI18n();
  const name = application.displayName;
  return (
    <ConfirmStep
      title="internships.confirm.decline.title"
      titleValues={{ name }}
      intent="decline"
      hidden={{ applicationId: application.id, answer: "declined" }}
      confirmLabel="internships.confirm.decline.button"
      cancelTo={path}
      fields={
        <TextareaField
          name="reason"
          label="internships.field.answerReason"
          maxLength={1000}
          required
          errors={errors}
          values={values}
        />
      }
    >
      <p>{t("internships.confirm.decline.effects", { name })}</p>
    </ConfirmStep>
  );
}

/** Closing the offer: no new application, the applications still waiting are not retained and told. */
export function CloseOfferStep({ offer, waiting, path }: { offer: Offer; waiting: number; path: string }) {
  const { t } = useI18n();
  const label = useLocalizedLabel();
  return (
    <ConfirmStep
      title="internships.confirm.close.title"
      titleValues={{ offer: label(offer, "title") }}
      intent="close"
      confirmLabel="internships.confirm.close.button"
      cancelTo={path}
    >
      <p>{t("internships.confirm.close.effects", { count: waiting })}</p>
    </ConfirmStep>
  );
}

/** For the staff who manage offers: correct it, and (apart, in the danger zone) close it. */
export function OfferManagement({ offer, path }: { offer: Offer; path: string }) {
  const { t } = useI18n();
  return (
    <>
      <p>
        {t("internships.seatsAccepted", { accepted: offer.acceptedCount, seats: offer.seats })} ·{" "}
        <Link to={`${path}/edit`}>{t("internships.correctOffer")}</Link>
      </p>
      {offer.isOpen ? (
        <p className="danger-zone">
          <ConfirmLink path={path} intent="close">
            {t("internships.close")}
          </ConfirmLink>
        </p>
      ) : null}
    </>
  );
}
