import { Form } from "@remix-run/react";
import { Field, SelectField } from "~/components/form";
import { TableWrap } from "~/components/table-wrap";
import { LocalizedText, useLocalizedLabel } from "~/components/localized-text";
import { useI18n } from "~/i18n/i18n-context";
import type { Trilingual } from "~/lib/localized";
import type { FormEcho } from "~/lib/forms";
import type { ledgerOf } from "./queries.server";

type Named = { id: string; name: string };

/** Stock in, a correction, or a transfer to another warehouse; closed until a refused submit. */
export function MovementForm({
  items,
  targets,
  errors,
  values,
}: FormEcho & {
  items: (Trilingual<"name"> & { id: string })[];
  targets: Named[];
}) {
  const { t } = useI18n();
  const label = useLocalizedLabel();
  const echo = { errors, values };
  return (
    <details open={Boolean(errors)}>
      <summary>{t("aid.movement.record")}</summary>
      <Form method="post" className="stack narrow" noValidate>
        <SelectField
          name="kind"
          label="aid.movement.kind"
          defaultValue="receipt"
          options={(["receipt", "adjustment", "transfer_out"] as const).map((k) => ({
            value: k,
            label: t(`aid.movement.${k}`),
          }))}
          values={values}
        />
        <SelectField
          name="itemId"
          label="aid.item"
          options={items.map((i) => ({ value: i.id, label: label(i, "name") }))}
          {...echo}
        />
        <Field name="quantity" label="aid.quantity" type="number" hint="aid.movement.quantityHint" {...echo} />
        <Field name="reason" label="aid.movement.reason" {...echo} />
        <SelectField
          name="toWarehouseId"
          id="f-to"
          label="aid.movement.to"
          defaultValue=""
          options={[{ value: "", label: "—" }, ...targets.map((w) => ({ value: w.id, label: w.name }))]}
          {...echo}
        />
        <button type="submit" className="button">
          {t("aid.movement.record")}
        </button>
      </Form>
    </details>
  );
}

type Movement = Omit<Awaited<ReturnType<typeof ledgerOf>>[number], "createdAt"> & { createdAt: string };

/** Every movement of the warehouse, newest first, signed quantities written left to right. */
export function LedgerTable({ ledger }: { ledger: Movement[] }) {
  const { t, formatDate } = useI18n();
  return (
    <>
      <h2>{t("aid.ledger")}</h2>
      <TableWrap label={t("aid.ledger")}>
        <table>
          <thead>
            <tr>
              <th scope="col">{t("aid.ledger.when")}</th>
              <th scope="col">{t("aid.item")}</th>
              <th scope="col">{t("aid.movement.kind")}</th>
              <th scope="col">{t("aid.quantity")}</th>
              <th scope="col">{t("aid.ledger.who")}</th>
            </tr>
          </thead>
          <tbody>
            {ledger.map((m) => (
              <tr key={m.id}>
                <td>{formatDate(m.createdAt, true)}</td>
                <td>
                  <LocalizedText row={m} field="name" />
                </td>
                <td>
                  {t(`aid.movement.${m.kind}`)}
                  {m.reason ? ` (${m.reason})` : ""}
                </td>
                <td dir="ltr">{m.quantity > 0 ? `+${m.quantity}` : m.quantity}</td>
                <td>{m.actor ?? "—"}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </TableWrap>
    </>
  );
}
