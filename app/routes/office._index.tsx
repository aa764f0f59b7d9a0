import type { LoaderFunctionArgs } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { Link } from "~/components/link";
import { PageTitle } from "~/components/form";
import { DataTable } from "~/components/table-wrap";
import { useI18n } from "~/i18n/i18n-context";
import { requirePermission } from "~/modules/auth/guards.server";
import { formatLoginId } from "~/modules/auth/rules";
import { peopleFor } from "~/modules/office/queries.server";

/** The people this member of staff may act for, and the way to register a new one. */
export async function loader(args: LoaderFunctionArgs) {
  const actor = requirePermission(args, "office:act");
  const people = await peopleFor(args.context.db, actor);
  return { people: people.map((p) => ({ ...p, loginId: p.loginId ? formatLoginId(p.loginId) : null })) };
}

export default function Office() {
  const { people } = useLoaderData<typeof loader>();
  const { t, formatDate } = useI18n();
  return (
    <div>
      <PageTitle>{t("office.title")}</PageTitle>
      <p>{t("office.intro")}</p>
      <p>
        <Link to="/office/register" className="button">
          {t("office.new")}
        </Link>
      </p>
      {people.length ? (
        <DataTable
          label={t("office.title")}
          testId="office-people"
          headers={[
            t("office.col.name"),
            t("office.col.identifier"),
            t("office.col.phone"),
            t("office.col.registered"),
            t("office.col.account"),
          ]}
          rows={people}
          rowKey={(p) => p.id}
          cells={(p) => [
            <Link key="name" to={`/office/people/${p.id}`}>
              <bdi>{p.displayName}</bdi>
            </Link>,
            <bdi key="id" dir="ltr">
              {p.loginId ?? t("office.none")}
            </bdi>,
            <bdi key="phone" dir="ltr">
              {p.phone ?? t("office.none")}
            </bdi>,
            p.registeredAt ? formatDate(p.registeredAt) : t("office.none"),
            t(p.takenOver ? "office.account.takenOver" : "office.account.managed"),
          ]}
        />
      ) : (
        <p>{t("office.empty")}</p>
      )}
    </div>
  );
}
