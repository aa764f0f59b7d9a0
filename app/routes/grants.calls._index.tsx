import type { LoaderFunctionArgs } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { Link } from "~/components/link";
import { PageTitle } from "~/components/form";
import { LocalizedText } from "~/components/localized-text";
import { useI18n } from "~/i18n/i18n-context";
import { requirePermission } from "~/modules/auth/guards.server";
import { listCalls } from "~/modules/grants/queries.server";

export async function loader(args: LoaderFunctionArgs) {
  requirePermission(args, "grants:manage");
  const calls = await listCalls(args.context.db);
  return {
    calls: calls.map((c) => ({
      id: c.id,
      titleFr: c.titleFr,
      titleAr: c.titleAr,
      titleEn: c.titleEn,
      status: c.status,
      closesAt: c.closesAt.toISOString(),
      budgetCentimes: c.budgetCentimes,
      awardedCentimes: c.awardedCentimes,
    })),
  };
}

export default function GrantCalls() {
  const { calls } = useLoaderData<typeof loader>();
  const { t, formatDate, formatMoney } = useI18n();
  return (
    <div>
      <PageTitle>{t("grants.calls.title")}</PageTitle>
      <p>
        <Link className="button" to="/grants/calls/new">
          {t("grants.calls.new")}
        </Link>
      </p>
      {calls.length === 0 ? <p>{t("grants.calls.none")}</p> : null}
      <ul className="list">
        {calls.map((c) => (
          <li key={c.id} className="list-item">
            <p>
              <Link to={`/grants/calls/${c.id}`}>
                <LocalizedText row={c} field="title" />
              </Link>
            </p>
            <p className="hint">
              {t(`grants.status.${c.status}`)} · {t("grants.call.closes")} {formatDate(c.closesAt)} ·{" "}
              {t("grants.call.awarded")} {formatMoney(c.awardedCentimes)} / {formatMoney(c.budgetCentimes)}
            </p>
          </li>
        ))}
      </ul>
    </div>
  );
}
