import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { ErrorSummary } from "~/components/error-summary";
import { data, redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { Field, FieldError, PageTitle } from "~/components/form";
import { useI18n } from "~/i18n/i18n-context";
import { moroccoToday } from "~/lib/morocco-time";
import type { MessageKey } from "~/i18n/translate";
import { parseForm } from "~/lib/forms.server";
import { requirePermission } from "~/modules/auth/guards.server";
import { ServiceSchema } from "~/modules/protection/schemas.server";
import { SERVICE_KINDS } from "~/modules/protection/constants";
import { addService, requireCase } from "~/modules/protection/service.server";
import { caseReach } from "~/modules/protection/reach.server";
import { idParam, parseQuery, query } from "~/lib/params.server";

type Kind = (typeof SERVICE_KINDS)[number];

export async function loader(args: LoaderFunctionArgs) {
  const actor = requirePermission(args, "protection:use");
  const c = await requireCase(args.context.db, actor, idParam(args, "caseId"));
  if (c.anonymisedAt) throw new Response("Not Found", { status: 404 });
  const kind: Kind = parseQuery(args, { kind: query.oneOf(SERVICE_KINDS) }).kind ?? "medical";
  // a receiving association names the case by its reference unless the identity is shared with it
  const reach = await caseReach(args.context.db, actor, c.id);
  return {
    caseId: c.id,
    reference: c.reference,
    name: reach?.sections.identity ? `${c.firstName} ${c.lastName}` : c.reference,
    kind,
    today: moroccoToday(),
  };
}

export async function action(args: ActionFunctionArgs) {
  const actor = requirePermission(args, "protection:use");
  const c = await requireCase(args.context.db, actor, idParam(args, "caseId"));
  const form = await args.request.formData();
  const parsed = parseForm(ServiceSchema, form);
  if (!parsed.ok) return data({ errors: parsed.errors, values: parsed.values }, { status: 400 });
  await addService(args.context.db, actor, c.id, parsed.data, { ip: args.context.ip });
  return redirect(`/protection/cases/${c.id}#services`);
}

/** The choices of the kind's own enumerated fields. */
const CHOICES: Record<string, readonly string[]> = {
  reasonCategory: ["general", "maternal", "child", "chronic", "injury", "infectious", "other"],
  outcome: ["treated", "referred", "follow_up", "other"],
  urgency: ["routine", "urgent", "emergency"],
  sessionType: ["individual", "group", "family"],
  legalType: ["counselling", "documents", "regularisation", "court"],
};

const KIND_FIELDS: Record<Kind, { name: string; type?: "date" | "select" }[]> = {
  medical: [
    { name: "reasonCategory", type: "select" },
    { name: "outcome", type: "select" },
  ],
  hospital_referral: [
    { name: "facility" },
    { name: "specialty" },
    { name: "urgency", type: "select" },
    { name: "followUpDate", type: "date" },
  ],
  mental_health: [{ name: "sessionType", type: "select" }],
  shelter: [{ name: "place" }, { name: "checkIn", type: "date" }, { name: "checkOut", type: "date" }],
  legal: [{ name: "legalType", type: "select" }],
  avrr: [{ name: "countryOfReturn" }],
};

/** The fields of the form for a service of this kind, in order, with their labels: for the error summary. */
function serviceLabels(kind: keyof typeof KIND_FIELDS): Record<string, MessageKey> {
  return {
    serviceDate: "protection.services.date",
    ...Object.fromEntries(KIND_FIELDS[kind].map((f) => [f.name, `protection.detail.${f.name}` as MessageKey])),
    provider: "protection.services.provider",
    cost: "protection.services.cost",
    notes: "protection.services.notes",
  };
}

export default function NewService() {
  const { caseId, reference, name, kind, today } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const { t } = useI18n();
  const errors = actionData?.errors;
  const values = actionData?.values;
  return (
    <div className="narrow">
      <PageTitle>{t(`protection.service.${kind}`)}</PageTitle>
      <p className="hint">
        <Link to={`/protection/cases/${caseId}`}>{name}</Link> · <span dir="ltr">{reference}</span>
      </p>
      <ErrorSummary errors={errors} labels={serviceLabels(kind)} order={Object.keys(serviceLabels(kind))} />
      <Form method="post" className="stack" noValidate>
        <input type="hidden" name="kind" value={kind} />
        <Field
          name="serviceDate"
          label="protection.services.date"
          type="date"
          defaultValue={today}
          required
          errors={errors}
          values={values}
        />
        {KIND_FIELDS[kind].map((f) =>
          f.type === "select" ? (
            <div key={f.name} className="field">
              <label htmlFor={`f-${f.name}`}>{t(`protection.detail.${f.name}` as MessageKey)}</label>
              <select id={`f-${f.name}`} name={f.name} defaultValue={values?.[f.name]}>
                {CHOICES[f.name]!.map((v) => (
                  <option key={v} value={v}>
                    {t(`protection.value.${v}` as MessageKey)}
                  </option>
                ))}
              </select>
              <FieldError name={f.name} errors={errors} />
            </div>
          ) : (
            <Field
              key={f.name}
              name={f.name}
              label={`protection.detail.${f.name}` as MessageKey}
              type={f.type ?? "text"}
              errors={errors}
              values={values}
            />
          ),
        )}
        <Field name="provider" label="protection.services.provider" errors={errors} values={values} />
        <Field
          name="cost"
          label="protection.services.cost"
          type="number"
          min={0}
          step="0.01"
          inputMode="decimal"
          errors={errors}
          values={values}
        />
        <div className="field">
          <label htmlFor="f-notes">{t("protection.services.notes")}</label>
          <textarea id="f-notes" name="notes" rows={4} defaultValue={values?.notes} />
          <FieldError name="notes" errors={errors} />
        </div>
        <button type="submit" className="button">
          {t("protection.services.save")}
        </button>
      </Form>
    </div>
  );
}
