import type { ActionFunctionArgs, MetaFunction } from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { Form, useActionData } from "@remix-run/react";
import { Link } from "~/components/link";
import { Field, FormAlert, PageTitle, TextareaField } from "~/components/form";
import { ErrorSummary } from "~/components/error-summary";
import { useI18n } from "~/i18n/i18n-context";
import type { MessageKey } from "~/i18n/translate";
import { formValues, parseForm } from "~/lib/forms.server";
import { keepRetryAfter, refusal } from "~/lib/retry-after";
import { readSmallForm } from "~/lib/small-form.server";
import { getUser } from "~/modules/auth/guards.server";
import { ackCookie } from "~/modules/feedback/ack.server";
import { FEEDBACK_BODY_MAX_BYTES, FEEDBACK_NAME_MAX, FEEDBACK_TEXT_MAX } from "~/modules/feedback/constants";
import { SendFeedbackSchema } from "~/modules/feedback/schemas.server";
import { sendFeedback } from "~/modules/feedback/service.server";
import { CategoryChoice } from "~/modules/feedback/ui";

export const meta: MetaFunction = () => [{ title: "Masar" }];

export const headers = keepRetryAfter;

/** Public on purpose: anyone, signed in or not, from the link in every page's footer. */
export const loader = () => null;

type Refused = {
  ok: false;
  errors: Partial<Record<string, MessageKey>>;
  values: Record<string, string>;
  retryAt?: string;
};

export async function action({ request, context }: ActionFunctionArgs) {
  const form = await readSmallForm(request, FEEDBACK_BODY_MAX_BYTES);
  if (!form) {
    return data<Refused>({ ok: false, errors: { form: "feedback.errors.tooLarge" }, values: {} }, { status: 413 });
  }
  const parsed = parseForm(SendFeedbackSchema, form);
  if (!parsed.ok) return data<Refused>(parsed, { status: 400 });
  const user = getUser({ context });
  const sent = await sendFeedback(
    context.db,
    { ...parsed.data, locale: context.locale },
    { userId: user?.id ?? null, ip: context.ip },
  );
  if (!sent.ok) {
    const { retryAt } = sent;
    return refusal<Refused>(sent, {
      ok: false,
      errors: sent.errors,
      values: formValues(form),
      retryAt: retryAt?.toISOString(),
    });
  }
  return redirect("/feedback/sent", { headers: { "Set-Cookie": ackCookie(sent, context.secureCookies) } });
}

const ORDER = ["category", "message", "contactName", "contactPhone"];
const LABELS = {
  category: "feedback.field.category",
  message: "feedback.field.message",
  contactName: "feedback.field.contactName",
  contactPhone: "feedback.field.contactPhone",
} as const;

export default function SendFeedback() {
  const refused = useActionData<typeof action>();
  const { t, formatDate } = useI18n();
  const errors = refused?.errors;
  const values = refused?.values;
  return (
    <div className="narrow">
      <PageTitle>{t("feedback.send.title")}</PageTitle>
      <p className="lead">{t("feedback.send.lead")}</p>
      {refused?.retryAt ? (
        <p className="alert alert-error" role="alert">
          {t("feedback.errors.throttled", { time: formatDate(refused.retryAt, true) })}
        </p>
      ) : (
        <FormAlert message={errors?.form} />
      )}
      <ErrorSummary errors={{ ...errors, form: undefined }} labels={LABELS} order={ORDER} />
      <Form method="post" className="stack" noValidate>
        <CategoryChoice errors={errors} values={values} />
        <TextareaField
          name="message"
          label="feedback.field.message"
          hint="feedback.field.message.hint"
          rows={6}
          maxLength={FEEDBACK_TEXT_MAX}
          required
          errors={errors}
          values={values}
        />
        <fieldset className="stack">
          <legend>{t("feedback.contact.legend")}</legend>
          <p className="hint">{t("feedback.contact.hint")}</p>
          <Field
            name="contactName"
            label="feedback.field.contactName"
            autoComplete="name"
            maxLength={FEEDBACK_NAME_MAX}
            errors={errors}
            values={values}
          />
          <Field
            name="contactPhone"
            label="feedback.field.contactPhone"
            type="tel"
            inputMode="tel"
            autoComplete="tel"
            dir="ltr"
            maxLength={40}
            errors={errors}
            values={values}
          />
        </fieldset>
        <button type="submit" className="button">
          {t("feedback.send.submit")}
        </button>
      </Form>
      <p>
        <Link to="/feedback/follow">{t("feedback.send.followLink")}</Link>
      </p>
    </div>
  );
}
