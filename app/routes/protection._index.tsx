import type { LoaderFunctionArgs } from "@remix-run/node";
import { Form, useLoaderData } from "@remix-run/react";
import { Link } from "~/components/link";
import { PageTitle, SelectField } from "~/components/form";
import { useI18n } from "~/i18n/i18n-context";
import { codeLabel } from "~/i18n/codes";
import { requirePermission } from "~/modules/auth/guards.server";
import { incomingReferrals, listCases } from "~/modules/protection/queries.server";
import { parseQuery, query } from "~/lib/params.server";
import { countPendingStaff } from "~/modules/protection/staff.server";

export async function loader(args: LoaderFunctionArgs) {
  const actor = requirePermission(args, "protection:use");
  const filters = parseQuery(args, {
    q: query.text(80),
    mine: query.oneOf(["1"]),
    status: query.oneOf(["open", "closed"] as const),
  });
  const q = filters.q ?? "";
  const mine = filters.mine === "1";
  const status = filters.status ?? "open";
  const [cases, incoming, waiting] = await Promise.all([
    listCases(args.context.db, actor, { q, mine, status }),
    incomingReferrals(args.context.db, actor),
    // supervisors only: accounts of the association waiting for their confirmation
    countPendingStaff(args.context.db, actor),
  ]);
  return {
    q,
    mine,
    status,
    incoming: incoming.length,
    waiting,
    cases: cases.map((c) => ({
      ...c,
      own: c.organisationId === actor.organisationId,
      createdAt: c.createdAt.toISOString(),
    })),
  };
}

export default function Cases() {
  const { cases, q, mine, status, incoming, waiting } = useLoaderData<typeof loader>();
  const { t } = useI18n();
  return (
    <div>
      <PageTitle>{t("protection.cases.title")}</PageTitle>
      <p className="actions">
        <Link className="button" to="/protection/cases/new">
          {t("protection.cases.register")}
        </Link>
        <Link className="button button-secondary" to="/protection/referrals">
          {t("protection.referrals.title")} ({incoming})
        </Link>
        {waiting !== null ? (
          <Link className="button button-secondary" to="/protection/staff">
            {t("protection.staff.nav", { count: waiting })}
          </Link>
        ) : null}
      </p>
      <Form method="get" className="filters">
        <label>
          {t("protection.cases.search")}
          <input name="q" defaultValue={q} maxLength={80} />
        </label>
        <label className="checkbox">
          <input type="checkbox" name="mine" value="1" defaultChecked={mine} /> {t("protection.cases.mine")}
        </label>
        <SelectField
          inline
          name="status"
          label="protection.cases.show"
          options={[
            { value: "open", label: t("protection.cases.showOpen") },
            { value: "closed", label: t("protection.cases.showClosed") },
          ]}
          defaultValue={status}
        />
        <button type="submit" className="button button-secondary">
          {t("protection.cases.filter")}
        </button>
      </Form>
      {cases.length === 0 ? (
        <p>{t("protection.cases.none")}</p>
      ) : (
        <ul className="list">
          {cases.map((c) => (
            <li key={c.id} className="list-item">
              <p>
                {/* a referred case whose identity is not shared goes by its reference */}
                <Link to={`/protection/cases/${c.id}`}>
                  {c.firstName !== null
                    ? `${c.firstName} ${c.lastName ?? ""}`
                    : t("protection.partner.title", { reference: c.reference })}
                </Link>{" "}
                {c.nameArabic ? <span dir="rtl">{c.nameArabic}</span> : null}
              </p>
              <p className="hint">
                <span dir="ltr">{c.reference}</span> · {t(`protection.status.${c.status}`)}
                {c.city ? ` · ${codeLabel(t, "city", c.city)}` : ""}
                {c.own ? "" : ` · ${t("protection.cases.referredIn")}`}
              </p>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
