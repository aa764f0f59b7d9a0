import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { Link } from "~/components/link";
import { ErrorSummary } from "~/components/error-summary";
import { FormAlert, OnFileValues, PageTitle } from "~/components/form";
import { useI18n } from "~/i18n/i18n-context";
import type { MessageKey } from "~/i18n/translate";
import { formValues, parseForm, type FieldErrors } from "~/lib/forms.server";
import { idParam } from "~/lib/params.server";
import { requirePermission } from "~/modules/auth/guards.server";
import { RequestFields } from "~/modules/protection/case-file/referral-sections";
import {
  referralAsEntered,
  referralInputAsEntered,
  sharedSections,
  staleCorrectionFlags,
  type ReferralAsEntered,
} from "~/modules/protection/correction-rules";
import { CorrectReferralSchema } from "~/modules/protection/schemas.server";
import { correctReferral, referralVersion, requireOwnReferral } from "~/modules/protection/service.server";

const LABELS: Record<string, MessageKey> = {
  reason: "protection.referral.reasonLabel",
  urgency: "protection.referral.urgencyLabel",
  services: "protection.referral.servicesLabel",
  share: "protection.referral.shareLabel",
};

function ids(args: LoaderFunctionArgs) {
  const actor = requirePermission(args, "protection:use");
  return { actor, caseId: idParam(args, "caseId"), referralId: idParam(args, "referralId") };
}

/** Ticked boxes as a refused form's values hold them (app/lib/forms.ts tickedValues). */
function ticked(name: string, list: readonly string[]): Record<string, string> {
  return list.length ? { [name]: list[0]!, [`${name}[]`]: list.join("\n") } : {};
}

export async function loader(args: LoaderFunctionArgs) {
  const { actor, caseId, referralId } = ids(args);
  const { case: c, referral: r } = await requireOwnReferral(args.context.db, actor, caseId, referralId);
  const values = { ...referralValues(referralAsEntered(r)), version: referralVersion(r) };
  const head = { caseId: c.id, reference: c.reference, kind: r.kind, values };
  // a request answered (or an anonymised file) is shown its refusal, not a form
  const refusal: MessageKey | null = c.anonymisedAt
    ? "protection.correct.anonymised"
    : r.status !== "pending"
      ? "protection.correct.referralDecided"
      : null;
  if (refusal) return data({ ...head, refusal }, { status: 409 });
  return { ...head, refusal };
}

/** The request as the form shows it: what it says now (or what a correction would store). */
function referralValues(r: ReferralAsEntered): Record<string, string> {
  return {
    reason: r.reason ?? "",
    urgency: r.urgency ?? "",
    ...ticked("services", r.services),
    ...ticked("share", sharedSections(r)),
  };
}

type Refused = { errors: FieldErrors; values: Record<string, string>; onFile?: Record<string, string> };

export async function action(args: ActionFunctionArgs) {
  const { actor, caseId, referralId } = ids(args);
  const form = await args.request.formData();
  const parsed = parseForm(CorrectReferralSchema, form);
  if (!parsed.ok) return data<Refused>({ errors: parsed.errors, values: parsed.values }, { status: 400 });
  const meta = { ip: args.context.ip };
  const db = args.context.db;
  const result = await correctReferral(db, actor, caseId, referralId, parsed.data, meta);
  if (!result.ok) {
    const typed = formValues(form);
    if (result.errors.form !== "protection.correct.stale")
      return data<Refused>({ errors: result.errors, values: typed }, { status: result.status });
    // what was typed stays, compared with the request as it is now; the form now carries the
    // request's current version, so saving again saves
    const { referral } = await requireOwnReferral(db, actor, caseId, referralId);
    const { errors, onFile } = staleCorrectionFlags(
      referralValues(referralAsEntered(referral)),
      referralValues(referralInputAsEntered(parsed.data)),
    );
    return data<Refused>({ errors, onFile, values: { ...typed, version: referralVersion(referral) } }, { status: 409 });
  }
  return redirect(`/protection/cases/${caseId}#referral`);
}

export default function CorrectReferral() {
  const d = useLoaderData<typeof loader>();
  const refused = useActionData<typeof action>();
  const { t } = useI18n();
  const values = refused?.values ?? d.values;
  const errors = refused?.errors;
  return (
    <div className="narrow">
      <PageTitle>{t("protection.correct.referralTitle")}</PageTitle>
      <p className="hint">
        <Link to={`/protection/cases/${d.caseId}#referral`}>{t("protection.correct.back")}</Link> ·{" "}
        <span dir="ltr">{d.reference}</span> · {t(`protection.referral.kind.${d.kind}`)}
      </p>
      {d.refusal ? (
        <FormAlert message={d.refusal} />
      ) : (
        <>
          <ErrorSummary errors={errors} labels={LABELS} order={["form", ...Object.keys(LABELS)]} />
          <p className="hint">{t("protection.correct.referralHint")}</p>
          <OnFileValues.Provider value={refused?.onFile}>
            <Form method="post" className="stack" noValidate>
              <input type="hidden" name="version" value={values.version ?? d.values.version} />
              <RequestFields errors={errors} values={values} />
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
