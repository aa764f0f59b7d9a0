import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { useActionData, useLoaderData, useSearchParams } from "@remix-run/react";
import { FormAlert, PageTitle } from "~/components/form";
import { useI18n } from "~/i18n/i18n-context";
import { formValues, parseForm, type FieldErrors, type z } from "~/lib/forms.server";
import type { Meta, Result } from "~/lib/result";
import type { Database } from "~db/client";
import type { SessionUser } from "~/modules/auth/session.server";
import { runIntent } from "~/lib/intents.server";
import { requirePermission } from "~/modules/auth/guards.server";
import { getBudget, listBudgetEntries } from "~/modules/reporting/budget-queries.server";
import { EntriesTable, EntryForm, PlannedBudgetForm, RatesSection } from "~/modules/reporting/budget-sections";
import { AddEntrySchema, AddRateSchema, UpdateBudgetSchema } from "~/modules/reporting/schemas.server";
import { addEntry, addRate, ensureBudget, updateBudget } from "~/modules/reporting/service.server";

export async function loader(args: LoaderFunctionArgs) {
  requirePermission(args, "budget:manage");
  const { db } = args.context;
  await ensureBudget(db);
  const [budget, entries] = await Promise.all([getBudget(db), listBudgetEntries(db)]);
  return { budget, entries };
}

type Intent = "budget" | "rate" | "entry";

function refused(intent: Intent | null, errors: FieldErrors, form: FormData) {
  return data({ intent, ok: false as const, errors, values: formValues(form) }, { status: 400 });
}

type Service<I> = (db: Database, actor: SessionUser, input: I, meta: Meta) => Promise<Result>;

/** One form of the page: its schema, then its service; refused with the form's values echoed. */
function budgetForm<S extends z.ZodType>(intent: Intent, schema: S, run: Service<z.infer<S>>) {
  return async (args: ActionFunctionArgs, form: FormData) => {
    const actor = requirePermission(args, "budget:manage");
    const parsed = parseForm(schema, form);
    if (!parsed.ok) return refused(intent, parsed.errors, form);
    const result = await run(args.context.db, actor, parsed.data, { ip: args.context.ip });
    return result.ok ? redirect("/admin/budget?saved=1") : refused(intent, result.errors, form);
  };
}

async function handleUnknown(args: ActionFunctionArgs, form: FormData) {
  requirePermission(args, "budget:manage");
  return refused(null, { form: "errors.invalid" }, form);
}

export async function action(args: ActionFunctionArgs) {
  return runIntent(
    args,
    {
      budget: budgetForm("budget", UpdateBudgetSchema, updateBudget),
      rate: budgetForm("rate", AddRateSchema, addRate),
      entry: budgetForm("entry", AddEntrySchema, addEntry),
    },
    handleUnknown,
  );
}

export default function BudgetAdmin() {
  const { budget, entries } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const [params] = useSearchParams();
  const { t } = useI18n();
  const echoOf = (intent: Intent) =>
    actionData?.intent === intent ? { errors: actionData.errors, values: actionData.values } : {};
  return (
    <div>
      <PageTitle>{t("reporting.budget.title")}</PageTitle>
      {params.get("saved") ? <FormAlert tone="success" message="reporting.budget.saved" /> : null}
      <PlannedBudgetForm budget={budget} {...echoOf("budget")} />
      <RatesSection rates={budget.rates} {...echoOf("rate")} />
      <h2>{t("reporting.budget.entries")}</h2>
      <EntryForm {...echoOf("entry")} />
      <EntriesTable entries={entries} />
    </div>
  );
}
