import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { Link } from "~/components/link";
import { ErrorSummary } from "~/components/error-summary";
import { FormAlert, OnFileValues, PageTitle } from "~/components/form";
import { useI18n } from "~/i18n/i18n-context";
import { formValues, parseForm, type FieldErrors } from "~/lib/forms.server";
import { staleCorrectionFlags } from "~/modules/protection/correction-rules";
import { personAsStored, type StoredPerson } from "~/modules/protection/rules";
import { idParam } from "~/lib/params.server";
import { requirePermission } from "~/modules/auth/guards.server";
import { countryOptions } from "~/modules/profiles/countries.server";
import { ownsCase } from "~/modules/protection/queries.server";
import { PERSON_LABELS, PersonFields } from "~/modules/protection/register/register-form";
import { CorrectIdentitySchema } from "~/modules/protection/schemas.server";
import {
  correctIdentity,
  currentIdentity,
  currentIdentityVersion,
  requireCase,
  viewCase,
} from "~/modules/protection/service.server";

/** The owning association's case worker: another association gets 404, a partner 403. */
async function requireOwner(args: LoaderFunctionArgs) {
  const actor = requirePermission(args, "protection:use");
  const c = await requireCase(args.context.db, actor, idParam(args, "caseId"));
  if (!ownsCase(actor, c)) throw new Response("Forbidden", { status: 403 });
  return { actor, c };
}

const text = (v: string | number | null) => (v === null ? "" : String(v));

export async function loader(args: LoaderFunctionArgs) {
  const { actor, c } = await requireOwner(args);
  // the form shows the identity: a view of the file, recorded as one
  await viewCase(args.context.db, actor, c.id, { ip: args.context.ip });
  const head = { caseId: c.id, reference: c.reference, countries: countryOptions(args.context.locale) };
  const none: Record<string, string> = {};
  if (c.anonymisedAt) return data({ ...head, anonymised: true, values: none }, { status: 409 });
  const values = { ...identityValues(c), version: await currentIdentityVersion(args.context.db, c.id) };
  return { ...head, anonymised: false, values };
}

/** The identity as the form shows it: what the file says now (or what a correction would store). */
function identityValues(c: StoredPerson): Record<string, string> {
  return {
    firstName: c.firstName,
    lastName: c.lastName,
    nameArabic: text(c.nameArabic),
    sex: c.sex,
    dateOfBirth: text(c.dateOfBirth),
    estimatedAge: c.dateOfBirth ? "" : text(c.estimatedAge),
    nationality: text(c.nationality),
    languages: text(c.languages),
    phone: text(c.phone),
    documentNumber: text(c.documentNumber),
    city: text(c.city),
    householdSize: String(c.householdSize),
    householdNotes: text(c.householdNotes),
  };
}

type Refused = { errors: FieldErrors; values: Record<string, string>; onFile?: Record<string, string> };

export async function action(args: ActionFunctionArgs) {
  const { actor, c } = await requireOwner(args);
  const form = await args.request.formData();
  const parsed = parseForm(CorrectIdentitySchema, form);
  if (!parsed.ok) return data<Refused>({ errors: parsed.errors, values: parsed.values }, { status: 400 });
  const result = await correctIdentity(args.context.db, actor, c.id, parsed.data, { ip: args.context.ip });
  if (!result.ok) {
    const typed = formValues(form);
    if (result.errors.form !== "protection.correct.stale")
      return data<Refused>({ errors: result.errors, values: typed }, { status: result.status });
    // what was typed stays, compared with the file as it is now; the form now carries the
    // file's current version, so saving again saves
    const now = await currentIdentity(args.context.db, c.id);
    const { errors, onFile } = staleCorrectionFlags(
      identityValues(now.person),
      identityValues(personAsStored(parsed.data)),
    );
    return data<Refused>({ errors, onFile, values: { ...typed, version: now.version } }, { status: 409 });
  }
  return redirect(`/protection/cases/${c.id}#identity`);
}

export default function CorrectIdentity() {
  const d = useLoaderData<typeof loader>();
  const refused = useActionData<typeof action>();
  const { t } = useI18n();
  const errors = refused?.errors;
  return (
    <div className="narrow">
      <PageTitle>{t("protection.correct.identityTitle")}</PageTitle>
      <p className="hint">
        <Link to={`/protection/cases/${d.caseId}`}>{t("protection.correct.back")}</Link> ·{" "}
        <span dir="ltr">{d.reference}</span>
      </p>
      {d.anonymised ? (
        <FormAlert message="protection.correct.anonymised" />
      ) : (
        <>
          <ErrorSummary errors={errors} labels={PERSON_LABELS} order={["form", ...Object.keys(PERSON_LABELS)]} />
          <p className="hint">{t("protection.correct.hint")}</p>
          <OnFileValues.Provider value={refused?.onFile}>
            <Form method="post" className="stack" noValidate>
              <input type="hidden" name="version" value={refused?.values.version ?? d.values.version} />
              <PersonFields errors={errors} values={refused?.values ?? d.values} countries={d.countries} />
              <button type="submit" className="button">
                {t("protection.correct.save")}
              </button>
            </Form>
          </OnFileValues.Provider>
        </>
      )}
    </div>
  );
}
