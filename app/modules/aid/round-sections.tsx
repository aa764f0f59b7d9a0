import { Form } from "@remix-run/react";
import { Link } from "~/components/link";
import { ConfirmLink, ConfirmStep } from "~/components/confirm-step";
import { CheckboxField, Field, SelectField } from "~/components/form";
import { LocalizedText, useLocalizedLabel } from "~/components/localized-text";
import { useI18n } from "~/i18n/i18n-context";
import type { Trilingual } from "~/lib/localized";
import type { FieldErrors, FormEcho } from "~/lib/forms";
import { VULNERABILITIES, type Vulnerability } from "~/modules/protection/rules";

type Named = { id: string; name: string };
type Round = Named & { startsOn: string; endsOn: string; perHousehold: boolean; eligibility: string | null };
type Line = Trilingual<"name"> & { itemId: string; quantity: number };
type Item = Trilingual<"name"> & { id: string };

/** The round's dates, what each household receives, who is eligible, and the stock left. */
export function RoundFacts({ round, items, stock }: { round: Round; items: Line[]; stock: Line[] }) {
  const { t, formatDate, formatNumber } = useI18n();
  return (
    <>
      <p className="hint">
        {formatDate(round.startsOn)} – {formatDate(round.endsOn)} ·{" "}
        {items.map((i, n) => (
          <span key={i.itemId}>
            {n > 0 ? ", " : null}
            <bdi>
              <LocalizedText row={i} field="name" />
            </bdi>{" "}
            × {i.quantity}
          </span>
        ))}
        {round.perHousehold ? ` · ${t("aid.rounds.perHousehold")}` : ""}
        {round.eligibility ? ` · ${t(`protection.vulnerability.${round.eligibility as Vulnerability}`)}` : ""}
      </p>
      <p>
        {stock.map((s) => (
          <span key={s.itemId} className="badge">
            <bdi>
              <LocalizedText row={s} field="name" />
            </bdi>
            : {formatNumber(s.quantity)}
          </span>
        ))}
      </p>
    </>
  );
}

/**
 * Correcting the round before its first hand-out: its facts in one form, and each item
 * of the kit with a button that takes it out (while another stays). Not offered after.
 */
export function CorrectRoundForm({
  round,
  items,
  errors,
  values,
}: FormEcho & {
  round: Round;
  items: Line[];
}) {
  const { t } = useI18n();
  const label = useLocalizedLabel();
  const echo = { errors, values };
  return (
    <details open={Boolean(errors?.form || values)}>
      <summary>{t("aid.rounds.correct")}</summary>
      <p className="hint">{t("aid.rounds.correctHint")}</p>
      <Form method="post" className="stack narrow" noValidate>
        <input type="hidden" name="intent" value="correctRound" />
        <Field name="name" label="aid.rounds.name" required defaultValue={round.name} {...echo} />
        <CheckboxField
          name="perHousehold"
          label="aid.rounds.perHousehold"
          checked={round.perHousehold}
          values={values}
        />
        <SelectField
          name="eligibilityVulnerability"
          label="aid.rounds.eligibility"
          placeholder="aid.rounds.everyone"
          defaultValue={round.eligibility ?? ""}
          options={VULNERABILITIES.map((v) => ({ value: v, label: t(`protection.vulnerability.${v}`) }))}
          {...echo}
        />
        <Field name="startsOn" label="aid.rounds.startsOn" type="date" defaultValue={round.startsOn} {...echo} />
        <Field name="endsOn" label="aid.rounds.endsOn" type="date" defaultValue={round.endsOn} {...echo} />
        <button type="submit" className="button">
          {t("aid.rounds.saveCorrection")}
        </button>
      </Form>
      {items.length > 1 ? (
        <>
          <h3>{t("aid.rounds.kit")}</h3>
          <ul className="list">
            {items.map((i) => (
              <li key={i.itemId} className="filters">
                <span>
                  <bdi>
                    <LocalizedText row={i} field="name" />
                  </bdi>{" "}
                  × {i.quantity}
                </span>{" "}
                <ConfirmLink path={`/aid/rounds/${round.id}`} intent="removeItem" extra={{ itemId: i.itemId }}>
                  {t("aid.rounds.removeItem", { item: label(i, "name") })}
                </ConfirmLink>
              </li>
            ))}
          </ul>
        </>
      ) : null}
    </details>
  );
}

/** One more item in the kit; offered only until the first hand-out. */
export function AddRoundItemForm({ catalogue, errors }: { catalogue: Item[]; errors?: FieldErrors }) {
  const { t } = useI18n();
  const label = useLocalizedLabel();
  return (
    <details>
      <summary>{t("aid.rounds.addItem")}</summary>
      <Form method="post" className="filters">
        <input type="hidden" name="intent" value="item" />
        <SelectField
          name="itemId"
          label="aid.item"
          inline
          options={catalogue.map((i) => ({ value: i.id, label: label(i, "name") }))}
        />
        <Field name="quantity" label="aid.quantity" type="number" min={1} defaultValue="1" errors={errors} />
        <button type="submit" className="button button-secondary">
          {t("aid.rounds.addItem")}
        </button>
      </Form>
    </details>
  );
}

/** The open cases of the organisation that have not received this round yet, with a search. */
export function Candidates({ q, candidates }: { q: string; candidates: (Named & { reference: string })[] }) {
  const { t } = useI18n();
  return (
    <>
      <Form method="get" className="filters">
        <Field name="q" label="protection.cases.search" inline defaultValue={q} maxLength={80} />
        <button type="submit" className="button button-secondary">
          {t("protection.cases.filter")}
        </button>
      </Form>
      <h2>{t("aid.rounds.toHandOut")}</h2>
      <ul className="list">
        {candidates.map((c) => (
          <li key={c.id} className="list-item">
            <Form method="post" className="filters">
              <input type="hidden" name="caseId" value={c.id} />
              <span>
                {c.name} · <span dir="ltr">{c.reference}</span>
              </span>
              <button type="submit" className="button">
                {t("aid.rounds.handOut")}
              </button>
            </Form>
          </li>
        ))}
      </ul>
    </>
  );
}

type Given = {
  id: string;
  caseId: string;
  reference: string;
  createdAt: string;
  handedBy: string | null;
  correctedAt: string | null;
  correctionReason: string | null;
  correctable: boolean;
};

/**
 * Who has received this round, when, and from whom; a hand-out corrected is kept, marked
 * with its reason. Today's can be corrected, through a confirmation step.
 */
export function GivenList({ roundId, given }: { roundId: string; given: Given[] }) {
  const { t, formatDate } = useI18n();
  return (
    <>
      <h2 id="given">{t("aid.rounds.given")}</h2>
      {given.some((g) => g.correctable) ? <p className="hint">{t("aid.correct.onlyToday")}</p> : null}
      <ul className="list">
        {given.map((g) => (
          <li key={g.id} className="list-item" data-distribution={g.id}>
            <p>
              <Link to={`/protection/cases/${g.caseId}`} dir="ltr">
                {g.reference}
              </Link>{" "}
              · {formatDate(g.createdAt, true)} · <bdi>{g.handedBy}</bdi>
              {g.correctedAt ? (
                <>
                  {" "}
                  ·{" "}
                  <span className="badge">
                    {t("aid.correct.correctedBecause", { reason: g.correctionReason ?? "" })}
                  </span>
                </>
              ) : null}
            </p>
            {g.correctable ? (
              <p className="danger-zone">
                <ConfirmLink path={`/aid/rounds/${roundId}`} intent="correct" extra={{ distributionId: g.id }}>
                  {t("aid.correct.link")}
                </ConfirmLink>
              </p>
            ) : null}
          </li>
        ))}
      </ul>
    </>
  );
}

/** The step before an item leaves the kit: which item, from which round, and that it can be added back. */
export function RemoveItemStep({ item, roundId, roundName }: { item: Line; roundId: string; roundName: string }) {
  const { t } = useI18n();
  const label = useLocalizedLabel();
  return (
    <ConfirmStep
      title="aid.rounds.confirmRemove.title"
      titleValues={{ item: label(item, "name"), round: roundName }}
      intent="removeItem"
      hidden={{ itemId: item.itemId }}
      confirmLabel="aid.rounds.confirmRemove.button"
      cancelTo={`/aid/rounds/${roundId}`}
      irreversible={false}
    >
      <p>
        <bdi>
          <LocalizedText row={item} field="name" />
        </bdi>{" "}
        × {item.quantity}
      </p>
      <p>{t("aid.rounds.confirmRemove.effects")}</p>
    </ConfirmStep>
  );
}
