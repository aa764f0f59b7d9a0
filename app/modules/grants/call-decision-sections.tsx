/** The sections of a call's page from the review on (no data access): rankings, proposal, awards and their tranches. */
import { labelled } from "~/i18n/translate";
import { Link } from "~/components/link";
import { ConfirmLink, ConfirmStep } from "~/components/confirm-step";
import { useLocalizedLabel } from "~/components/localized-text";
import { Field, SelectField, TextareaField } from "~/components/form";
import { DataTable } from "~/components/table-wrap";
import { useI18n } from "~/i18n/i18n-context";
import { IntentButton, IntentForm, type CallPageData } from "./call-sections";
import { RANKING_COLUMNS } from "./constants";
import { Msg } from "./ui";

/** The rankings; an application with fewer submitted reviews than the call asks is flagged on its row. */
export function CallRankings({
  ranking,
  normalised,
  required,
}: Pick<CallPageData, "ranking" | "normalised"> & { required: number }) {
  const { t, formatNumber } = useI18n();
  if (!ranking.length) return null;
  const fmt = (n: number) => formatNumber(Math.round(n * 10) / 10);
  const blocks = [
    { title: "grants.call.ranking" as const, rows: ranking, id: "ranking" },
    { title: "grants.call.rankingNormalised" as const, rows: normalised, id: "ranking-normalised" },
  ];
  return (
    <>
      {blocks.map((block) => (
        <section key={block.id}>
          <h2>{t(block.title)}</h2>
          <p className="hint">{t("grants.call.tieBreak")}</p>
          <DataTable
            label={t(block.title)}
            testId={block.id}
            headers={RANKING_COLUMNS.map((c) => t(c))}
            rows={block.rows}
            rowKey={(r) => r.applicationId}
            rowClassName={(r) => (r.disagreement || r.reviewers < required ? "grants-flag" : undefined)}
            cells={(r) => [
              r.rank,
              r.number,
              r.reviewers < required ? (
                <strong data-testid="few-reviews">
                  {t("grants.ranking.fewReviews", { count: r.reviewers, required })}
                </strong>
              ) : (
                r.reviewers
              ),
              fmt(r.mean),
              fmt(r.sd),
              fmt(r.range),
              r.disagreement ? t("form.yes") : t("form.no"),
            ]}
          />
        </section>
      ))}
    </>
  );
}

type Proposal = NonNullable<CallPageData["proposal"]>;

export function CallProposal({
  call,
  proposal,
  applications,
  awards,
}: Pick<CallPageData, "call" | "applications" | "awards"> & { proposal: Proposal }) {
  const { t, formatMoney } = useI18n();
  return (
    <section>
      <h2>{t("grants.call.proposal")}</h2>
      {proposal.explanations.length === 0 ? <p>{t("grants.proposal.empty")}</p> : null}
      <ol className="stack" data-testid="proposal">
        {proposal.explanations.map((e, i) => (
          <li key={i}>
            <Msg message={e} />
          </li>
        ))}
      </ol>
      <p>{t("grants.proposal.remaining", { amount: formatMoney(proposal.remainingCentimes) })}</p>
      {awards.length === 0 && proposal.awards.length > 0 ? (
        // accepting awards every line at once: it goes through its confirmation step
        <p>
          <ConfirmLink path={`/grants/calls/${call.id}`} intent="accept">
            {t("grants.call.acceptProposal")}
          </ConfirmLink>
        </p>
      ) : null}
      <h3>{t("grants.call.change")}</h3>
      <IntentForm intent="change" className="stack narrow">
        <SelectField
          id="f-change-app"
          name="applicationId"
          label="grants.col.number"
          options={applications
            .filter((a) => a.status === "eligible")
            .map((a) => ({
              value: a.id,
              label: `${t("grants.applicationNo", { number: a.number })} · ${a.applicantName}`,
            }))}
        />
        <SelectField
          id="f-change"
          name="change"
          label="grants.col.decision"
          options={[
            { value: "award", label: t("grants.call.changeAward") },
            { value: "remove", label: t("grants.call.changeRemove") },
          ]}
        />
        <Field name="amount" label="grants.col.amount" inputMode="decimal" />
        <TextareaField name="justification" label="grants.call.justification" required />
        <TextareaField name="reviewOverride" label="grants.call.reviewOverride" rows={2} />
        <button type="submit" className="button">
          {t("grants.call.save")}
        </button>
      </IntentForm>
    </section>
  );
}

/** The step before the proposal is accepted: the call, each grant it awards and the total. */
export function AcceptProposalStep({
  call,
  proposal,
  applications,
}: Pick<CallPageData, "call" | "applications"> & { proposal: Proposal }) {
  const { t, formatMoney } = useI18n();
  const label = useLocalizedLabel();
  const byId = new Map(applications.map((a) => [a.id, a]));
  const total = proposal.awards.reduce((sum, line) => sum + line.amountCentimes, 0);
  return (
    <ConfirmStep
      title="grants.confirmAccept.title"
      titleValues={{ call: label(call, "title") }}
      intent="accept"
      confirmLabel="grants.call.acceptProposal"
      cancelTo={`/grants/calls/${call.id}`}
    >
      <p>{t("grants.confirmAccept.what", { amount: formatMoney(total) })}</p>
      <ul className="list" data-testid="accept-lines">
        {proposal.awards.map((line) => {
          const app = byId.get(line.applicationId);
          return (
            <li key={line.applicationId} className="list-item">
              <bdi>
                {t("grants.applicationNo", { number: app?.number ?? line.label })}
                {app ? ` · ${app.applicantName}` : ""}
              </bdi>{" "}
              · {formatMoney(line.amountCentimes)}
            </li>
          );
        })}
      </ul>
      <p>{t("grants.confirmAccept.after")}</p>
    </ConfirmStep>
  );
}

type Award = CallPageData["awards"][number];

function TrancheRow({ tr }: { tr: Award["tranches"][number] }) {
  const { t, formatDate, formatMoney } = useI18n();
  return (
    <div className="filters">
      <span>
        {tr.position}. {t(`grants.condition.${tr.condition}`)} · {formatMoney(tr.amountCentimes)} ·{" "}
        {tr.paidAt
          ? t("grants.tranche.paid", { date: formatDate(tr.paidAt) })
          : tr.confirmed
            ? t("grants.tranche.confirmed")
            : t("grants.tranche.pending")}
      </span>
      {!tr.confirmed ? (
        <IntentButton intent="confirmTranche" fields={{ trancheId: tr.id }} label={t("grants.call.confirm")} />
      ) : null}
      {tr.confirmed && !tr.paidAt ? (
        <IntentForm intent="pay" fields={{ trancheId: tr.id }} className="filters">
          <SelectField
            inline
            id={`f-method-${tr.id}`}
            name="method"
            label="grants.call.method"
            options={(["bank_transfer", "cash", "mobile_money"] as const).map((m) => ({
              value: m,
              label: t(`grants.method.${m}`),
            }))}
          />
          <Field inline id={`f-reference-${tr.id}`} name="reference" label="grants.call.reference" required />
          <button type="submit" className="button">
            {t("grants.call.pay")}
          </button>
        </IntentForm>
      ) : null}
    </div>
  );
}

export function CallAwards({ awards, applications }: Pick<CallPageData, "applications" | "awards">) {
  const { t, formatMoney } = useI18n();
  if (!awards.length) return null;
  const numberOf = (applicationId: string) => applications.find((a) => a.id === applicationId)?.number ?? "?";
  return (
    <section>
      <h2>{t("grants.call.awards")}</h2>
      <ul className="list">
        {awards.map((a) => (
          <li key={a.id} className="list-item stack">
            <p>
              <strong dir="ltr">{a.reference}</strong> ·{" "}
              {t("grants.applicationNo", { number: numberOf(a.applicationId) })} · {a.applicantName} ·{" "}
              {formatMoney(a.amountCentimes)} · {t("grants.col.paid")} {formatMoney(a.paidCentimes)}
            </p>
            {a.reviewOverrideReason ? (
              <p className="hint" data-testid="review-override">
                {labelled(t, "grants.call.reviewOverride")} <bdi>{a.reviewOverrideReason}</bdi>
              </p>
            ) : null}
            {a.tranches.map((tr) => (
              <TrancheRow key={tr.id} tr={tr} />
            ))}
            <p>
              <Link to={`/grants/applications/${a.applicationId}`}>
                {t("grants.application.title", { number: numberOf(a.applicationId) })}
              </Link>
            </p>
          </li>
        ))}
      </ul>
    </section>
  );
}
