import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { data } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { Field, PageTitle } from "~/components/form";
import { useI18n } from "~/i18n/i18n-context";
import { parseForm } from "~/lib/forms.server";
import { RedeemSchema } from "~/modules/aid/schemas.server";
import { redeemVoucher } from "~/modules/aid/service.server";
import { requirePermission } from "~/modules/auth/guards.server";
import { parseQuery, query } from "~/lib/params.server";

export async function loader(args: LoaderFunctionArgs) {
  requirePermission(args, "aid:use");
  // the QR code on a voucher opens this page with the code filled in; redeeming still takes a POST
  const code = parseQuery(args, { code: query.text(40) }).code ?? "";
  return { code };
}

export async function action(args: ActionFunctionArgs) {
  const actor = requirePermission(args, "aid:use");
  const form = await args.request.formData();
  const parsed = parseForm(RedeemSchema, form);
  if (!parsed.ok) return data({ ok: false as const, errors: parsed.errors, valueCentimes: 0 }, { status: 400 });
  const result = await redeemVoucher(args.context.db, actor, parsed.data.code, { ip: args.context.ip });
  if (!result.ok) return data({ ok: false as const, errors: result.errors, valueCentimes: 0 }, { status: 409 });
  return { ok: true as const, errors: {}, valueCentimes: result.valueCentimes };
}

export default function RedeemVoucher() {
  const { code } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const { t, formatMoney } = useI18n();
  return (
    <div className="narrow">
      <PageTitle>{t("aid.vouchers.redeem")}</PageTitle>
      {actionData?.ok ? (
        <p className="alert alert-success" role="status" data-testid="redeemed">
          {t("aid.vouchers.redeemed", { value: formatMoney(actionData.valueCentimes) })}
        </p>
      ) : null}
      <Form method="post" className="stack" noValidate>
        <Field
          name="code"
          label="aid.vouchers.code"
          dir="ltr"
          autoComplete="off"
          defaultValue={code}
          errors={actionData?.ok ? undefined : actionData?.errors}
        />
        <button type="submit" className="button">
          {t("aid.vouchers.redeem")}
        </button>
      </Form>
    </div>
  );
}
