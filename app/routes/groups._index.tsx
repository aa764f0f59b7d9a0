import type { LoaderFunctionArgs } from "@remix-run/node";
import { useLoaderData, useSearchParams } from "@remix-run/react";
import { Link } from "~/components/link";
import { FormAlert, PageTitle } from "~/components/form";
import { DataTable } from "~/components/table-wrap";
import { codeLabel } from "~/i18n/codes";
import { useI18n } from "~/i18n/i18n-context";
import { requirePermission } from "~/modules/auth/guards.server";
import { listActivities } from "~/modules/groups/queries.server";

/** The association's group activities, newest first. */
export async function loader(args: LoaderFunctionArgs) {
  const actor = requirePermission(args, "groups:record");
  return { activities: await listActivities(args.context.db, actor) };
}

export default function GroupActivities() {
  const { activities } = useLoaderData<typeof loader>();
  const { t, formatDate } = useI18n();
  const [params] = useSearchParams();
  const recorded = params.get("recorded");
  return (
    <div>
      <PageTitle>{t("groups.title")}</PageTitle>
      {recorded && activities.some((a) => a.id === recorded) ? (
        <FormAlert tone="success" message="groups.recorded" />
      ) : null}
      <p className="hint">{t("groups.intro")}</p>
      <p>
        <Link to="/groups/new" className="button">
          {t("groups.new")}
        </Link>
      </p>
      {activities.length === 0 ? (
        <p>{t("groups.empty")}</p>
      ) : (
        <DataTable
          label={t("groups.title")}
          testId="activities"
          headers={[t("groups.field.heldOn"), t("groups.col.activity"), t("groups.col.people")]}
          rows={activities}
          rowKey={(a) => a.id}
          numeric={[2]}
          cells={(a) => [
            <Link key="d" to={`/groups/${a.id}`}>
              {formatDate(a.heldOn)}
            </Link>,
            <span key="a">
              {t(`groups.kind.${a.kind}`)}
              <br />
              <span className="hint">
                {codeLabel(t, "groupTopic", a.topic)} · {codeLabel(t, "city", a.city)}
              </span>
            </span>,
            <span key="p">
              {a.total}
              {a.linked ? (
                <>
                  <br />
                  <span className="hint">{t("groups.col.linkedCount", { n: a.linked })}</span>
                </>
              ) : null}
            </span>,
          ]}
        />
      )}
    </div>
  );
}
