import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { Link } from "~/components/link";
import { FormAlert, OnFileValues, PageTitle } from "~/components/form";
import { useI18n } from "~/i18n/i18n-context";
import { formValues, parseForm, type FieldErrors } from "~/lib/forms.server";
import { moneyInputValue } from "~/lib/money";
import { idParam } from "~/lib/params.server";
import { requirePermission } from "~/modules/auth/guards.server";
import { ServiceForm } from "~/modules/protection/case-file/service-form";
import { staleCorrectionFlags } from "~/modules/protection/correction-rules";
import { serviceAsEntered, serviceInputAsEntered } from "~/modules/protection/rules";
import { ServiceSchema, VersionSchema } from "~/modules/protection/schemas.server";
import { correctService, requireOwnService, viewCase } from "~/modules/protection/service.server";

/** A case worker of the association that recorded the service, on a case it works on. */
function requireService(args: LoaderFunctionArgs) {
  const actor = requirePermission(args, "protection:use");
  const caseId = idParam(args, "caseId");
  const serviceId = idParam(args, "serviceId");
  return { actor, caseId, serviceId };
}

export async function loader(args: LoaderFunctionArgs) {
  const { actor, caseId, serviceId } = requireService(args);
  const db = args.context.db;
  const { case: c, service, version } = await requireOwnService(db, actor, caseId, serviceId);
  // the form shows the service's details: a view of the file, recorded as one
  const reach = await viewCase(db, actor, c.id, { ip: args.context.ip });
  const head = {
    caseId: c.id,
    reference: c.reference,
    name: reach.sections.identity ? `${c.firstName} ${c.lastName}` : c.reference,
    kind: service.kind,
  };
  const values = { ...serviceValues(service), version };
  if (c.anonymisedAt) return data({ ...head, anonymised: true, values: { version } }, { status: 409 });
  return { ...head, anonymised: false, values };
}

/** The service as the form shows it: what the file says now. */
function serviceValues(service: Awaited<ReturnType<typeof requireOwnService>>["service"]): Record<string, string> {
  return enteredValues(serviceAsEntered(service));
}

/** A service's fields as entered (stored, or as a correction would store them), as the form shows them. */
function enteredValues(entered: ReturnType<typeof serviceAsEntered>): Record<string, string> {
  const values: Record<string, string> = {};
  for (const [k, v] of Object.entries(entered)) values[k] = v === null ? "" : String(v);
  values.cost = typeof entered.cost === "number" ? moneyInputValue(entered.cost) : "";
  return values;
}

type Refused = { errors: FieldErrors; values: Record<string, string>; onFile?: Record<string, string> };

export async function action(args: ActionFunctionArgs) {
  const { actor, caseId, serviceId } = requireService(args);
  const form = await args.request.formData();
  const parsed = parseForm(ServiceSchema, form);
  const version = parseForm(VersionSchema, form);
  if (!parsed.ok) return data<Refused>({ errors: parsed.errors, values: parsed.values }, { status: 400 });
  if (!version.ok) return data<Refused>({ errors: version.errors, values: version.values }, { status: 400 });
  const db = args.context.db;
  const meta = { ip: args.context.ip };
  const result = await correctService(db, actor, caseId, serviceId, parsed.data, version.data.version, meta);
  if (!result.ok) {
    const typed = formValues(form);
    if (result.errors.form !== "protection.correct.stale")
      return data<Refused>({ errors: result.errors, values: typed }, { status: result.status });
    // what was typed stays, compared with the service as it is now; the form now carries the
    // service's current version, so saving again saves
    const { service, version: now } = await requireOwnService(db, actor, caseId, serviceId);
    const stored = serviceAsEntered(service);
    const { errors, onFile } = staleCorrectionFlags(
      enteredValues(stored),
      enteredValues(serviceInputAsEntered(stored, parsed.data)),
    );
    return data<Refused>({ errors, onFile, values: { ...typed, version: now } }, { status: 409 });
  }
  return redirect(`/protection/cases/${caseId}#services`);
}

export default function CorrectService() {
  const d = useLoaderData<typeof loader>();
  const refused = useActionData<typeof action>();
  const { t } = useI18n();
  const values = refused?.values ?? d.values;
  return (
    <div className="narrow">
      <PageTitle>{t("protection.correct.serviceTitle", { kind: t(`protection.service.${d.kind}`) })}</PageTitle>
      <p className="hint">
        <Link to={`/protection/cases/${d.caseId}`}>{d.name}</Link> · <span dir="ltr">{d.reference}</span>
      </p>
      {d.anonymised ? (
        <FormAlert message="protection.correct.anonymised" />
      ) : (
        <>
          <p className="hint">{t("protection.correct.hint")}</p>
          <OnFileValues.Provider value={refused?.onFile}>
            <ServiceForm
              kind={d.kind}
              errors={refused?.errors}
              values={values}
              submit="protection.correct.save"
              hidden={<input type="hidden" name="version" value={values.version ?? d.values.version} />}
            />
          </OnFileValues.Provider>
        </>
      )}
    </div>
  );
}
