import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { ErrorSummary } from "~/components/error-summary";
import { data, redirect } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { Link } from "~/components/link";
import { PageTitle } from "~/components/form";
import { useI18n } from "~/i18n/i18n-context";
import { moroccoToday } from "~/lib/morocco-time";
import { formValues, parseForm } from "~/lib/forms.server";
import { balancesOf, listItems, listRounds, listWarehouses } from "~/modules/aid/queries.server";
import { RoundSchema } from "~/modules/aid/schemas.server";
import { createRound } from "~/modules/aid/service.server";
import { requirePermission } from "~/modules/auth/guards.server";
import { Catalogue, CreateRoundForm, RoundList, WarehouseCards } from "~/modules/aid/aid-home-sections";

export async function loader(args: LoaderFunctionArgs) {
  const actor = requirePermission(args, "aid:use");
  const db = args.context.db;
  const [warehouses, items, rounds] = await Promise.all([
    listWarehouses(db, actor),
    listItems(db),
    listRounds(db, actor),
  ]);
  const balances = await balancesOf(
    db,
    warehouses.map((w) => w.id),
  );
  const today = moroccoToday();
  return {
    today,
    warehouses: warehouses.map((w) => ({
      id: w.id,
      name: w.name,
      stock: balances.filter((b) => b.warehouseId === w.id),
    })),
    items: items.map((i) => ({
      id: i.id,
      nameFr: i.nameFr,
      nameAr: i.nameAr,
      nameEn: i.nameEn,
      kind: i.kind,
      faceValueCentimes: i.faceValueCentimes,
    })),
    rounds,
  };
}

export async function action(args: ActionFunctionArgs) {
  const actor = requirePermission(args, "aid:use");
  const form = await args.request.formData();
  const parsed = parseForm(RoundSchema, form);
  if (!parsed.ok) return data({ errors: parsed.errors, values: parsed.values }, { status: 400 });
  const result = await createRound(args.context.db, actor, parsed.data, { ip: args.context.ip });
  if (!result.ok) return data({ errors: result.errors, values: formValues(form) }, { status: 400 });
  return redirect(`/aid/rounds/${result.roundId}`);
}

/** The fields of the round form, with their labels, for the error summary. */
const ROUND_LABELS = {
  name: "aid.rounds.name",
  warehouseId: "aid.warehouse",
  itemId: "aid.item",
  quantity: "aid.quantity",
  eligibilityVulnerability: "aid.rounds.eligibility",
  startsOn: "aid.rounds.startsOn",
  endsOn: "aid.rounds.endsOn",
} as const;

export default function Aid() {
  const { warehouses, items, rounds, today } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const { t } = useI18n();
  return (
    <div>
      <PageTitle>{t("aid.title")}</PageTitle>
      <ErrorSummary errors={actionData?.errors} labels={ROUND_LABELS} order={Object.keys(ROUND_LABELS)} />
      <p className="actions">
        <Link className="button button-secondary" to="/aid/vouchers">
          {t("aid.vouchers.redeem")}
        </Link>{" "}
        <Link className="button button-secondary" to="/aid/redemptions">
          {t("aid.redemptions.link")}
        </Link>
      </p>
      <WarehouseCards warehouses={warehouses} />
      <RoundList rounds={rounds} />
      <CreateRoundForm
        warehouses={warehouses}
        items={items}
        today={today}
        errors={actionData?.errors}
        values={actionData?.values}
      />
      <Catalogue items={items} />
    </div>
  );
}
