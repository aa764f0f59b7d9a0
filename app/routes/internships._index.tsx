import type { LoaderFunctionArgs } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { PageTitle } from "~/components/form";
import { LocalizedText } from "~/components/localized-text";
import { useI18n } from "~/i18n/i18n-context";
import { can } from "~/modules/auth/permissions";
import { requirePermission } from "~/modules/auth/guards.server";
import { listOffers } from "~/modules/internships/queries.server";
import { parseQuery } from "~/lib/params.server";
import { OFFER_FILTERS } from "~/modules/internships/schemas.server";

export async function loader(args: LoaderFunctionArgs) {
  const user = requirePermission(args, "internships:browse");
  const filters = parseQuery(args, OFFER_FILTERS);
  return {
    offers: await listOffers(args.context.db, filters),
    filters: { city: filters.city ?? "", sector: filters.sector ?? "", paid: filters.paid ?? "" },
    canManage: can(user, "internships:manage"),
  };
}

export default function Offers() {
  const { offers, filters, canManage } = useLoaderData<typeof loader>();
  const { t, formatDate, formatMoney } = useI18n();
  return (
    <div>
      <PageTitle>{t("internships.title")}</PageTitle>
      {canManage ? (
        <p>
          <Link className="button" to="/internships/hosts">
            {t("internships.hosts")}
          </Link>
        </p>
      ) : null}
      <Form method="get" className="filters">
        <label>
          {t("internships.field.city")}
          <input name="city" defaultValue={filters.city} maxLength={100} />
        </label>
        <label>
          {t("internships.field.sector")}
          <input name="sector" defaultValue={filters.sector} maxLength={100} />
        </label>
        <label className="checkbox">
          <input type="checkbox" name="paid" value="yes" defaultChecked={filters.paid === "yes"} />
          {t("internships.paidOnly")}
        </label>
        <button type="submit" className="button button-secondary">
          {t("internships.filter")}
        </button>
      </Form>
      {offers.length === 0 ? <p>{t("internships.noOffers")}</p> : null}
      <ul className="cards">
        {offers.map((o) => (
          <li key={o.id} className="card" data-offer={o.id}>
            <h2>
              <Link to={`/internships/offers/${o.id}`}>
                <LocalizedText row={o} field="title" />
              </Link>
            </h2>
            <p className="hint">
              {o.hostName} · {o.city} · {o.sector}
            </p>
            <p className="hint">
              {t("internships.startsOn", { date: formatDate(o.startsOn) })} ·{" "}
              {t("internships.weeks", { count: o.durationWeeks })}
            </p>
            <p className="hint">{o.stipendCentimes > 0 ? formatMoney(o.stipendCentimes) : t("internships.unpaid")}</p>
          </li>
        ))}
      </ul>
    </div>
  );
}
