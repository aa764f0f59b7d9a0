import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { Form, useLoaderData } from "@remix-run/react";
import { PageTitle } from "~/components/form";
import { useI18n } from "~/i18n/i18n-context";
import type { MessageKey } from "~/i18n/translate";
import { notFound, requirePermission } from "~/modules/auth/guards.server";
import { isUuid } from "~/lib/ids";
import { listDeletionRequests } from "~/modules/profiles/queries.server";
import { markDeletionHandled } from "~/modules/profiles/service.server";

export async function loader(args: LoaderFunctionArgs) {
  requirePermission(args, "deletion-requests:read");
  const rows = await listDeletionRequests(args.context.db);
  return {
    rows: rows.map((r) => ({
      ...r,
      createdAt: r.createdAt.toISOString(),
      handledAt: r.handledAt?.toISOString() ?? null,
    })),
  };
}

export async function action(args: ActionFunctionArgs) {
  const user = requirePermission(args, "deletion-requests:read");
  const id = (await args.request.formData()).get("requestId");
  if (!isUuid(id) || !(await markDeletionHandled(args.context.db, user, id, { ip: args.context.ip }))) notFound();
  return redirect("/admin/deletion-requests");
}

export default function DeletionRequests() {
  const { rows } = useLoaderData<typeof loader>();
  const { t, formatDate } = useI18n();
  return (
    <div>
      <PageTitle>{t("profiles.admin.title")}</PageTitle>
      {rows.length === 0 ? <p>{t("profiles.admin.none")}</p> : null}
      <div className="table-wrap" tabIndex={0} role="region" aria-label={t("profiles.admin.title")}>
        <table>
          <thead>
            <tr>
              <th>{t("profiles.admin.user")}</th>
              <th>{t("profiles.admin.date")}</th>
              <th>{t("profiles.admin.reason")}</th>
              <th>{t("profiles.admin.status")}</th>
              <th />
            </tr>
          </thead>
          <tbody>
            {rows.map((r) => (
              <tr key={r.id}>
                <td>
                  <a href={`/admin/users/${r.userId}`}>{r.displayName}</a> <span dir="ltr">{r.email ?? r.phone}</span>
                </td>
                <td>{formatDate(r.createdAt)}</td>
                <td>{r.reason ?? "—"}</td>
                <td>{t(`profiles.status.${r.status}` as MessageKey)}</td>
                <td>
                  {r.status === "pending" ? (
                    <Form method="post">
                      <input type="hidden" name="requestId" value={r.id} />
                      <button type="submit" className="link-button">
                        {t("profiles.admin.markDone")}
                      </button>
                    </Form>
                  ) : null}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </div>
  );
}
