import type { LoaderFunctionArgs } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { PageTitle } from "~/components/form";
import { TableWrap } from "~/components/table-wrap";
import { useI18n } from "~/i18n/i18n-context";
import { requirePermission } from "~/modules/auth/guards.server";
import { listUsers } from "~/modules/auth/queries.server";
import { ROLES } from "~/modules/auth/roles";
import { parseQuery, query } from "~/lib/params.server";

export async function loader(args: LoaderFunctionArgs) {
  requirePermission(args, "users:manage");
  const { role, q } = parseQuery(args, { role: query.oneOf(ROLES), q: query.text(100) });
  const rows = await listUsers(args.context.db, { role, q: q || undefined });
  return { users: rows, role: role ?? "", q: q ?? "" };
}

export default function AdminUsers() {
  const { users, role, q } = useLoaderData<typeof loader>();
  const { t } = useI18n();
  return (
    <div>
      <PageTitle>{t("admin.users.title")}</PageTitle>
      <p>
        <Link className="button" to="/admin/users/new">
          {t("admin.users.create")}
        </Link>
      </p>
      <Form method="get" className="filters">
        <label>
          {t("admin.users.search")}
          <input name="q" defaultValue={q} type="search" maxLength={100} />
        </label>
        <label>
          {t("admin.users.role")}
          <select name="role" defaultValue={role}>
            <option value="">{t("admin.users.allRoles")}</option>
            {ROLES.map((r) => (
              <option key={r} value={r}>
                {t(`role.${r}`)}
              </option>
            ))}
          </select>
        </label>
        <button type="submit" className="button button-secondary">
          {t("admin.users.filter")}
        </button>
      </Form>
      <TableWrap label={t("admin.users.title")}>
        <table>
          <thead>
            <tr>
              <th scope="col">{t("admin.users.name")}</th>
              <th scope="col">{t("admin.users.contact")}</th>
              <th scope="col">{t("admin.users.role")}</th>
              <th scope="col">{t("admin.users.organisation")}</th>
              <th scope="col">{t("admin.users.status")}</th>
            </tr>
          </thead>
          <tbody>
            {users.map((u) => (
              <tr key={u.id}>
                <td>
                  <Link to={`/admin/users/${u.id}`}>{u.displayName}</Link>
                </td>
                <td dir="ltr">{u.email ?? u.phone}</td>
                <td>{t(`role.${u.role}`)}</td>
                <td>{u.organisationName ?? "—"}</td>
                <td>{u.isActive ? t("admin.users.active") : t("admin.users.inactive")}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </TableWrap>
    </div>
  );
}
