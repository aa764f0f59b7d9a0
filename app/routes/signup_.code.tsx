import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { Link } from "~/components/link";
import { ErrorSummary } from "~/components/error-summary";
import { Field, PageTitle } from "~/components/form";
import { useI18n } from "~/i18n/i18n-context";
import { requireAnonymous } from "~/modules/auth/guards.server";
import {
  readCookie,
  serializeSessionCookie,
  serializeSignUpCookie,
  SIGN_UP_COOKIE,
} from "~/modules/auth/session.server";
import { finishSignUp, pendingSignUp } from "~/modules/auth/sign-up.server";
import { CodeField, CodeSmsState, ContactSentence } from "~/modules/auth/ui";

/** The sign-up's token, from the cookie the sign-up form set; no token, no page: back to the form. */
function signUpToken(request: Request): string {
  const token = readCookie(request.headers.get("cookie"), SIGN_UP_COOKIE);
  if (!token) throw redirect("/signup");
  return token;
}

export async function loader({ request, context }: LoaderFunctionArgs) {
  requireAnonymous({ context });
  const pending = await pendingSignUp(context.db, signUpToken(request));
  if (!pending) throw redirect("/signup");
  return pending;
}

export async function action({ request, context }: ActionFunctionArgs) {
  requireAnonymous({ context });
  const token = signUpToken(request);
  const form = await request.formData();
  const result = await finishSignUp(
    context.db,
    token,
    { code: String(form.get("code") ?? ""), emailCode: String(form.get("emailCode") ?? "") },
    { ip: context.ip },
  );
  if (!result.ok) return data({ errors: result.errors }, { status: result.status });
  const headers = new Headers();
  headers.append("Set-Cookie", serializeSessionCookie(result.token, result.expiresAt, context.secureCookies));
  headers.append("Set-Cookie", serializeSignUpCookie(null, new Date(0), context.secureCookies));
  return redirect("/home", { headers });
}

export default function SignUpCode() {
  const { phone, email, sms } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const { t } = useI18n();
  const first = phone ?? email ?? "";
  const alsoEmail = phone && email ? email : null;
  return (
    <div className="narrow stack">
      <PageTitle>{t("signupCode.title")}</PageTitle>
      <ErrorSummary
        errors={actionData?.errors}
        labels={{ code: "signupCode.code", emailCode: "signupCode.emailCode" }}
        order={["code", "emailCode"]}
      />
      <ContactSentence message="signupCode.sentTo" placeholder="contact" contact={first} />
      {alsoEmail ? <ContactSentence message="signupCode.alsoTo" placeholder="contact" contact={alsoEmail} /> : null}
      {phone ? <CodeSmsState sms={sms} /> : null}
      <Form method="post" className="stack" noValidate>
        <CodeField label="signupCode.code" errors={actionData?.errors} />
        {alsoEmail ? (
          <Field
            name="emailCode"
            label="signupCode.emailCode"
            hint="signupCode.emailCode.hint"
            inputMode="numeric"
            autoComplete="one-time-code"
            maxLength={12}
            dir="ltr"
            errors={actionData?.errors}
          />
        ) : null}
        <button type="submit" className="button">
          {t("signupCode.submit")}
        </button>
      </Form>
      <p>
        <Link to="/signup">{t("signupCode.again")}</Link>
      </p>
    </div>
  );
}
