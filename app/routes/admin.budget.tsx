import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { Form, useActionData, useLoaderData, useSearchParams } from "@remix-run/react";
import { desc } from "drizzle-orm";
import { budgetEntries } from "~db/schema";
import { Field, FieldError, FormAlert, PageTitle } from "~/components/form";
import { useI18n } from "~/i18n/i18n-context";
import { formValues, parseForm, type FieldErrors } from "~/lib/forms.server";
import { requirePermission } from "~/modules/auth/guards.server";
import { getBudget } from "~/modules/reporting/budget-queries.server";
import { BUDGET_LINES, formatRate } from "~/modules/reporting/rules";
import { AddEntrySchema, AddRateSchema, UpdateBudgetSchema } from "~/modules/reporting/schemas.server";
import { addEntry, addRate, ensureBudget, updateBudget } from "~/modules/reporting/service.server";

export async function loader(args: LoaderFunctionArgs) {
  requirePermission(args, "budget:manage");
  const { db } = args.context;
  await ensureBudget(db);
  const budget = await getBudget(db);
  const entries = await db
    .select({
      id: budgetEntries.id,
      lineKey: budgetEntries.lineKey,
      kind: budgetEntries.kind,
      amount: budgetEntries.amountMadCentimes,
      occurredOn: budgetEntries.occurredOn,
      reference: budgetEntries.reference,
    })
    .from(budgetEntries)
    .orderBy(desc(budgetEntries.occurredOn), desc(budgetEntries.createdAt))
    .limit(100);
  return { budget, entries };
}

export async function action(args: ActionFunctionArgs) {
  const actor = requirePermission(args, "budget:manage");
  const form = await args.request.formData();
  const intent = form.get("intent");
  const meta = { ip: args.context.ip };
  const { db } = args.context;
  if (intent === "budget") {
    const parsed = parseForm(UpdateBudgetSchema, form);
    if (!parsed.ok) return data({ intent, ...parsed }, { status: 400 });
    const result = await updateBudget(db, actor, parsed.data, meta);
    if (!result.ok)
      return data({ intent, ok: false as const, errors: result.errors, values: formValues(form) }, { status: 400 });
  } else if (intent === "rate") {
    const parsed = parseForm(AddRateSchema, form);
    if (!parsed.ok) return data({ intent, ...parsed }, { status: 400 });
    const result = await addRate(db, actor, parsed.data, meta);
    if (!result.ok)
      return data({ intent, ok: false as const, errors: result.errors, values: formValues(form) }, { status: 400 });
  } else if (intent === "entry") {
    const parsed = parseForm(AddEntrySchema, form);
    if (!parsed.ok) return data({ intent, ...parsed }, { status: 400 });
    await addEntry(db, actor, parsed.data, meta);
  } else {
    return data(
      { intent: null, ok: false as const, errors: { form: "errors.invalid" } as FieldErrors, values: formValues(form) },
      { status: 400 },
    );
  }
  return redirect("/admin/budget?saved=1");
}

const usd = (cents: number) => (cents / 100).toFixed(2);

export default function BudgetAdmin() {
  const { budget, entries } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const [params] = useSearchParams();
  const { t, formatMoney, formatDate, locale } = useI18n();
  const errorsFor = (intent: string) =>
    actionData && actionData.intent === intent && !actionData.ok ? actionData.errors : undefined;
  const valuesFor = (intent: string) =>
    actionData && actionData.intent === intent && !actionData.ok ? actionData.values : undefined;
  const planned = budget.planned.reduce((a, l) => a + l.plannedUsdCents, 0);
  const fmtUsd = (cents: number) =>
    new Intl.NumberFormat(locale === "ar" ? "ar-MA" : locale, { style: "currency", currency: "USD" }).format(
      cents / 100,
    );
  const be = errorsFor("budget");
  return (
    <div>
      <PageTitle>{t("reporting.budget.title")}</PageTitle>
      {params.get("saved") ? <FormAlert tone="success" message="reporting.budget.saved" /> : null}

      <h2>{t("reporting.budget.lines")}</h2>
      <Form method="post" className="stack narrow" noValidate>
        <input type="hidden" name="intent" value="budget" />
        <FormAlert message={be?.form} />
        <Field
          name="total"
          label="reporting.budget.total"
          inputMode="decimal"
          required
          errors={be}
          values={valuesFor("budget")}
          defaultValue={usd(budget.totalUsdCents)}
        />
        <Field
          name="startsOn"
          label="reporting.budget.startsOn"
          type="date"
          required
          errors={be}
          values={valuesFor("budget")}
          defaultValue={budget.startsOn ?? ""}
        />
        <Field
          name="endsOn"
          label="reporting.budget.endsOn"
          type="date"
          required
          errors={be}
          values={valuesFor("budget")}
          defaultValue={budget.endsOn ?? ""}
        />
        {BUDGET_LINES.map((line) => (
          <Field
            key={line}
            name={`line_${line}`}
            label={`reporting.budgetLine.${line}`}
            inputMode="decimal"
            required
            errors={be}
            values={valuesFor("budget")}
            defaultValue={usd(budget.planned.find((p) => p.line === line)?.plannedUsdCents ?? 0)}
          />
        ))}
        <p className="hint">{t("reporting.budget.unplanned", { amount: fmtUsd(budget.totalUsdCents - planned) })}</p>
        <button type="submit" className="button">
          {t("reporting.budget.save")}
        </button>
      </Form>

      <h2>{t("reporting.budget.rates")}</h2>
      {budget.rates.length === 0 ? <p className="alert">{t("reporting.budget.noRate")}</p> : null}
      <div className="table-wrap" tabIndex={0} role="region" aria-label={t("reporting.budget.rates")}>
        <table>
          <thead>
            <tr>
              <th scope="col">{t("reporting.budget.effectiveOn")}</th>
              <th scope="col">{t("reporting.budget.rate")}</th>
            </tr>
          </thead>
          <tbody>
            {budget.rates.map((r) => (
              <tr key={r.id}>
                <td>{formatDate(r.effectiveOn)}</td>
                <td className="num">{formatRate(r.madPerUsdE4)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <Form method="post" className="stack narrow" noValidate>
        <input type="hidden" name="intent" value="rate" />
        <Field
          name="effectiveOn"
          label="reporting.budget.effectiveOn"
          type="date"
          required
          errors={errorsFor("rate")}
          values={valuesFor("rate")}
        />
        <Field
          name="rate"
          label="reporting.budget.rate"
          inputMode="decimal"
          required
          errors={errorsFor("rate")}
          values={valuesFor("rate")}
        />
        <button type="submit" className="button">
          {t("reporting.budget.addRate")}
        </button>
      </Form>

      <h2>{t("reporting.budget.entries")}</h2>
      <Form method="post" className="stack narrow" noValidate>
        <input type="hidden" name="intent" value="entry" />
        <div className="field">
          <label htmlFor="f-lineKey">{t("reporting.budget.line")}</label>
          <select id="f-lineKey" name="lineKey" defaultValue={valuesFor("entry")?.lineKey ?? "staff_operations"}>
            {BUDGET_LINES.map((line) => (
              <option key={line} value={line}>
                {t(`reporting.budgetLine.${line}`)}
              </option>
            ))}
          </select>
          <FieldError name="lineKey" errors={errorsFor("entry")} />
        </div>
        <div className="field">
          <label htmlFor="f-kind">{t("reporting.budget.entryKind")}</label>
          <select id="f-kind" name="kind" defaultValue={valuesFor("entry")?.kind ?? "spending"}>
            <option value="spending">{t("reporting.budget.kind.spending")}</option>
            <option value="commitment">{t("reporting.budget.kind.commitment")}</option>
          </select>
          <FieldError name="kind" errors={errorsFor("entry")} />
        </div>
        <Field
          name="amount"
          label="reporting.budget.amount"
          inputMode="decimal"
          required
          errors={errorsFor("entry")}
          values={valuesFor("entry")}
        />
        <Field
          name="occurredOn"
          label="reporting.budget.occurredOn"
          type="date"
          required
          errors={errorsFor("entry")}
          values={valuesFor("entry")}
        />
        <Field
          name="reference"
          label="reporting.budget.reference"
          required
          maxLength={200}
          errors={errorsFor("entry")}
          values={valuesFor("entry")}
        />
        <button type="submit" className="button">
          {t("reporting.budget.addEntry")}
        </button>
      </Form>
      {entries.length === 0 ? (
        <p className="hint">{t("reporting.budget.noEntries")}</p>
      ) : (
        <div className="table-wrap" tabIndex={0} role="region" aria-label={t("reporting.budget.entries")}>
          <table>
            <thead>
              <tr>
                <th scope="col">{t("reporting.budget.occurredOn")}</th>
                <th scope="col">{t("reporting.budget.line")}</th>
                <th scope="col">{t("reporting.budget.entryKind")}</th>
                <th scope="col">{t("reporting.budget.amount")}</th>
                <th scope="col">{t("reporting.budget.reference")}</th>
              </tr>
            </thead>
            <tbody>
              {entries.map((e) => (
                <tr key={e.id}>
                  <td>{formatDate(e.occurredOn)}</td>
                  <td>{t(`reporting.budgetLine.${e.lineKey}`)}</td>
                  <td>{t(`reporting.budget.kind.${e.kind}`)}</td>
                  <td className="num">{formatMoney(e.amount)}</td>
                  <td>{e.reference}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </div>
  );
}
