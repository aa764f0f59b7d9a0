import type { LoaderFunctionArgs } from "@remix-run/node";
import { Form, useLoaderData } from "@remix-run/react";
import { Link } from "~/components/link";
import { PageTitle, SelectField } from "~/components/form";
import { DataTable } from "~/components/table-wrap";
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
        <SelectField
          inline
          name="role"
          label="admin.users.role"
          placeholder="admin.users.allRoles"
          options={ROLES.map((r) => ({ value: r, label: t(`role.${r}`) }))}
          defaultValue={role}
        />
        <button type="submit" className="button button-secondary">
          {t("admin.users.filter")}
        </button>
      </Form>
      <DataTable
        label={t("admin.users.title")}
        headers={[
          t("admin.users.name"),
          t("admin.users.contact"),
          t("admin.users.role"),
          t("admin.users.organisation"),
          t("admin.users.status"),
        ]}
        rows={users}
        rowKey={(u) => u.id}
        cells={(u) => [
          <Link key="name" to={`/admin/users/${u.id}`}>
            {u.displayName}
          </Link>,
          <span key="contact" dir="ltr">
            {u.email ?? u.phone}
          </span>,
          t(`role.${u.role}`),
          u.organisationName ?? "—",
          u.isActive ? t("admin.users.active") : t("admin.users.inactive"),
        ]}
      />
    </div>
  );
}
