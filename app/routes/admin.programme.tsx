import type { LoaderFunctionArgs } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { PageTitle } from "~/components/form";
import { DataTable } from "~/components/table-wrap";
import { useI18n } from "~/i18n/i18n-context";
import { LocalizedText } from "~/components/localized-text";
import type { Trilingual } from "~/lib/localized";
import { moroccoToday } from "~/lib/morocco-time";
import {
  programmeRedemptionsByShop,
  programmeRounds,
  programmeStock,
  programmeVouchers,
} from "~/modules/aid/programme.server";
import { requirePermission } from "~/modules/auth/guards.server";

/** The programme admin's view of aid across associations: figures, never a person. */
export async function loader(args: LoaderFunctionArgs) {
  requirePermission(args, "aid:programme");
  const { db } = args.context;
  const today = moroccoToday();
  const [stock, rounds, vouchers, byShop] = await Promise.all([
    programmeStock(db),
    programmeRounds(db, today),
    programmeVouchers(db, today),
    programmeRedemptionsByShop(db),
  ]);
  return {
    stock,
    rounds,
    vouchers,
    byShop,
  };
}

const itemName = (item: Trilingual<"name">) => <LocalizedText row={item} field="name" />;

/** What a round hands out: each item in the reader's language, with its quantity. */
function RoundItems({ items }: { items: (Trilingual<"name"> & { quantity: number })[] }) {
  return items.map((i, n) => (
    <span key={n}>
      {n > 0 ? ", " : null}
      <LocalizedText row={i} field="name" /> × {i.quantity}
    </span>
  ));
}

export default function Programme() {
  const { stock, rounds, vouchers, byShop } = useLoaderData<typeof loader>();
  const { t, formatMoney, formatNumber, formatDate } = useI18n();
  const figure = (f: { count: number; centimes: number }) =>
    t("aid.programme.figure", { count: formatNumber(f.count), value: formatMoney(f.centimes) });
  return (
    <div>
      <PageTitle>{t("aid.programme.title")}</PageTitle>
      <p>{t("aid.programme.intro")}</p>

      <h2>{t("aid.programme.stock")}</h2>
      {stock.length ? (
        <DataTable
          label={t("aid.programme.stock")}
          testId="programme-stock"
          headers={[t("aid.shops.association"), t("aid.warehouse"), t("aid.item"), t("aid.quantity")]}
          rows={stock}
          rowKey={(s) => `${s.warehouseId}:${s.itemId}`}
          cells={(s) => [s.association, s.warehouse, itemName(s), formatNumber(s.quantity)]}
        />
      ) : (
        <p>{t("aid.programme.noStock")}</p>
      )}

      <h2>{t("aid.programme.rounds")}</h2>
      {rounds.length ? (
        <DataTable
          label={t("aid.programme.rounds")}
          testId="programme-rounds"
          headers={[
            t("aid.shops.association"),
            t("aid.programme.round"),
            t("aid.programme.dates"),
            t("aid.programme.state"),
            t("aid.programme.handedOut"),
            t("aid.quantity"),
          ]}
          rows={rounds}
          rowKey={(r) => r.id}
          cells={(r) => [
            r.association,
            <RoundItems key="items" items={r.items} />,
            `${formatDate(r.startsOn)} – ${formatDate(r.endsOn)}`,
            t(`aid.programme.state.${r.state}`),
            formatNumber(r.handedOut),
            formatNumber(r.units),
          ]}
        />
      ) : (
        <p>{t("aid.programme.noRounds")}</p>
      )}

      <h2>{t("aid.programme.vouchers")}</h2>
      <h3>{t("aid.programme.vouchersByAssociation")}</h3>
      <DataTable
        label={t("aid.programme.vouchersByAssociation")}
        testId="programme-vouchers"
        headers={[
          t("aid.shops.association"),
          t("aid.programme.issued"),
          t("aid.programme.redeemed"),
          t("aid.programme.expired"),
          t("aid.programme.outstanding"),
        ]}
        rows={vouchers}
        rowKey={(v) => v.organisationId}
        cells={(v) => [v.association, figure(v.issued), figure(v.redeemed), figure(v.expired), figure(v.outstanding)]}
      />
      <h3>{t("aid.programme.vouchersByShop")}</h3>
      <DataTable
        label={t("aid.programme.vouchersByShop")}
        testId="programme-shops"
        headers={[t("aid.shops.association"), t("aid.redemptions.shop"), t("aid.programme.redeemed")]}
        rows={byShop}
        rowKey={(s) => `${s.association}:${s.shopId ?? "-"}`}
        cells={(s) => [s.association, s.shop ?? t("aid.redemptions.atAssociation"), figure(s)]}
      />
    </div>
  );
}
