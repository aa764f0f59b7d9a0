import type { LoaderFunctionArgs } from "@remix-run/node";
import { Form, useLoaderData } from "@remix-run/react";
import { Link } from "~/components/link";
import { PageTitle, SelectField } from "~/components/form";
import { codeChoices, codeLabel } from "~/i18n/codes";
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
        <SelectField
          inline
          name="city"
          label="internships.field.city"
          defaultValue={filters.city}
          placeholder="internships.filterAll"
          options={codeChoices(t, "city")}
        />
        <SelectField
          inline
          name="sector"
          label="internships.field.sector"
          defaultValue={filters.sector}
          placeholder="internships.filterAll"
          options={codeChoices(t, "sector")}
        />
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
              {[o.hostName, codeLabel(t, "city", o.city), codeLabel(t, "sector", o.sector)].join(" · ")}
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
