import type { LoaderFunctionArgs } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { Link } from "~/components/link";
import { PageTitle } from "~/components/form";
import { LocalizedText } from "~/components/localized-text";
import { useI18n } from "~/i18n/i18n-context";
import { can } from "~/modules/auth/permissions";
import { requirePermission } from "~/modules/auth/guards.server";
import { audienceGroupOf, listTrainings } from "~/modules/trainings/queries.server";
import { isEligible } from "~/modules/trainings/rules";

export async function loader(args: LoaderFunctionArgs) {
  const user = requirePermission(args, "trainings:browse");
  const all = await listTrainings(args.context.db);
  // applicants see what they are eligible for; staff see the whole catalogue
  const group = user.role === "applicant" ? await audienceGroupOf(args.context.db, user.id) : null;
  return { trainings: all.filter((tr) => isEligible(tr.audience, group)), canManage: can(user, "trainings:manage") };
}

export default function Trainings() {
  const { trainings, canManage } = useLoaderData<typeof loader>();
  const { t } = useI18n();
  return (
    <div>
      <PageTitle>{t("trainings.title")}</PageTitle>
      {canManage ? (
        <p>
          <Link className="button" to="/trainings/new">
            {t("trainings.create")}
          </Link>
        </p>
      ) : null}
      {trainings.length === 0 ? <p>{t("trainings.empty")}</p> : null}
      <ul className="cards">
        {trainings.map((tr) => (
          <li key={tr.id} className="card">
            <h2>
              <Link to={`/trainings/${tr.id}`}>
                <LocalizedText row={tr} field="title" />
              </Link>
            </h2>
            <p className="hint">
              {t(`trainings.category.${tr.category}`)} · {t(`trainings.audience.${tr.audience}`)}
            </p>
            <p className="hint">{t("trainings.cohortCount", { count: tr.cohorts })}</p>
          </li>
        ))}
      </ul>
    </div>
  );
}
