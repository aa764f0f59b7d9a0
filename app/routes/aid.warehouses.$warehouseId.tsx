import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { ErrorSummary } from "~/components/error-summary";
import { data, redirect } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { PageTitle } from "~/components/form";
import { LocalizedText } from "~/components/localized-text";
import { useI18n } from "~/i18n/i18n-context";
import { formValues, parseForm } from "~/lib/forms.server";
import { balancesOf, getWarehouse, ledgerOf, listItems, transferTargets } from "~/modules/aid/queries.server";
import { MovementSchema } from "~/modules/aid/schemas.server";
import { recordMovement } from "~/modules/aid/service.server";
import { LedgerTable, MovementForm } from "~/modules/aid/warehouse-sections";
import { requirePermission } from "~/modules/auth/guards.server";
import { idParam } from "~/lib/params.server";

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
  return {
    warehouse: { id: warehouse.id, name: warehouse.name },
    stock,
    ledger: ledger.map((m) => ({ ...m, createdAt: m.createdAt.toISOString() })),
    items: items
      .filter((i) => i.kind !== "voucher")
      .map((i) => ({ id: i.id, nameFr: i.nameFr, nameAr: i.nameAr, nameEn: i.nameEn })),
    targets: all,
  };
}

export async function action(args: ActionFunctionArgs) {
  const actor = requirePermission(args, "aid:use");
  const warehouseId = idParam(args, "warehouseId");
  const form = await args.request.formData();
  const parsed = parseForm(MovementSchema, form);
  if (!parsed.ok) return data({ errors: parsed.errors, values: parsed.values }, { status: 400 });
  const result = await recordMovement(args.context.db, actor, warehouseId, parsed.data, {
    ip: args.context.ip,
  });
  if (!result.ok) return data({ errors: result.errors, values: formValues(form) }, { status: 400 });
  return redirect(`/aid/warehouses/${warehouseId}`);
}

export default function Warehouse() {
  const { warehouse, stock, ledger, items, targets } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const { formatNumber } = useI18n();
  return (
    <div>
      <PageTitle>{warehouse.name}</PageTitle>
      <ErrorSummary
        errors={actionData?.errors}
        labels={{
          kind: "aid.movement.kind",
          itemId: "aid.item",
          quantity: "aid.quantity",
          reason: "aid.movement.reason",
          toWarehouseId: "aid.movement.to",
        }}
        order={["kind", "itemId", "quantity", "reason", "toWarehouseId"]}
      />
      <ul className="cards">
        {stock.map((s) => (
          <li key={s.itemId} className="card" data-item={s.kind}>
            <LocalizedText row={s} field="name" />: <strong>{formatNumber(s.quantity)}</strong>
          </li>
        ))}
      </ul>
      <MovementForm items={items} targets={targets} errors={actionData?.errors} values={actionData?.values} />
      <LedgerTable ledger={ledger} />
    </div>
  );
}
