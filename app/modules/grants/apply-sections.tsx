/** The applicant's side of applying: who can apply, the check before sending, the receipt. */
import { Link } from "~/components/link";
import { ConfirmStep } from "~/components/confirm-step";
import { codeOrTyped, listOf } from "~/i18n/codes";
import { useI18n } from "~/i18n/i18n-context";
import type { MessageKey } from "~/i18n/translate";
import { REGIONS } from "~/modules/profiles/rules";
import { TRAINING_CATEGORIES } from "~/modules/trainings/constants";
import type { Condition } from "./eligibility";

function useConditionText() {
  const { t } = useI18n();
  const region = (r: string) =>
    (REGIONS as readonly string[]).includes(r) ? t(`profiles.region.${r as (typeof REGIONS)[number]}`) : r;
  const training = (k: string) =>
    (TRAINING_CATEGORIES as readonly string[]).includes(k)
      ? t(`trainings.category.${k as (typeof TRAINING_CATEGORIES)[number]}`)
      : k;
  return (c: Condition): string => {
    if (c.kind === "everyone") return t("grants.who.everyone");
    if (c.kind === "migrants") return t("grants.who.migrants");
    if (c.kind === "young_moroccans") return t("grants.who.youngMoroccans");
    if (c.kind === "regions") return t("grants.who.regions", { regions: listOf(t, c.regions.map(region)) });
    if (c.kind === "training") return t("grants.who.training", { training: training(c.training) });
    if (c.min !== null && c.max !== null) return t("grants.who.ageBetween", { min: c.min, max: c.max });
    return c.min !== null ? t("grants.who.ageMin", { min: c.min }) : t("grants.who.ageMax", { max: c.max ?? 0 });
  };
}

/** Who can apply, in plain words, and whether this person meets each condition (in words, not only a mark). */
export function WhoCanApply({ conditions }: { conditions: Condition[] }) {
  const { t } = useI18n();
  const text = useConditionText();
  return (
    <div className="who-can-apply">
      <p>
        <strong>{t("grants.who.title")}</strong>
      </p>
      <ul className="conditions">
        {conditions.map((c, i) => (
          <li key={i} data-met={c.met ? "yes" : "no"}>
            {text(c)} ·{" "}
            <span className={c.met ? "badge badge-ok" : "badge badge-warn"}>
              {t(c.met ? "grants.who.met" : "grants.who.notMet")}
            </span>
          </li>
        ))}
      </ul>
    </div>
  );
}

export type ApplyCheck = {
  call: { id: string; title: string; closesAt: string; maxGrantCentimes: number };
  plan: { id: string; title: string; requestedCentimes: number; sector: string; city: string; pitch: string };
  facts: { age: number | null; region: string | null; isMigrant: boolean | null };
  conditions: Condition[];
};

function Row({
  label,
  value,
  change,
}: {
  label: MessageKey;
  value: string;
  change?: { to: string; label: MessageKey };
}) {
  const { t } = useI18n();
  return (
    <div>
      <dt>{t(label)}</dt>
      <dd>{value || "—"}</dd>
      {change ? (
        <dd className="change">
          <Link to={change.to}>
            {t(change.label)}
            <span className="visually-hidden"> · {t(label)}</span>
          </Link>
        </dd>
      ) : null}
    </div>
  );
}

/** "Check your answers" before an application is sent (GOV.UK): each answer, a way to change it, then send. */
export function CheckAnswers({ c }: { c: ApplyCheck }) {
  const { t, formatDate, formatMoney } = useI18n();
  const unmet = c.conditions.filter((x) => !x.met);
  const region = c.facts.region && (REGIONS as readonly string[]).includes(c.facts.region);
  return (
    <ConfirmStep
      title="grants.check.title"
      intent="apply"
      hidden={{ callId: c.call.id, planId: c.plan.id }}
      confirmLabel="grants.check.send"
      cancelTo={`/grants#call-${c.call.id}`}
      irreversible={false}
      tone="primary"
    >
      <h2>{t("grants.check.call")}</h2>
      <dl className="summary-list">
        <Row label="grants.check.callName" value={c.call.title} />
        <Row label="grants.call.closes" value={formatDate(c.call.closesAt, true)} />
      </dl>
      <h2>{t("grants.check.plan")}</h2>
      <dl className="summary-list">
        <Row
          label="grants.apply.plan"
          value={c.plan.title}
          change={{ to: `/grants#call-${c.call.id}`, label: "grants.check.otherPlan" }}
        />
        <Row label="grants.check.requested" value={formatMoney(c.plan.requestedCentimes)} />
        <Row label="grants.check.sector" value={codeOrTyped(t, "sector", c.plan.sector)} />
        <Row label="grants.check.city" value={codeOrTyped(t, "city", c.plan.city)} />
        <Row
          label="grants.check.pitch"
          value={c.plan.pitch}
          change={{ to: `/plans/${c.plan.id}`, label: "grants.check.change" }}
        />
      </dl>
      <h2>{t("grants.check.you")}</h2>
      <dl className="summary-list">
        <Row
          label="grants.check.age"
          value={c.facts.age === null ? "" : t("grants.check.years", { age: c.facts.age })}
        />
        <Row
          label="profiles.field.region"
          value={region ? t(`profiles.region.${c.facts.region as (typeof REGIONS)[number]}`) : (c.facts.region ?? "")}
          change={{ to: "/profile", label: "grants.check.change" }}
        />
      </dl>
      <WhoCanApply conditions={c.conditions} />
      {unmet.length ? (
        <p className="alert alert-error" data-testid="unmet">
          {t("grants.check.unmet")}
        </p>
      ) : null}
      <p>{t("grants.apply.frozen")}</p>
      {c.plan.requestedCentimes > c.call.maxGrantCentimes ? (
        <p className="hint">{t("grants.check.overMax", { max: formatMoney(c.call.maxGrantCentimes) })}</p>
      ) : null}
    </ConfirmStep>
  );
}

/** The receipt once sent (GOV.UK confirmation page): its number, and what happens next, and when. */
export function SentPanel({
  number,
  closesAt,
  reviewDeadline,
  eligible,
}: {
  number: number;
  closesAt: string;
  reviewDeadline: string;
  eligible: boolean;
}) {
  const { t, formatDate } = useI18n();
  return (
    <section className="panel-confirmation" data-testid="sent" aria-labelledby="sent-title">
      <h2 id="sent-title">{t("grants.sent.title")}</h2>
      <p>
        {t("grants.sent.number")} <strong dir="ltr">{number}</strong>
      </p>
      <h3>{t("grants.sent.next")}</h3>
      <ol>
        {eligible ? null : <li>{t("grants.sent.ineligible")}</li>}
        <li>{t("grants.sent.screening", { date: formatDate(closesAt) })}</li>
        <li>{t("grants.sent.review", { date: formatDate(reviewDeadline) })}</li>
        <li>{t("grants.sent.decision")}</li>
      </ol>
      <p>{t("grants.sent.copy")}</p>
    </section>
  );
}
