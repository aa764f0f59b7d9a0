import { labelled, type MessageKey } from "~/i18n/translate";
import { Fragment } from "react";
import { Form } from "@remix-run/react";
import { Link } from "~/components/link";
import { Field, FormAlert, SelectField } from "~/components/form";
import { isTicked } from "~/lib/forms";
import { useI18n } from "~/i18n/i18n-context";
import { SERVICE_KINDS } from "../constants";
import { serviceInProgress, VULNERABILITIES, type Vulnerability } from "../rules";
import type { CaseFileData } from "./data.server";
import { CaseFormLink } from "./form-page";
import { NotShared, Pager, Section, useIntentResult } from "./section";

/** Details whose values are codes to translate; the others are free text or dates. */
const ENUM_DETAILS = new Set(["reasonCategory", "outcome", "urgency", "sessionType", "legalType"]);

export function VulnerabilitySection({ d }: { d: CaseFileData }) {
  const { t, formatDate } = useI18n();
  if (!d.sections.vulnerability) return <NotShared title="protection.vulnerability.title" id="vulnerability" />;
  return (
    <Section title="protection.vulnerability.title" id="vulnerability">
      {d.vulnerability ? (
        <div data-testid="vulnerability">
          <p className="hint">{formatDate(d.vulnerability.assessedOn)}</p>
          <ul>
            {d.vulnerability.flags.map((f) => (
              <li key={f}>{t(`protection.vulnerability.${f}`)}</li>
            ))}
          </ul>
          {d.vulnerability.notes ? (
            <p className="message-body" dir="auto">
              {d.vulnerability.notes}
            </p>
          ) : null}
        </div>
      ) : (
        <p>{t("protection.vulnerability.none")}</p>
      )}
      {d.own && !d.case.anonymisedAt ? (
        <CaseFormLink caseId={d.case.id} page="assessment" label="protection.vulnerability.assess" />
      ) : null}
    </Section>
  );
}

/** A new assessment, on its own page (protection.cases.$caseId.assessment): the latest one's flags ticked. */
export function VulnerabilityForm({ d }: { d: { flags: readonly Vulnerability[]; today: string } }) {
  const { t } = useI18n();
  const { errors, values } = useIntentResult("vulnerability");
  return (
    <Form method="post" className="stack">
      <input type="hidden" name="intent" value="vulnerability" />
      {VULNERABILITIES.map((v) => (
        <label key={v} className="checkbox">
          {/* a refused form ticks what was posted, not the previous assessment's flags */}
          <input
            type="checkbox"
            name="flags"
            value={v}
            defaultChecked={values ? isTicked(values, "flags", v) : d.flags.includes(v)}
          />{" "}
          {t(`protection.vulnerability.${v}`)}
        </label>
      ))}
      <div className="field">
        <label htmlFor="f-vnotes">{t("protection.vulnerability.notes")}</label>
        <textarea id="f-vnotes" name="notes" rows={3} defaultValue={values?.notes} />
      </div>
      <Field
        name="assessedOn"
        label="protection.vulnerability.date"
        type="date"
        defaultValue={d.today}
        errors={errors}
        values={values}
      />
      <button type="submit" className="button">
        {t("protection.vulnerability.assess")}
      </button>
    </Form>
  );
}

type Service = CaseFileData["services"][number];

const SERVICE_GROUPS = [
  ["protection.services.inProgress", true],
  ["protection.services.finished", false],
] as const;

export function ServicesSection({ d }: { d: CaseFileData }) {
  const { t } = useI18n();
  // the owner, or a receiving association once it accepted, records services (its own)
  const live = !d.case.anonymisedAt && d.reach !== "pending";
  const { errors } = useIntentResult("status");
  return (
    <Section title="protection.services.title" id="services">
      {d.sections.services ? null : <p className="hint">{t("protection.partner.ownOnly")}</p>}
      {live ? (
        <p className="actions">
          {SERVICE_KINDS.map((k) => (
            <Link
              key={k}
              className="button button-secondary"
              to={`/protection/cases/${d.case.id}/services/new?kind=${k}`}
            >
              + {t(`protection.service.${k}`)}
            </Link>
          ))}
        </p>
      ) : null}
      <FormAlert message={errors?.status} />
      {d.services.length === 0 && d.pages.services === 1 ? <p>{t("protection.services.none")}</p> : null}
      {/* the ones in progress come first (a page may hold the end of them and the start of the finished) */}
      {SERVICE_GROUPS.map(([title, inProgress]) => {
        const group = d.services.filter((s) => serviceInProgress(s.kind, s.status) === inProgress);
        return group.length ? (
          <Fragment key={title}>
            <h3>{t(title)}</h3>
            <ul className="list">
              {group.map((s) => (
                <ServiceItem key={s.id} s={s} live={live} caseId={d.case.id} />
              ))}
            </ul>
          </Fragment>
        ) : null;
      })}
      <Pager
        caseId={d.case.id}
        pages={d.pages}
        list="services"
        count={d.pageCounts.services}
        before="protection.services.before"
        after="protection.services.after"
      />
    </Section>
  );
}

function ServiceItem({ s, live, caseId }: { s: Service; live: boolean; caseId: string }) {
  const { t, formatDate, formatMoney } = useI18n();
  return (
    <li className={s.overdue ? "list-item overdue" : "list-item"} data-service={s.kind}>
      <p>
        <strong>{t(`protection.service.${s.kind}`)}</strong> · {formatDate(s.serviceDate)} ·{" "}
        {t(`protection.serviceStatus.${s.status}` as MessageKey)}
        {s.overdue ? ` · ${t("protection.services.overdue")}` : ""}
      </p>
      <p className="hint">
        {Object.entries(s.details)
          .filter(([, v]) => v !== null && v !== "")
          .map(
            ([k, v]) =>
              `${labelled(t, `protection.detail.${k}` as MessageKey)} ${ENUM_DETAILS.has(k) ? t(`protection.value.${v}` as MessageKey) : v}`,
          )
          .join(" · ")}
        {s.provider ? ` · ${s.provider}` : ""}
        {s.costCentimes ? ` · ${formatMoney(s.costCentimes)}` : ""}
        {s.dueDate ? ` · ${labelled(t, "protection.services.due")} ${formatDate(s.dueDate)}` : ""}
      </p>
      {s.notes ? (
        <p className="message-body" dir="auto">
          {s.notes}
        </p>
      ) : null}
      {s.next.length && live ? <StatusForm s={s} /> : null}
      {s.correctable && live ? (
        <p>
          <Link to={`/protection/cases/${caseId}/services/${s.id}`}>{t("protection.correct.serviceLink")}</Link>
        </p>
      ) : null}
    </li>
  );
}

function StatusForm({ s }: { s: Service }) {
  const { t } = useI18n();
  // a refused update comes back to the form of its own service only
  const result = useIntentResult("status");
  const { errors, values } = result.values?.serviceId === s.id ? result : {};
  return (
    <Form method="post" className="filters">
      <input type="hidden" name="intent" value="status" />
      <input type="hidden" name="serviceId" value={s.id} />
      <FormAlert message={errors?.form} />
      <SelectField
        inline
        id={`f-status-${s.id}`}
        name="status"
        label="protection.services.nextStatus"
        values={values}
        options={s.next.map((n) => ({ value: n, label: t(`protection.serviceStatus.${n}` as MessageKey) }))}
      />
      {s.kind === "hospital_referral" ? (
        <Field
          name="dueDate"
          id={`f-due-${s.id}`}
          label="protection.services.followUp"
          inline
          type="date"
          errors={errors}
          values={values}
        />
      ) : null}
      <button type="submit" className="button button-secondary">
        {t("protection.services.update")}
      </button>
    </Form>
  );
}
