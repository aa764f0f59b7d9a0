import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { Form, useActionData } from "@remix-run/react";
import { Link } from "~/components/link";
import { ErrorSummary } from "~/components/error-summary";
import { PageTitle } from "~/components/form";
import { useI18n } from "~/i18n/i18n-context";
import { formValues } from "~/lib/forms.server";
import { anonymousOnlyLoader, requireAnonymous } from "~/modules/auth/guards.server";
import { CodeThrottled, IdentifierField } from "~/modules/auth/ui";
import { askForResetCode } from "~/modules/auth/reset-request.server";
import { keepRetryAfter } from "~/lib/retry-after";

export const loader = (args: LoaderFunctionArgs) => anonymousOnlyLoader(args);

/** The same answer whether an account uses the number or e-mail or not: the next page says "if". */
// a throttled action's Retry-After reaches the answer
export const headers = keepRetryAfter;

export async function action({ request, context }: ActionFunctionArgs) {
  requireAnonymous({ context });
  const form = await request.formData();
  return askForResetCode(context, form, formValues(form));
}

export default function ForgotPassword() {
  const actionData = useActionData<typeof action>();
  const { t } = useI18n();
  return (
    <div className="narrow stack">
      <PageTitle>{t("forgot.title")}</PageTitle>
      <p>{t("forgot.intro")}</p>
      <CodeThrottled retryAt={actionData?.retryAt} />
      {actionData?.retryAt ? null : (
        <ErrorSummary errors={actionData?.errors} labels={{ identifier: "login.identifier" }} />
      )}
      <Form method="post" className="stack" noValidate>
        <IdentifierField hint errors={actionData?.errors} values={actionData?.values} />
        <button type="submit" className="button">
          {t("forgot.submit")}
        </button>
      </Form>
      <p>{t("forgot.staff")}</p>
      <p>
        <Link to="/set-password">{t("forgot.haveStaffCode")}</Link>
      </p>
    </div>
  );
}
