import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { BackLink } from "~/components/back-link";
import { ErrorSummary } from "~/components/error-summary";
import { Field, FieldError, PageTitle } from "~/components/form";
import { useI18n } from "~/i18n/i18n-context";
import type { Database } from "~db/client";
import { fail, type Failure, type Meta } from "~/lib/result";
import type { Actor } from "~/modules/auth/permissions";
import { formValues, parseRowsForm, type FieldErrors } from "~/lib/forms.server";
import { idParam } from "~/lib/params.server";
import { notFound, requirePermission } from "~/modules/auth/guards.server";
import {
  CALL_FORM_DEFAULTS,
  CALL_LABELS,
  CallEligibilityFields,
  CallRubricFields,
  CallTermsFields,
  CallTextFields,
} from "~/modules/grants/call-form";
import { callFormValues, correctDraftCall, correctOpenCall } from "~/modules/grants/call-correction.server";
import { getCall, TRAINING_CATEGORIES } from "~/modules/grants/queries.server";
import { CallSchema, OpenCallCorrectionSchema } from "~/modules/grants/schemas.server";
import { LocalizedText } from "~/components/localized-text";

/** Correcting a call: the whole form while it is a draft; texts, later dates and a higher budget after. */
export async function loader(args: LoaderFunctionArgs) {
  requirePermission(args, "grants:manage");
  const found = await getCall(args.context.db, idParam(args, "callId"));
  if (!found) notFound();
  const { call, criteria } = found;
  return {
    call: { id: call.id, titleFr: call.titleFr, titleAr: call.titleAr, titleEn: call.titleEn, status: call.status },
    values: { ...CALL_FORM_DEFAULTS, ...callFormValues(call, criteria) },
    requiredTrainings: call.requiredTrainings,
    trainingCategories: TRAINING_CATEGORIES,
  };
}

export async function action(args: ActionFunctionArgs) {
  const actor = requirePermission(args, "grants:manage");
  const db = args.context.db;
  const callId = idParam(args, "callId");
  const found = await getCall(db, callId);
  if (!found) notFound();
  const form = await args.request.formData();
  const requiredTrainings = form.getAll("requiredTrainings").map(String);
  const refused = (errors: FieldErrors, status: number) =>
    data({ errors, values: formValues(form), requiredTrainings }, { status });
  const result = await corrected(
    { db, actor, callId, meta: { ip: args.context.ip } },
    found.call.status === "draft",
    form,
  );
  if (!result.ok) {
    if (result.status === 404) notFound();
    return refused(result.errors, result.status);
  }
  return redirect(`/grants/calls/${callId}?done=${result.fields.length ? "corrected" : "unchanged"}`);
}

/** The whole form for a draft, the smaller one after: each parsed by its own schema. */
async function corrected(
  c: { db: Database; actor: Actor; callId: string; meta: Meta },
  draft: boolean,
  form: FormData,
): Promise<{ ok: true; fields: string[] } | Failure> {
  if (draft) {
    const parsed = parseRowsForm(CallSchema, form);
    return parsed.ok ? correctDraftCall(c.db, c.actor, c.callId, parsed.data, c.meta) : fail(400, parsed.errors);
  }
  const parsed = parseRowsForm(OpenCallCorrectionSchema, form);
  return parsed.ok ? correctOpenCall(c.db, c.actor, c.callId, parsed.data, c.meta) : fail(400, parsed.errors);
}

const OPEN_LABELS = {
  titleFr: "grants.field.title",
  titleAr: "grants.field.title",
  titleEn: "grants.field.title",
  descriptionFr: "grants.field.description",
  closesOn: "grants.field.closesOn",
  reviewDeadlineOn: "grants.field.reviewDeadlineOn",
  budget: "grants.field.budget",
} as const;

export default function CorrectCall() {
  const loaded = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const { t } = useI18n();
  const errors = actionData?.errors;
  const values = actionData?.values ?? loaded.values;
  const draft = loaded.call.status === "draft";
  const open = loaded.call.status === "open";
  const decided = loaded.call.status === "decided";
  const shown = { errors, values };
  return (
    <div className="narrow">
      <BackLink to={`/grants/calls/${loaded.call.id}`}>
        <LocalizedText row={loaded.call} field="title" />
      </BackLink>
      <PageTitle>{t("grants.correct.title")}</PageTitle>
      <p>{t(draft ? "grants.correct.draft" : decided ? "grants.correct.decided" : "grants.correct.opened")}</p>
      <ErrorSummary
        errors={errors}
        labels={draft ? CALL_LABELS : OPEN_LABELS}
        order={Object.keys(draft ? CALL_LABELS : OPEN_LABELS)}
      />
      <Form method="post" className="stack" noValidate>
        <CallTextFields {...shown} />
        {draft ? (
          <>
            <CallEligibilityFields
              {...shown}
              trainingCategories={loaded.trainingCategories}
              requiredTrainings={actionData?.requiredTrainings ?? loaded.requiredTrainings}
            />
            <CallTermsFields {...shown} />
            <CallRubricFields {...shown} />
          </>
        ) : (
          <>
            {/* fixed fields travel as they are: the server refuses any change it does not allow */}
            {open ? (
              <Field name="closesOn" label="grants.field.closesOn" type="date" required {...shown} />
            ) : (
              <input type="hidden" name="closesOn" value={values.closesOn ?? ""} />
            )}
            {decided ? (
              <>
                <input type="hidden" name="reviewDeadlineOn" value={values.reviewDeadlineOn ?? ""} />
                <input type="hidden" name="budget" value={values.budget ?? ""} />
              </>
            ) : (
              <>
                <Field name="reviewDeadlineOn" label="grants.field.reviewDeadlineOn" type="date" required {...shown} />
                <Field name="budget" label="grants.field.budget" inputMode="decimal" required {...shown} />
              </>
            )}
          </>
        )}
        <FieldError name="form" errors={errors} />
        <button type="submit" className="button">
          {t("grants.correct.save")}
        </button>
      </Form>
    </div>
  );
}
