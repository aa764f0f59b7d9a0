import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { useActionData, useLoaderData, useSearchParams } from "@remix-run/react";
import { FormAlert, PageTitle } from "~/components/form";
import { useI18n } from "~/i18n/i18n-context";
import { formValues, parseForm, type FieldErrors } from "~/lib/forms.server";
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

const saved = () => redirect("/admin/budget?saved=1");

async function handleBudget(args: ActionFunctionArgs, form: FormData) {
  const actor = requirePermission(args, "budget:manage");
  const parsed = parseForm(UpdateBudgetSchema, form);
  if (!parsed.ok) return refused("budget", parsed.errors, form);
  const result = await updateBudget(args.context.db, actor, parsed.data, { ip: args.context.ip });
  return result.ok ? saved() : refused("budget", result.errors, form);
}

async function handleRate(args: ActionFunctionArgs, form: FormData) {
  const actor = requirePermission(args, "budget:manage");
  const parsed = parseForm(AddRateSchema, form);
  if (!parsed.ok) return refused("rate", parsed.errors, form);
  const result = await addRate(args.context.db, actor, parsed.data, { ip: args.context.ip });
  return result.ok ? saved() : refused("rate", result.errors, form);
}

async function handleEntry(args: ActionFunctionArgs, form: FormData) {
  const actor = requirePermission(args, "budget:manage");
  const parsed = parseForm(AddEntrySchema, form);
  if (!parsed.ok) return refused("entry", parsed.errors, form);
  await addEntry(args.context.db, actor, parsed.data, { ip: args.context.ip });
  return saved();
}

async function handleUnknown(args: ActionFunctionArgs, form: FormData) {
  requirePermission(args, "budget:manage");
  return refused(null, { form: "errors.invalid" }, form);
}

export async function action(args: ActionFunctionArgs) {
  return runIntent(args, { budget: handleBudget, rate: handleRate, entry: handleEntry }, handleUnknown);
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
