import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { Form, useActionData, useLoaderData, useSearchParams } from "@remix-run/react";
import { Link } from "~/components/link";
import { ErrorSummary } from "~/components/error-summary";
import { FormAlert, PageTitle } from "~/components/form";
import { useI18n } from "~/i18n/i18n-context";
import { requirePermission } from "~/modules/auth/guards.server";
import { CodeField, CodeSmsState, CodeThrottled, ContactSentence, ResendCode } from "~/modules/auth/ui";
import { confirmPhone, phoneStatus, resendPhoneCode } from "~/modules/auth/phone.server";
import { keepRetryAfter, refusal } from "~/lib/retry-after";

export async function loader(args: LoaderFunctionArgs) {
  const user = requirePermission(args, "account:manage-own");
  const status = await phoneStatus(args.context.db, user.id);
  if (!status) throw new Response("Not Found", { status: 404 });
  return {
    confirmed: status.confirmed && !status.pending,
    target: status.pending ?? (status.confirmed ? null : status.phone),
    lastSms: status.lastSms && { ...status.lastSms, createdAt: status.lastSms.createdAt.toISOString() },
  };
}

// a throttled action's Retry-After reaches the answer
export const headers = keepRetryAfter;

export async function action(args: ActionFunctionArgs) {
  const user = requirePermission(args, "account:manage-own");
  const { context } = args;
  const form = await args.request.formData();
  const meta = { ip: context.ip };
  if (form.get("intent") === "resend") {
    const asked = await resendPhoneCode(context.db, user, meta);
    if (!asked.ok) return refusal(asked, { errors: undefined, retryAt: asked.retryAt?.toISOString() ?? null });
    return redirect("/confirm-phone?resent=1");
  }
  const result = await confirmPhone(context.db, user, { code: String(form.get("code") ?? "") }, meta);
  if (!result.ok) return data({ errors: result.errors, retryAt: null }, { status: result.status });
  return redirect("/confirm-phone?done=1");
}

export default function ConfirmPhone() {
  const { confirmed, target, lastSms } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const [params] = useSearchParams();
  const { t } = useI18n();
  if (confirmed || !target) {
    return (
      <div className="narrow stack">
        <PageTitle>{t("confirmPhone.title")}</PageTitle>
        {confirmed ? (
          <FormAlert tone="success" message="confirmPhone.done" />
        ) : (
          <p>
            {t("confirmPhone.noPhone")} <Link to="/account">{t("account.changePhone")}</Link>
          </p>
        )}
        <p>
          <Link to="/home">{t("confirmPhone.continue")}</Link>
        </p>
      </div>
    );
  }
  return (
    <div className="narrow stack">
      <PageTitle>{t("confirmPhone.title")}</PageTitle>
      {params.get("resent") && !actionData ? <FormAlert tone="success" message="confirmPhone.resent" /> : null}
      <CodeThrottled retryAt={actionData?.retryAt} />
      <ErrorSummary errors={actionData?.errors} labels={{ code: "confirmPhone.code" }} />
      <ContactSentence message="confirmPhone.intro" placeholder="phone" contact={target} />
      <CodeSmsState sms={lastSms} />
      <Form method="post" className="stack" noValidate>
        <input type="hidden" name="intent" value="confirm" />
        <CodeField label="confirmPhone.code" errors={actionData?.errors} />
        <button type="submit" className="button">
          {t("confirmPhone.submit")}
        </button>
      </Form>
      <ResendCode label="confirmPhone.resend" />
      <p>
        <Link to="/home">{t("confirmPhone.later")}</Link>
      </p>
    </div>
  );
}
