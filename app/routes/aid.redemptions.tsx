import type { LoaderFunctionArgs } from "@remix-run/node";
import { Form, useLoaderData } from "@remix-run/react";
import { Link } from "~/components/link";
import { Field, PageTitle } from "~/components/form";
import { DataTable } from "~/components/table-wrap";
import { useI18n } from "~/i18n/i18n-context";
import { moroccoToday } from "~/lib/morocco-time";
import { parseQuery, query } from "~/lib/params.server";
import { redemptionsOfMonth } from "~/modules/aid/shops.server";
import { forbidden, requirePermission } from "~/modules/auth/guards.server";

/** An association reconciles its shops' invoices: its vouchers redeemed in a month, per shop. */
export async function loader(args: LoaderFunctionArgs) {
  const actor = requirePermission(args, "aid:use");
  const month = parseQuery(args, { month: query.month() }).month ?? moroccoToday().slice(0, 7);
  const found = await redemptionsOfMonth(args.context.db, actor, month);
  if (!found) forbidden();
  return { month, ...found };
}

export default function Redemptions() {
  const { month, perShop, lines } = useLoaderData<typeof loader>();
  const { t, formatMoney, formatDate } = useI18n();
  const shopName = (shop: string | null) => shop ?? t("aid.redemptions.atAssociation");
  return (
    <div>
      <PageTitle>{t("aid.redemptions.title")}</PageTitle>
      <p>{t("aid.redemptions.intro")}</p>
      <Form method="get" className="filters">
        <Field inline name="month" label="aid.redemptions.month" type="month" defaultValue={month} dir="ltr" />
        <button type="submit" className="button button-secondary">
          {t("aid.redemptions.show")}
        </button>
      </Form>
      {perShop.length ? (
        <>
          <DataTable
            label={t("aid.redemptions.title")}
            testId="redemptions-per-shop"
            headers={[t("aid.redemptions.shop"), t("aid.redemptions.count"), t("aid.redemptions.value")]}
            rows={perShop}
            rowKey={(s) => s.shopId ?? "association"}
            cells={(s) => [shopName(s.shop), s.count, formatMoney(s.centimes)]}
          />
          <h2>{t("aid.redemptions.detail")}</h2>
          <DataTable
            label={t("aid.redemptions.detail")}
            testId="redemption-lines"
            headers={[
              t("aid.shop.when"),
              t("aid.redemptions.shop"),
              t("aid.shop.code"),
              t("aid.redemptions.case"),
              t("aid.redemptions.value"),
            ]}
            rows={lines}
            rowKey={(l) => l.id}
            cells={(l) => [
              formatDate(l.redeemedAt, true),
              shopName(l.shop),
              <bdi key="code" dir="ltr">
                {l.code}
              </bdi>,
              <Link key="case" to={`/protection/cases/${l.caseId}`} dir="ltr">
                {l.reference}
              </Link>,
              formatMoney(l.valueCentimes),
            ]}
          />
        </>
      ) : (
        <p>{t("aid.redemptions.none")}</p>
      )}
    </div>
  );
}
