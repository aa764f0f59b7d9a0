import type { LoaderFunctionArgs } from "@remix-run/node";
import { Form, useLoaderData } from "@remix-run/react";
import { PageTitle } from "~/components/form";
import { DataTable } from "~/components/table-wrap";
import { useI18n } from "~/i18n/i18n-context";
import { requirePermission } from "~/modules/auth/guards.server";
import { listAudit } from "~/modules/auth/queries.server";
import { parseQuery, query } from "~/lib/params.server";

export async function loader(args: LoaderFunctionArgs) {
  requirePermission(args, "audit:read");
  const { entity } = parseQuery(args, { entity: query.text(60) });
  const rows = await listAudit(args.context.db, { entityType: entity });
  return { entries: rows.map((r) => ({ ...r, at: r.at.toISOString() })), entity: entity ?? "" };
}

export default function Audit() {
  const { entries, entity } = useLoaderData<typeof loader>();
  const { t, formatDate } = useI18n();
  return (
    <div>
      <PageTitle>{t("admin.audit.title")}</PageTitle>
      <Form method="get" className="filters">
        <label>
          {t("admin.audit.entity")}
          <input name="entity" defaultValue={entity} dir="ltr" maxLength={60} />
        </label>
        <button type="submit" className="button button-secondary">
          {t("admin.users.filter")}
        </button>
      </Form>
      <DataTable
        label={t("admin.audit.title")}
        headers={[t("admin.audit.when"), t("admin.audit.who"), t("admin.audit.action"), t("admin.audit.entity"), "IP"]}
        rows={entries}
        rowKey={(e) => e.id}
        cells={(e) => [
          formatDate(e.at, true),
          `${e.actorName ?? "—"}${e.actorRole ? ` (${t(`role.${e.actorRole}`)})` : ""}`,
          // the record's own identifiers, as stored (the entity filter takes them as typed)
          <span key="action" dir="ltr">
            <code>{e.action}</code>
            {e.fields?.length ? (
              <>
                {" "}
                (<code>{e.fields.join(", ")}</code>)
              </>
            ) : null}
          </span>,
          <span key="entity" dir="ltr">
            <code>{e.entityType}</code>
            {e.entityId ? ` ${e.entityId.slice(0, 8)}` : ""}
          </span>,
          <span key="ip" dir="ltr">
            {e.ip ?? "—"}
          </span>,
        ]}
      />
    </div>
  );
}
