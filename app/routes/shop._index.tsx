import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { Link } from "~/components/link";
import { Field, FormAlert, PageTitle } from "~/components/form";
import { useI18n } from "~/i18n/i18n-context";
import { parseForm } from "~/lib/forms.server";
import { moroccoToday } from "~/lib/morocco-time";
import { parseQuery, query } from "~/lib/params.server";
import { RedeemSchema } from "~/modules/aid/schemas.server";
import { ShopHistory, ShopTotals, VoucherCheck } from "~/modules/aid/shop-sections";
import { checkAtShop, redeemAtShop, shopOf, shopRedemptions, shopTotals } from "~/modules/aid/shop.server";
import { notFound, requirePermission, requireUser } from "~/modules/auth/guards.server";

/**
 * A partner shop's one page: check a code (the voucher's QR code opens this page with
 * it), redeem it whole, and the shop's own totals and history. Never a name: the
 * holder's initials only.
 */
export async function loader(args: LoaderFunctionArgs) {
  const { code, redeemed } = parseQuery(args, { code: query.text(40), redeemed: query.text(40) });
  // a case worker who scans a voucher lands on the association's own redeem page
  if (requireUser(args).role === "case_worker")
    throw redirect(code ? `/aid/vouchers?code=${encodeURIComponent(code)}` : "/aid/vouchers");
  const actor = requirePermission(args, "shop:redeem");
  const { db } = args.context;
  const shop = await shopOf(db, actor);
  if (!shop) notFound();
  const today = moroccoToday();
  const [check, history, totals] = await Promise.all([
    code && !redeemed ? checkAtShop(db, shop, code, today) : null,
    shopRedemptions(db, shop),
    shopTotals(db, shop, today),
  ]);
  // after a redemption (post, then redirect here): the line of the history it added
  const done = redeemed ? (history.find((h) => h.code === redeemed) ?? null) : null;
  return { shop: { name: shop.name, isActive: shop.isActive }, check, done, history, totals };
}

export async function action(args: ActionFunctionArgs) {
  const actor = requirePermission(args, "shop:redeem");
  const parsed = parseForm(RedeemSchema, await args.request.formData());
  if (!parsed.ok) return data({ errors: parsed.errors }, { status: 400 });
  const result = await redeemAtShop(args.context.db, actor, parsed.data.code, { ip: args.context.ip });
  if (!result.ok) return data({ errors: result.errors }, { status: result.status });
  return redirect(`/shop?redeemed=${encodeURIComponent(result.code)}`);
}

export default function Shop() {
  const { shop, check, done, history, totals } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const { t, formatMoney } = useI18n();
  // a refusal shows once, at the top; a code left empty shows at its field
  const error = actionData?.errors.code;
  const refused = error?.startsWith("aid.shop.refused.") ? error : undefined;
  const fieldErrors = refused ? undefined : actionData?.errors;
  return (
    <div className="narrow">
      <PageTitle>{t("aid.shop.title", { shop: `\u2068${shop.name}\u2069` })}</PageTitle>
      {shop.isActive ? <p>{t("aid.shop.intro")}</p> : <FormAlert message="aid.shop.refused.shop_inactive" />}
      {done ? (
        <p className="alert alert-success" role="status" data-testid="redeemed">
          {t("aid.shop.redeemed", {
            value: formatMoney(done.valueCentimes),
            // Latin initials in an Arabic sentence: isolated, so "Z. O." does not read ".Z. O"
            initials: `\u2068${done.initials}\u2069`,
          })}
        </p>
      ) : null}
      {refused && shop.isActive ? <FormAlert message={refused} /> : null}
      {check?.refusal && !refused && shop.isActive ? <FormAlert message={`aid.shop.refused.${check.refusal}`} /> : null}
      {check?.voucher && !refused ? <VoucherCheck code={check.code} voucher={check.voucher} /> : null}
      {/* keyed: after a redemption or a check the field starts empty again, with or without JavaScript */}
      <Form method="get" className="stack" noValidate key={done?.code ?? check?.code ?? "new"}>
        <Field
          name="code"
          label="aid.vouchers.code"
          dir="ltr"
          autoComplete="off"
          autoCapitalize="characters"
          spellCheck={false}
          defaultValue={check && !check.voucher ? check.code : ""}
          errors={fieldErrors}
        />
        <button type="submit" className={check?.voucher ? "button button-secondary" : "button"}>
          {check?.voucher || done ? t("aid.shop.another") : t("aid.shop.check")}
        </button>
      </Form>

      <ShopTotals totals={totals} />
      <ShopHistory history={history} />
      <p>
        <Link to="/account">{t("nav.account")}</Link>
      </p>
    </div>
  );
}
