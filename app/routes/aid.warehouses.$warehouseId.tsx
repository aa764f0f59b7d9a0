import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { Field, FieldError, PageTitle } from "~/components/form";
import { useI18n } from "~/i18n/i18n-context";
import { parseForm } from "~/lib/forms.server";
import { balancesOf, getWarehouse, ledgerOf, listItems, transferTargets } from "~/modules/aid/queries.server";
import { MovementSchema } from "~/modules/aid/schemas.server";
import { recordMovement } from "~/modules/aid/service.server";
import { requirePermission } from "~/modules/auth/guards.server";
import { idParam } from "~/lib/params.server";
import { localized, withLocalized } from "~/lib/localized";

export async function loader(args: LoaderFunctionArgs) {
  const actor = requirePermission(args, "aid:use");
  const db = args.context.db;
  const warehouse = await getWarehouse(db, actor, idParam(args, "warehouseId"));
  if (!warehouse) throw new Response("Not Found", { status: 404 });
  const [stock, ledger, items, all] = await Promise.all([
    balancesOf(db, [warehouse.id]),
    ledgerOf(db, warehouse.id),
    listItems(db),
    transferTargets(db, warehouse.id),
  ]);
  const locale = args.context.locale;
  return {
    warehouse: { id: warehouse.id, name: warehouse.name },
    stock: withLocalized(stock, "name", locale),
    ledger: ledger.map((m) => ({ ...m, item: localized(m, "name", locale), createdAt: m.createdAt.toISOString() })),
    items: items.filter((i) => i.kind !== "voucher").map((i) => ({ id: i.id, name: localized(i, "name", locale) })),
    targets: all,
  };
}

export async function action(args: ActionFunctionArgs) {
  const actor = requirePermission(args, "aid:use");
  const warehouseId = idParam(args, "warehouseId");
  const parsed = parseForm(MovementSchema, await args.request.formData());
  if (!parsed.ok) return data({ errors: parsed.errors, values: parsed.values }, { status: 400 });
  const result = await recordMovement(args.context.db, actor, warehouseId, parsed.data, {
    ip: args.context.ip,
  });
  if (!result.ok) return data({ errors: result.errors, values: {} as Record<string, string> }, { status: 400 });
  return redirect(`/aid/warehouses/${warehouseId}`);
}

export default function Warehouse() {
  const { warehouse, stock, ledger, items, targets } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const { t, formatDate, formatNumber } = useI18n();
  const errors = actionData?.errors;
  const values = actionData?.values;
  return (
    <div>
      <PageTitle>{warehouse.name}</PageTitle>
      <ul className="cards">
        {stock.map((s) => (
          <li key={s.itemId} className="card" data-item={s.kind}>
            {s.name}: <strong>{formatNumber(s.quantity)}</strong>
          </li>
        ))}
      </ul>
      <details open={Boolean(errors)}>
        <summary>{t("aid.movement.record")}</summary>
        <Form method="post" className="stack narrow" noValidate>
          <div className="field">
            <label htmlFor="f-kind">{t("aid.movement.kind")}</label>
            <select id="f-kind" name="kind" defaultValue={values?.kind ?? "receipt"}>
              {(["receipt", "adjustment", "transfer_out"] as const).map((k) => (
                <option key={k} value={k}>
                  {t(`aid.movement.${k}`)}
                </option>
              ))}
            </select>
          </div>
          <div className="field">
            <label htmlFor="f-itemId">{t("aid.item")}</label>
            <select id="f-itemId" name="itemId" defaultValue={values?.itemId}>
              {items.map((i) => (
                <option key={i.id} value={i.id}>
                  {i.name}
                </option>
              ))}
            </select>
            <FieldError name="itemId" errors={errors} />
          </div>
          <Field
            name="quantity"
            label="aid.quantity"
            type="number"
            hint="aid.movement.quantityHint"
            errors={errors}
            values={values}
          />
          <Field name="reason" label="aid.movement.reason" errors={errors} values={values} />
          <div className="field">
            <label htmlFor="f-to">{t("aid.movement.to")}</label>
            <select id="f-to" name="toWarehouseId" defaultValue={values?.toWarehouseId ?? ""}>
              <option value="">—</option>
              {targets.map((w) => (
                <option key={w.id} value={w.id}>
                  {w.name}
                </option>
              ))}
            </select>
            <FieldError name="toWarehouseId" errors={errors} />
          </div>
          <button type="submit" className="button">
            {t("aid.movement.record")}
          </button>
        </Form>
      </details>
      <h2>{t("aid.ledger")}</h2>
      <div className="table-wrap" tabIndex={0} role="region" aria-label={t("aid.ledger")}>
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
                <td>{m.item}</td>
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
      </div>
    </div>
  );
}
