import type { LoaderFunctionArgs } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { Link } from "~/components/link";
import { PageTitle } from "~/components/form";
import { LocalizedText } from "~/components/localized-text";
import { useI18n } from "~/i18n/i18n-context";
import { requirePermission } from "~/modules/auth/guards.server";
import { listAssignmentsOfReviewer } from "~/modules/grants/queries.server";

export async function loader(args: LoaderFunctionArgs) {
  const user = requirePermission(args, "grants:review");
  const rows = await listAssignmentsOfReviewer(args.context.db, user.id);
  return {
    assignments: rows.map((r) => ({
      assignmentId: r.assignmentId,
      number: r.number,
      submittedAt: r.submittedAt?.toISOString() ?? null,
      titleFr: r.callTitleFr,
      titleAr: r.callTitleAr,
      titleEn: r.callTitleEn,
      reviewDeadline: r.reviewDeadline.toISOString(),
      callStatus: r.callStatus,
    })),
  };
}

export default function Reviews() {
  const { assignments } = useLoaderData<typeof loader>();
  const { t, formatDate } = useI18n();
  return (
    <div>
      <PageTitle>{t("grants.review.list")}</PageTitle>
      <p className="hint">{t("grants.review.blind")}</p>
      {assignments.length === 0 ? <p>{t("grants.review.none")}</p> : null}
      <ul className="list">
        {assignments.map((a) => (
          <li key={a.assignmentId} className="list-item">
            <p>
              <Link to={`/grants/reviews/${a.assignmentId}`}>
                {t("grants.application.title", { number: a.number })}
              </Link>{" "}
              · <LocalizedText row={a} field="title" />
            </p>
            <p className="hint">
              {a.submittedAt
                ? t("grants.review.submitted", { date: formatDate(a.submittedAt) })
                : t("grants.review.draft")}{" "}
              · {t("grants.review.deadline", { date: formatDate(a.reviewDeadline, true) })}
            </p>
          </li>
        ))}
      </ul>
    </div>
  );
}
