/** The parts of a partner shop's page: the voucher it is about to take, its totals, its history. */
import { Form } from "@remix-run/react";
import { DataTable } from "~/components/table-wrap";
import { useI18n } from "~/i18n/i18n-context";

export function VoucherCheck({
  code,
  voucher,
}: {
  code: string;
  voucher: { valueCentimes: number; initials: string; expiresOn: string };
}) {
  const { t, formatMoney, formatDate } = useI18n();
  return (
    <section className="card stack voucher-check" data-testid="voucher-check" aria-labelledby="voucher-valid">
      <h2 id="voucher-valid">{t("aid.shop.valid")}</h2>
      <dl className="facts">
        <dt>{t("aid.shop.code")}</dt>
        <dd dir="ltr">{code}</dd>
        <dt>{t("aid.shop.value")}</dt>
        <dd>
          <strong>{formatMoney(voucher.valueCentimes)}</strong>
        </dd>
        <dt>{t("aid.shop.holder")}</dt>
        <dd>
          <bdi data-testid="initials">{voucher.initials}</bdi>
        </dd>
        <dt>{t("aid.shop.validUntil")}</dt>
        <dd>{formatDate(voucher.expiresOn)}</dd>
      </dl>
      <Form method="post">
        <input type="hidden" name="code" value={code} />
        <button type="submit" className="button">
          {t("aid.shop.redeem", { value: formatMoney(voucher.valueCentimes) })}
        </button>
      </Form>
    </section>
  );
}

type Figure = { count: number; centimes: number };

export function ShopTotals({ totals }: { totals: { month: Figure; all: Figure } }) {
  const { t, formatMoney } = useI18n();
  return (
    <>
      <h2>{t("aid.shop.totals")}</h2>
      <dl className="facts" data-testid="shop-totals">
        <dt>{t("aid.shop.thisMonth")}</dt>
        <dd>{t("aid.shop.totalLine", { count: totals.month.count, value: formatMoney(totals.month.centimes) })}</dd>
        <dt>{t("aid.shop.allTime")}</dt>
        <dd>{t("aid.shop.totalLine", { count: totals.all.count, value: formatMoney(totals.all.centimes) })}</dd>
      </dl>
    </>
  );
}

export function ShopHistory({
  history,
}: {
  history: { id: string; code: string; redeemedAt: string; valueCentimes: number; initials: string }[];
}) {
  const { t, formatMoney, formatDate } = useI18n();
  return (
    <>
      <h2>{t("aid.shop.history")}</h2>
      {history.length ? (
        <DataTable
          label={t("aid.shop.history")}
          testId="shop-history"
          headers={[t("aid.shop.when"), t("aid.shop.code"), t("aid.shop.initials"), t("aid.shop.value")]}
          rows={history}
          rowKey={(h) => h.id}
          cells={(h) => [
            formatDate(h.redeemedAt, true),
            <bdi key="code" dir="ltr">
              {h.code}
            </bdi>,
            <bdi key="initials">{h.initials}</bdi>,
            formatMoney(h.valueCentimes),
          ]}
        />
      ) : (
        <p>{t("aid.shop.none")}</p>
      )}
    </>
  );
}
