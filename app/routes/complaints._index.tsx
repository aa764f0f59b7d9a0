import type { LoaderFunctionArgs } from "@remix-run/node";
import { Form, useLoaderData } from "@remix-run/react";
import { Link } from "~/components/link";
import { PageTitle, SelectField } from "~/components/form";
import { useI18n } from "~/i18n/i18n-context";
import { parseQuery, query, queryFlag } from "~/lib/params.server";
import { requirePermission } from "~/modules/auth/guards.server";
import { LIST_STATES } from "~/modules/feedback/constants";
import { hasActiveFocalPoint, listFeedback } from "~/modules/feedback/queries.server";
import { ANSWER_WITHIN_DAYS } from "~/modules/feedback/rules";
import { CategoryLabel, StatusBadge } from "~/modules/feedback/ui";

/**
 * The messages the signed-in person handles: the focal point's confidential ones, an
 * admin's ordinary ones, or those assigned to a coach or case worker (queries' visibleTo).
 */
export async function loader(args: LoaderFunctionArgs) {
  const user = requirePermission(args, "feedback:handle");
  const { state = "open" } = parseQuery(args, { state: query.oneOf(LIST_STATES) });
  const { db } = args.context;
  const rows = await listFeedback(db, user, state);
  return {
    role: user.role,
    state,
    referred: queryFlag(args, "referred"),
    noFocalPoint: user.role === "admin" ? !(await hasActiveFocalPoint(db)) : false,
    rows: rows.map((r) => ({ ...r, receivedAt: r.receivedAt.toISOString(), dueAt: r.dueAt.toISOString() })),
  };
}

export default function Complaints() {
  const { role, state, referred, noFocalPoint, rows } = useLoaderData<typeof loader>();
  const { t, formatDate } = useI18n();
  const focal = role === "focal_point";
  return (
    <div>
      <PageTitle>{t(focal ? "feedback.list.titleConfidential" : "feedback.list.title")}</PageTitle>
      <p className="lead">
        {t(focal ? "feedback.list.leadConfidential" : "feedback.list.lead", { days: ANSWER_WITHIN_DAYS })}
      </p>
      {referred ? (
        <p className="alert alert-success" role="status">
          {t("feedback.list.referred")}
        </p>
      ) : null}
      {noFocalPoint ? (
        <p className="alert alert-error" role="alert">
          {t("feedback.list.noFocalPoint")}
        </p>
      ) : null}
      <Form method="get" className="filters">
        <SelectField
          name="state"
          label="feedback.list.show"
          inline
          defaultValue={state}
          options={LIST_STATES.map((s) => ({ value: s, label: t(`feedback.list.state.${s}`) }))}
        />
        <button type="submit" className="button button-secondary">
          {t("feedback.list.filter")}
        </button>
      </Form>
      {rows.length === 0 ? <p>{t("feedback.list.none")}</p> : null}
      <ul className="list" data-testid="feedback-list">
        {rows.map((r) => (
          <li key={r.id} className="list-item" data-feedback={r.id}>
            <p>
              <strong>
                <CategoryLabel category={r.category} />
              </strong>{" "}
              · {t("feedback.list.received", { date: formatDate(r.receivedAt) })}
            </p>
            <p>
              <StatusBadge status={r.status} overdue={r.overdue} />{" "}
              {r.status !== "closed" ? t("feedback.list.due", { date: formatDate(r.dueAt) }) : null}
            </p>
            <p className="excerpt" dir="auto">
              {r.excerpt}
            </p>
            {r.assigneeName ? <p className="hint">{t("feedback.list.assignedTo", { name: r.assigneeName })}</p> : null}
            <p>
              <Link to={`/complaints/${r.id}`}>{t("feedback.list.open")}</Link>
            </p>
          </li>
        ))}
      </ul>
    </div>
  );
}
