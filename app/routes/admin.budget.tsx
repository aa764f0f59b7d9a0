import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { DoneNote, PlacelessRefusal } from "~/components/done-note";
import { data, redirect } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { PageTitle } from "~/components/form";
import { useI18n } from "~/i18n/i18n-context";
import { formValues, parseForm, type FieldErrors, type z } from "~/lib/forms.server";
import type { Meta, Result } from "~/lib/result";
import type { Database } from "~db/client";
import type { SessionUser } from "~/modules/auth/session.server";
import { runIntent } from "~/lib/intents.server";
import { notFound, requirePermission } from "~/modules/auth/guards.server";
import { parseQuery, query } from "~/lib/params.server";
import { ErrorSummary } from "~/components/error-summary";
import { getBudget, getBudgetEntry, listBudgetEntries } from "~/modules/reporting/budget-queries.server";
import { EntriesTable, EntryForm, PlannedBudgetForm, RatesSection } from "~/modules/reporting/budget-sections";
import {
  AddEntrySchema,
  AddRateSchema,
  CorrectEntrySchema,
  UpdateBudgetSchema,
} from "~/modules/reporting/schemas.server";
import { addEntry, addRate, correctEntry, ensureBudget, updateBudget } from "~/modules/reporting/service.server";

export async function loader(args: LoaderFunctionArgs) {
  requirePermission(args, "budget:manage");
  const { db } = args.context;
  // `?entry=<id>` opens that entry's correction form (a link: no JavaScript needed)
  const { entry: asked } = parseQuery(args, { entry: query.id() });
  await ensureBudget(db);
  const [budget, entries, editing] = await Promise.all([
    getBudget(db),
    listBudgetEntries(db),
    asked ? getBudgetEntry(db, asked) : null,
  ]);
  if (asked && !editing) notFound();
  return { budget, entries, editing };
}

type Intent = "budget" | "rate" | "entry" | "correctEntry";

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

/** A correction: back to the page saying whether anything changed; 404 for an entry that is not there. */
async function handleCorrectEntry(args: ActionFunctionArgs, form: FormData) {
  const actor = requirePermission(args, "budget:manage");
  const parsed = parseForm(CorrectEntrySchema, form);
  if (!parsed.ok) return refused("correctEntry", parsed.errors, form);
  const result = await correctEntry(args.context.db, actor, parsed.data, { ip: args.context.ip });
  if (!result.ok) {
    if (result.status === 404) notFound();
    // changed meanwhile: the form shows the entry as it is now, not what was typed over the old one
    if (result.errors.form)
      return data(
        { intent: "correctEntry" as const, ok: false as const, errors: result.errors, values: undefined },
        { status: result.status },
      );
    return refused("correctEntry", result.errors, form);
  }
  return redirect(`/admin/budget?done=${result.fields.length ? "corrected" : "unchanged"}`);
}

export async function action(args: ActionFunctionArgs) {
  return runIntent(
    args,
    {
      budget: budgetForm("budget", UpdateBudgetSchema, updateBudget),
      rate: budgetForm("rate", AddRateSchema, addRate),
      entry: budgetForm("entry", AddEntrySchema, addEntry),
      correctEntry: handleCorrectEntry,
    },
    null,
    (a) => requirePermission(a, "budget:manage"),
  );
}

const ENTRY_LABELS = {
  lineKey: "reporting.budget.line",
  kind: "reporting.budget.entryKind",
  amount: "reporting.budget.amount",
  occurredOn: "reporting.budget.occurredOn",
  reference: "reporting.budget.reference",
} as const;

export default function BudgetAdmin() {
  const { budget, entries, editing } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const { t } = useI18n();
  const echoOf = (intent: Intent) =>
    actionData && "intent" in actionData && actionData.intent === intent
      ? { errors: actionData.errors, values: actionData.values }
      : {};
  return (
    <div>
      <PageTitle>{t("reporting.budget.title")}</PageTitle>
      <PlacelessRefusal />
      <DoneNote notes={{ "1": "reporting.budget.saved" }} param="saved" />
      <DoneNote notes={{ corrected: "reporting.budget.corrected", unchanged: "reporting.budget.unchanged" }} />
      {editing ? (
        <section aria-labelledby="correct-entry">
          <h2 id="correct-entry">{t("reporting.budget.correctTitle")}</h2>
          <ErrorSummary
            errors={echoOf("correctEntry").errors}
            labels={ENTRY_LABELS}
            order={Object.keys(ENTRY_LABELS)}
          />
          <EntryForm entry={editing} {...echoOf("correctEntry")} />
        </section>
      ) : null}
      <PlannedBudgetForm budget={budget} {...echoOf("budget")} />
      <RatesSection rates={budget.rates} {...echoOf("rate")} />
      <h2>{t("reporting.budget.entries")}</h2>
      <EntryForm {...echoOf("entry")} />
      <EntriesTable entries={entries} />
    </div>
  );
}
