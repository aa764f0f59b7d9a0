/** The sections of a call's page up to the review (no data access): facts, schedule, applications, assignments, conflicts. */
import { Form } from "@remix-run/react";
import type { ReactNode } from "react";
import { ConfirmLink, ConfirmStep } from "~/components/confirm-step";
import { CheckboxField, Field, SelectField } from "~/components/form";
import { DataTable } from "~/components/table-wrap";
import { LocalizedText, useLocalizedLabel } from "~/components/localized-text";
import { useI18n } from "~/i18n/i18n-context";
import type { MessageKey } from "~/i18n/translate";
import type { loadCallPage } from "./call-page.server";
import { Msg } from "./ui";
import { listOf } from "~/i18n/codes";

export type CallPageData = NonNullable<Awaited<ReturnType<typeof loadCallPage>>>;
type Call = CallPageData["call"];

/** A form posting one intent to the call's page, with the hidden fields that say on what. */
export function IntentForm({
  intent,
  fields = {},
  className,
  children,
}: {
  intent: string;
  fields?: Record<string, string>;
  className?: string;
  children: ReactNode;
}) {
  return (
    <Form method="post" className={className}>
      <input type="hidden" name="intent" value={intent} />
      {Object.entries(fields).map(([name, value]) => (
        <input key={name} type="hidden" name={name} value={value} />
      ))}
      {children}
    </Form>
  );
}

/** A form that is one button. */
export function IntentButton({
  intent,
  fields,
  label,
}: {
  intent: string;
  fields?: Record<string, string>;
  label: string;
}) {
  return (
    <IntentForm intent={intent} fields={fields}>
      <button type="submit" className="button">
        {label}
      </button>
    </IntentForm>
  );
}

export function CallFacts({ call }: { call: Call }) {
  const { t, formatDate, formatMoney } = useI18n();
  return (
    <>
      <dl className="facts">
        <dt>{t("grants.call.status")}</dt>
        <dd data-testid="call-status">{t(`grants.status.${call.status}`)}</dd>
        <dt>{t("grants.call.closes")}</dt>
        <dd>{formatDate(call.closesAt, true)}</dd>
        <dt>{t("grants.call.reviewDeadline")}</dt>
        <dd>{formatDate(call.reviewDeadline, true)}</dd>
        <dt>{t("grants.call.budget")}</dt>
        <dd>{formatMoney(call.budgetCentimes)}</dd>
        <dt>{t("grants.call.maxGrant")}</dt>
        <dd>{formatMoney(call.maxGrantCentimes)}</dd>
        <dt>{t("grants.call.awarded")}</dt>
        <dd data-testid="call-awarded">{formatMoney(call.awardedCentimes)}</dd>
      </dl>
      {call.next ? (
        // every step of a call is one-way: each goes through its confirmation step
        <p>
          <ConfirmLink path={`/grants/calls/${call.id}`} intent="transition" extra={{ to: call.next }}>
            {t(`grants.transition.${call.next}`)}
          </ConfirmLink>
        </p>
      ) : null}
      <p>
        <a href={`/grants/calls/${call.id}/applicants.csv`}>{t("grants.call.exportApplicants")}</a> ·{" "}
        <a href={`/grants/calls/${call.id}/ranking.csv`}>{t("grants.call.exportRanking")}</a> ·{" "}
        <a href={`/grants/calls/${call.id}/decisions.csv`}>{t("grants.call.exportDecisions")}</a> ·{" "}
        <a href={`/grants/calls/${call.id}/report.pdf`}>{t("grants.call.report")}</a>
      </p>
    </>
  );
}

const TRANCHE_FIELDS = [
  ["trancheSignature", "signature"],
  ["trancheStarted", "business_started"],
  ["trancheSixMonths", "six_months"],
] as const;

/** The payment schedule, in percent of each award, until the call is decided. */
export function CallScheduleForm({ call }: { call: Call }) {
  const { t } = useI18n();
  if (call.status === "decided") return null;
  return (
    <IntentForm intent="schedule" className="filters">
      {TRANCHE_FIELDS.map(([name, condition]) => (
        <label key={name}>
          {t(`grants.condition.${condition}`)} (%)
          <input
            name={name}
            type="number"
            min={0}
            max={100}
            inputMode="numeric"
            defaultValue={call.tranches.find((tr) => tr.condition === condition)?.percent ?? 0}
          />
        </label>
      ))}
      <CheckboxField
        name="trancheSixMonthsMilestone"
        label="grants.field.sixMonthsMilestone"
        checked={call.tranches.some((tr) => tr.condition === "six_months" && tr.coachMilestone)}
      />
      <button type="submit" className="button">
        {t("grants.call.saveSchedule")}
      </button>
    </IntentForm>
  );
}

export function CallRubric({ criteria }: { criteria: CallPageData["criteria"] }) {
  const { t } = useI18n();
  return (
    <>
      <h2>{t("grants.call.rubric")}</h2>
      <ul className="list">
        {criteria.map((c) => (
          <li key={c.id} className="list-item">
            <LocalizedText row={c} field="label" /> · /{c.maxScore} · {c.weight} %
          </li>
        ))}
      </ul>
    </>
  );
}

const SCREENABLE = ["submitted", "eligible", "ineligible"];

function ApplicationItem({ call, a }: { call: Call; a: CallPageData["applications"][number] }) {
  const { t, formatMoney } = useI18n();
  return (
    <li className="list-item stack">
      <p>
        <strong>{t("grants.applicationNo", { number: a.number })}</strong> · {a.applicantName} ·{" "}
        {t(`grants.app.status.${a.status}`)} · {formatMoney(a.requestedCentimes)}
      </p>
      {a.eligibilityFailures.map((f, i) => (
        <p key={i} className="hint">
          <Msg message={f} />
        </p>
      ))}
      {a.screeningReason ? <p className="hint">{a.screeningReason}</p> : null}
      {SCREENABLE.includes(a.status) && call.status !== "decided" ? (
        <IntentForm intent="screen" fields={{ applicationId: a.id }} className="filters">
          <SelectField
            inline
            id={`f-decision-${a.id}`}
            name="decision"
            label="grants.call.screen"
            options={(["eligible", "ineligible"] as const).map((s) => ({
              value: s,
              label: t(`grants.app.status.${s}`),
            }))}
            defaultValue={a.status === "ineligible" ? "ineligible" : "eligible"}
          />
          <Field inline id={`f-reason-${a.id}`} name="reason" label="grants.call.reason" required />
          <button type="submit" className="button">
            {t("grants.call.confirm")}
          </button>
        </IntentForm>
      ) : null}
      {call.status === "deliberation" ? (
        <IntentForm intent="comment" fields={{ applicationId: a.id }} className="filters">
          <Field
            inline
            id={`f-comment-${a.id}`}
            name="comment"
            label="grants.call.comment"
            defaultValue={a.decisionComment ?? ""}
            required
          />
          <button type="submit" className="button">
            {t("grants.call.save")}
          </button>
        </IntentForm>
      ) : null}
    </li>
  );
}

export function CallApplications({ call, applications }: { call: Call; applications: CallPageData["applications"] }) {
  const { t } = useI18n();
  return (
    <>
      <h2>{t("grants.call.applications")}</h2>
      {applications.length === 0 ? <p>{t("grants.call.noApplications")}</p> : null}
      <ul className="list">
        {applications.map((a) => (
          <ApplicationItem key={a.id} call={call} a={a} />
        ))}
      </ul>
    </>
  );
}

export function CallAssignments({ assignments, members }: Pick<CallPageData, "assignments" | "members">) {
  const { t, formatDate } = useI18n();
  return (
    <>
      <h2>{t("grants.call.assignments")}</h2>
      <div className="filters">
        <IntentButton intent="detect" label={t("grants.call.detectConflicts")} />
        <IntentButton intent="assign" label={t("grants.call.autoAssign")} />
      </div>
      <DataTable
        label={t("grants.call.applications")}
        headers={[
          t("grants.col.number"),
          t("grants.col.reviewer"),
          t("grants.col.submitted"),
          t("grants.call.move"),
          t("grants.call.reopen"),
        ]}
        rows={assignments}
        rowKey={(a) => a.id}
        cells={(a) => [
          a.number,
          a.reviewerName,
          a.submittedAt ? formatDate(a.submittedAt) : "—",
          <IntentForm key="move" intent="move" fields={{ assignmentId: a.id }} className="filters">
            <SelectField
              hideLabel
              id={`f-reviewerId-${a.id}`}
              name="reviewerId"
              label="grants.call.move"
              options={members.filter((m) => m.id !== a.reviewerId).map((m) => ({ value: m.id, label: m.name }))}
            />
            <button type="submit" className="button">
              {t("grants.call.move")}
            </button>
          </IntentForm>,
          a.submittedAt ? (
            <IntentForm key="reopen" intent="reopen" fields={{ assignmentId: a.id }} className="stack">
              <Field id={`f-reason-${a.id}`} name="reason" label="grants.call.reopenReason" required maxLength={1000} />
              <button type="submit" className="button">
                {t("grants.call.reopen")}
              </button>
            </IntentForm>
          ) : (
            "—"
          ),
        ]}
      />
    </>
  );
}

export function CallConflicts({ conflicts }: { conflicts: CallPageData["conflicts"] }) {
  const { t } = useI18n();
  return (
    <>
      <h2>{t("grants.call.conflicts")}</h2>
      <ul className="list">
        {conflicts.map((c) => (
          <li key={c.id} className="list-item">
            <p>
              {t("grants.applicationNo", { number: c.number })} · {c.reviewerName} · {t(`grants.conflict.${c.source}`)}{" "}
              · {t(`grants.conflict.${c.status}`)} ·{" "}
              {c.source === "detected"
                ? listOf(
                    t,
                    c.reason.split(",").map((r) => t(r as MessageKey)),
                  )
                : c.reason}
            </p>
            {c.status === "pending" ? (
              <div className="filters">
                {(["confirmed", "dismissed"] as const).map((decision) => (
                  <IntentButton
                    key={decision}
                    intent="conflict"
                    fields={{ conflictId: c.id, decision }}
                    label={t(decision === "confirmed" ? "grants.call.confirm" : "grants.call.dismiss")}
                  />
                ))}
              </div>
            ) : null}
          </li>
        ))}
      </ul>
    </>
  );
}

/** The step before a call moves on: which call, what the move does, and that it cannot go back. */
export function TransitionStep({ call, to }: { call: Call; to: NonNullable<Call["next"]> }) {
  const { t } = useI18n();
  const label = useLocalizedLabel();
  return (
    <ConfirmStep
      title="grants.confirmTransition.title"
      titleValues={{ action: t(`grants.transition.${to}`), call: label(call, "title") }}
      intent="transition"
      hidden={{ to }}
      confirmLabel={`grants.transition.${to}`}
      cancelTo={`/grants/calls/${call.id}`}
    >
      <p>{t(`grants.confirmTransition.${to}`)}</p>
    </ConfirmStep>
  );
}
