import { Form } from "@remix-run/react";
import { Link } from "~/components/link";
import { CheckboxField, Field, SelectField } from "~/components/form";
import { LocalizedText, useLocalizedLabel } from "~/components/localized-text";
import { useI18n } from "~/i18n/i18n-context";
import type { Trilingual } from "~/lib/localized";
import type { FormEcho } from "~/lib/forms";
import type { AidItem } from "~db/schema/aid";
import { VULNERABILITIES } from "~/modules/protection/rules";

type Named = { id: string; name: string };
type Warehouse = Named & { stock: (Trilingual<"name"> & { itemId: string; quantity: number })[] };
type Round = Named & { startsOn: string; endsOn: string; handedOut: number };
type Item = Trilingual<"name"> & { id: string; kind: AidItem["kind"]; faceValueCentimes: number | null };

/** Each warehouse of the organisation with what it holds. */
export function WarehouseCards({ warehouses }: { warehouses: Warehouse[] }) {
  const { t, formatNumber } = useI18n();
  return (
    <>
      <h2>{t("aid.warehouses")}</h2>
      <ul className="cards">
        {warehouses.map((w) => (
          <li key={w.id} className="card">
            <h3>
              <Link to={`/aid/warehouses/${w.id}`}>{w.name}</Link>
            </h3>
            <ul>
              {w.stock.map((s) => (
                <li key={s.itemId}>
                  <LocalizedText row={s} field="name" />: <strong>{formatNumber(s.quantity)}</strong>
                </li>
              ))}
            </ul>
          </li>
        ))}
      </ul>
    </>
  );
}

/** The distribution rounds, with how many households each has served. */
export function RoundList({ rounds }: { rounds: Round[] }) {
  const { t, formatDate } = useI18n();
  return (
    <>
      <h2>{t("aid.rounds")}</h2>
      <ul className="list">
        {rounds.map((r) => (
          <li key={r.id} className="list-item">
            <Link to={`/aid/rounds/${r.id}`}>{r.name}</Link> · {formatDate(r.startsOn)} – {formatDate(r.endsOn)} ·{" "}
            {t("aid.rounds.handedOut", { count: r.handedOut })}
          </li>
        ))}
      </ul>
    </>
  );
}

/** A new round: its warehouse, its first item, who is eligible and when it runs. */
export function CreateRoundForm({
  warehouses,
  items,
  today,
  errors,
  values,
}: FormEcho & {
  warehouses: Named[];
  items: Item[];
  today: string;
}) {
  const { t } = useI18n();
  const label = useLocalizedLabel();
  const echo = { errors, values };
  return (
    <details open={Boolean(errors)}>
      <summary>{t("aid.rounds.create")}</summary>
      <Form method="post" className="stack narrow" noValidate>
        <Field name="name" label="aid.rounds.name" required {...echo} />
        <SelectField
          name="warehouseId"
          label="aid.warehouse"
          options={warehouses.map((w) => ({ value: w.id, label: w.name }))}
          {...echo}
        />
        <SelectField
          name="itemId"
          label="aid.item"
          options={items.filter((i) => i.kind !== "voucher").map((i) => ({ value: i.id, label: label(i, "name") }))}
          {...echo}
        />
        <Field name="quantity" label="aid.quantity" type="number" min={1} defaultValue="1" {...echo} />
        <CheckboxField name="perHousehold" label="aid.rounds.perHousehold" values={values} />
        <SelectField
          name="eligibilityVulnerability"
          label="aid.rounds.eligibility"
          placeholder="aid.rounds.everyone"
          defaultValue=""
          options={VULNERABILITIES.map((v) => ({ value: v, label: t(`protection.vulnerability.${v}`) }))}
          {...echo}
        />
        <Field name="startsOn" label="aid.rounds.startsOn" type="date" defaultValue={today} {...echo} />
        <Field name="endsOn" label="aid.rounds.endsOn" type="date" defaultValue={today} {...echo} />
        <button type="submit" className="button">
          {t("aid.rounds.create")}
        </button>
      </Form>
    </details>
  );
}

/** What the organisation can hand out, with the face value of vouchers. */
export function Catalogue({ items }: { items: Item[] }) {
  const { t, formatMoney } = useI18n();
  return (
    <>
      <h2>{t("aid.catalogue")}</h2>
      <ul>
        {items.map((i) => (
          <li key={i.id}>
            <LocalizedText row={i} field="name" /> · {t(`aid.kind.${i.kind}`)}
            {i.faceValueCentimes ? ` · ${formatMoney(i.faceValueCentimes)}` : ""}
          </li>
        ))}
      </ul>
    </>
  );
}
