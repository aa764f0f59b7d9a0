import type { LoaderFunctionArgs } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { PageTitle } from "~/components/form";
import { Link } from "~/components/link";
import { useI18n } from "~/i18n/i18n-context";
import type { MessageKey } from "~/i18n/translate";
import { idParam, parseQuery, query } from "~/lib/params.server";
import { requirePermission } from "~/modules/auth/guards.server";
import { caseViewers } from "~/modules/protection/viewers.server";

/** Who opened a case file, for the supervisors of its association (docs/decisions/0214-viewers-own-page.md). */
export async function loader(args: LoaderFunctionArgs) {
  const actor = requirePermission(args, "protection:use");
  const { page = 1 } = parseQuery(args, { page: query.int(1, 100_000) });
  const d = await caseViewers(args.context.db, actor, idParam(args, "caseId"), page, { ip: args.context.ip });
  return { ...d, viewers: d.viewers.map((v) => ({ ...v, at: v.at.toISOString() })) };
}

/** How the list names each kind of reading (an opening of the file otherwise). */
const VIEW_LABEL: Record<string, MessageKey> = {
  "protection.case.export": "protection.supervisor.exported",
  "protection.case.sheet": "protection.supervisor.printedOnSheet",
};

export default function CaseViewers() {
  const d = useLoaderData<typeof loader>();
  const { t, formatDate } = useI18n();
  const here = `/protection/cases/${d.case.id}/viewers`;
  return (
    <div className="narrow" data-case={d.case.id}>
      <PageTitle>{t("protection.supervisor.viewers")}</PageTitle>
      <p className="hint">
        <Link to={`/protection/cases/${d.case.id}`}>{t("protection.correct.back")}</Link> ·{" "}
        <span dir="ltr">{d.case.reference}</span>
      </p>
      {d.viewers.length === 0 ? (
        <p>{t("protection.supervisor.noViews")}</p>
      ) : (
        <ul className="list" data-testid="viewers">
          {d.viewers.map((v, i) => (
            <li key={i} className="list-item">
              {/* the name isolated: a Latin name keeps its place in an Arabic line */}
              {`${formatDate(v.at, true)} · `}
              <bdi>{v.name ?? "—"}</bdi>
              {` · ${t(VIEW_LABEL[v.action] ?? "protection.supervisor.viewed")}`}
            </li>
          ))}
        </ul>
      )}
      {d.page > 1 || d.olderViewers ? (
        <p className="actions" data-testid="viewers-pages">
          {d.page > 1 ? <Link to={`${here}?page=${d.page - 1}`}>{t("protection.supervisor.newerViews")}</Link> : null}
          <span className="hint">{t("protection.supervisor.viewsPage", { page: d.page })}</span>
          {d.olderViewers ? (
            <Link to={`${here}?page=${d.page + 1}`}>{t("protection.supervisor.olderViews")}</Link>
          ) : null}
        </p>
      ) : null}
    </div>
  );
}
