import type { FormEcho } from "~/lib/forms";
import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { Form, useActionData } from "@remix-run/react";
import { Link } from "~/components/link";
import { ErrorSummary } from "~/components/error-summary";
import { Field, FieldError, PageTitle } from "~/components/form";
import { NewPasswordFields } from "~/components/password-fields";
import { useI18n } from "~/i18n/i18n-context";
import { formValues, parseForm } from "~/lib/forms.server";
import { requireAnonymous } from "~/modules/auth/guards.server";
import { PhoneField } from "~/modules/auth/ui";
import { SignUpSchema } from "~/modules/auth/schemas.server";
import { PRIVACY_NOTICE_VERSION } from "~/modules/auth/constants";
import { startSignUp } from "~/modules/auth/sign-up.server";
import { serializeSignUpCookie } from "~/modules/auth/session.server";
import { keepRetryAfter, refusal } from "~/lib/retry-after";

export const headers = keepRetryAfter;

export async function loader({ context }: LoaderFunctionArgs) {
  requireAnonymous({ context });
  return { noticeVersion: PRIVACY_NOTICE_VERSION };
}

export async function action({ request, context }: ActionFunctionArgs) {
  requireAnonymous({ context });
  const form = await request.formData();
  const parsed = parseForm(SignUpSchema, form);
  if (!parsed.ok) return data({ ...parsed, retryAt: null }, { status: 400 });
  const result = await startSignUp(context.db, parsed.data, { ip: context.ip, locale: context.locale });
  if (!result.ok) {
    const retryAt = result.retryAt?.toISOString() ?? null;
    return refusal(result, { ok: false as const, errors: result.errors, values: formValues(form), retryAt });
  }
  // the same next step whether the phone or e-mail has an account or not: the code page
  return redirect("/signup/code", {
    headers: { "Set-Cookie": serializeSignUpCookie(result.token, result.expiresAt, context.secureCookies) },
  });
}

export default function SignUp() {
  const actionData = useActionData<typeof action>();
  const { t, formatDate } = useI18n();
  const errors = actionData && !actionData.ok ? actionData.errors : undefined;
  const retryAt = actionData?.retryAt ?? null;
  const values = actionData && !actionData.ok ? actionData.values : undefined;
  return (
    <div className="narrow">
      <PageTitle>{t("signup.title")}</PageTitle>
      {retryAt ? (
        <p className="alert alert-error" role="alert">
          {t("errors.signup.throttled", { time: formatDate(retryAt, true) })}
        </p>
      ) : (
        <ErrorSummary errors={errors} labels={SIGNUP_LABELS} order={Object.keys(SIGNUP_LABELS)} />
      )}
      <p>{t("signup.intro")}</p>
      <Form method="post" className="stack" noValidate>
        <Field
          name="displayName"
          label="signup.displayName"
          autoComplete="name"
          required
          errors={errors}
          values={values}
        />
        <PhoneField label="signup.phone" errors={errors} values={values} />
        <Field
          name="email"
          label="signup.email"
          hint="signup.email.hint"
          type="email"
          autoComplete="email"
          dir="ltr"
          errors={errors}
          values={values}
        />
        <NewPasswordFields label="signup.password" hint="signup.password.hint" errors={errors} />
        <PrivacyConsent errors={errors} values={values} />
        <button type="submit" className="button">
          {t("signup.submit")}
        </button>
      </Form>
      <p>
        {t("signup.haveAccount")} <Link to="/login">{t("nav.signIn")}</Link>
      </p>
    </div>
  );
}

/** The fields in the order of the form, with their labels, for the error summary. */
const SIGNUP_LABELS = {
  displayName: "signup.displayName",
  phone: "signup.phone",
  email: "signup.email",
  password: "signup.password",
  passwordConfirm: "signup.passwordConfirm",
  acceptPrivacy: "signup.privacyField",
} as const;

function PrivacyConsent({ errors, values }: FormEcho) {
  const { t } = useI18n();
  return (
    <div className={errors?.acceptPrivacy ? "field field-invalid" : "field"}>
      <div className="checkbox">
        <input
          type="checkbox"
          id="f-acceptPrivacy"
          name="acceptPrivacy"
          defaultChecked={values?.acceptPrivacy === "on"}
          aria-describedby={errors?.acceptPrivacy ? "f-acceptPrivacy-error" : undefined}
        />
        <label htmlFor="f-acceptPrivacy">
          {t("signup.acceptPrivacy")}{" "}
          <Link to="/privacy" target="_blank">
            {t("signup.readNotice")}
          </Link>
        </label>
      </div>
      <FieldError name="acceptPrivacy" errors={errors} />
    </div>
  );
}
