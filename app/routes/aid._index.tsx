import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { Field, FieldError, PageTitle } from "~/components/form";
import { useI18n } from "~/i18n/i18n-context";
import { moroccoToday } from "~/lib/morocco-time";
import { localized, withLocalized } from "~/lib/localized";
import { parseForm } from "~/lib/forms.server";
import { balancesOf, listItems, listRounds, listWarehouses } from "~/modules/aid/queries.server";
import { RoundSchema } from "~/modules/aid/schemas.server";
import { createRound } from "~/modules/aid/service.server";
import { requirePermission } from "~/modules/auth/guards.server";
import { VULNERABILITIES } from "~/modules/protection/rules";

export async function loader(args: LoaderFunctionArgs) {
  const actor = requirePermission(args, "aid:use");
  const db = args.context.db;
  const [warehouses, items, rounds] = await Promise.all([
    listWarehouses(db, actor),
    listItems(db),
    listRounds(db, actor),
  ]);
  const locale = args.context.locale;
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
      stock: withLocalized(
        balances.filter((b) => b.warehouseId === w.id),
        "name",
        locale,
      ),
    })),
    items: items.map((i) => ({
      id: i.id,
      name: localized(i, "name", locale),
      kind: i.kind,
      faceValueCentimes: i.faceValueCentimes,
    })),
    rounds,
  };
}

export async function action(args: ActionFunctionArgs) {
  const actor = requirePermission(args, "aid:use");
  const parsed = parseForm(RoundSchema, await args.request.formData());
  if (!parsed.ok) return data({ errors: parsed.errors, values: parsed.values }, { status: 400 });
  const result = await createRound(args.context.db, actor, parsed.data, { ip: args.context.ip });
  if (!result.ok) return data({ errors: result.errors, values: {} as Record<string, string> }, { status: 400 });
  return redirect(`/aid/rounds/${result.roundId}`);
}

export default function Aid() {
  const { warehouses, items, rounds, today } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const { t, formatDate, formatNumber, formatMoney } = useI18n();
  const errors = actionData?.errors;
  const values = actionData?.values;
  return (
    <div>
      <PageTitle>{t("aid.title")}</PageTitle>
      <p className="actions">
        <Link className="button button-secondary" to="/aid/vouchers">
          {t("aid.vouchers.redeem")}
        </Link>{" "}
        <Link className="button button-secondary" to="/aid/redemptions">
          {t("aid.redemptions.link")}
        </Link>
      </p>
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
                  {s.name}: <strong>{formatNumber(s.quantity)}</strong>
                </li>
              ))}
            </ul>
          </li>
        ))}
      </ul>
      <h2>{t("aid.rounds")}</h2>
      <ul className="list">
        {rounds.map((r) => (
          <li key={r.id} className="list-item">
            <Link to={`/aid/rounds/${r.id}`}>{r.name}</Link> · {formatDate(r.startsOn)} – {formatDate(r.endsOn)} ·{" "}
            {t("aid.rounds.handedOut", { count: r.handedOut })}
          </li>
        ))}
      </ul>
      <details>
        <summary>{t("aid.rounds.create")}</summary>
        <Form method="post" className="stack narrow" noValidate>
          <Field name="name" label="aid.rounds.name" required errors={errors} values={values} />
          <div className="field">
            <label htmlFor="f-warehouseId">{t("aid.warehouse")}</label>
            <select id="f-warehouseId" name="warehouseId" defaultValue={values?.warehouseId}>
              {warehouses.map((w) => (
                <option key={w.id} value={w.id}>
                  {w.name}
                </option>
              ))}
            </select>
          </div>
          <div className="field">
            <label htmlFor="f-itemId">{t("aid.item")}</label>
            <select id="f-itemId" name="itemId" defaultValue={values?.itemId}>
              {items
                .filter((i) => i.kind !== "voucher")
                .map((i) => (
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
            min={1}
            defaultValue="1"
            errors={errors}
            values={values}
          />
          <label className="checkbox">
            <input type="checkbox" name="perHousehold" /> {t("aid.rounds.perHousehold")}
          </label>
          <div className="field">
            <label htmlFor="f-eligibility">{t("aid.rounds.eligibility")}</label>
            <select
              id="f-eligibility"
              name="eligibilityVulnerability"
              defaultValue={values?.eligibilityVulnerability ?? ""}
            >
              <option value="">{t("aid.rounds.everyone")}</option>
              {VULNERABILITIES.map((v) => (
                <option key={v} value={v}>
                  {t(`protection.vulnerability.${v}`)}
                </option>
              ))}
            </select>
          </div>
          <Field
            name="startsOn"
            label="aid.rounds.startsOn"
            type="date"
            defaultValue={today}
            errors={errors}
            values={values}
          />
          <Field
            name="endsOn"
            label="aid.rounds.endsOn"
            type="date"
            defaultValue={today}
            errors={errors}
            values={values}
          />
          <button type="submit" className="button">
            {t("aid.rounds.create")}
          </button>
        </Form>
      </details>
      <h2>{t("aid.catalogue")}</h2>
      <ul>
        {items.map((i) => (
          <li key={i.id}>
            {i.name} · {t(`aid.kind.${i.kind}`)}
            {i.faceValueCentimes ? ` · ${formatMoney(i.faceValueCentimes)}` : ""}
          </li>
        ))}
      </ul>
    </div>
  );
}
