import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { Form, useLoaderData } from "@remix-run/react";
import { PageTitle } from "~/components/form";
import { useI18n } from "~/i18n/i18n-context";
import { requirePermission } from "~/modules/auth/guards.server";
import { isNotificationKind, NOTIFICATION_KINDS } from "~/modules/notifications/kinds";
import { paramsIn } from "~/modules/notifications/rules";
import { listNotifications, markAllRead } from "~/modules/notifications/service.server";

export async function loader(args: LoaderFunctionArgs) {
  const user = requirePermission(args, "notifications:read-own");
  const rows = await listNotifications(args.context.db, user.id);
  return {
    notifications: rows.map((n) => ({
      id: n.id,
      kind: n.kind,
      params: paramsIn(n.params, args.context.locale),
      link: n.link,
      read: n.readAt !== null,
      createdAt: n.createdAt.toISOString(),
    })),
  };
}

export async function action(args: ActionFunctionArgs) {
  const user = requirePermission(args, "notifications:read-own");
  await markAllRead(args.context.db, user.id);
  return redirect("/notifications");
}

export default function Notifications() {
  const { notifications } = useLoaderData<typeof loader>();
  const { t, formatDate } = useI18n();
  return (
    <div>
      <PageTitle>{t("notifications.title")}</PageTitle>
      {notifications.length === 0 ? (
        <p>{t("notifications.empty")}</p>
      ) : (
        <>
          <Form method="post">
            <button type="submit" className="button button-secondary">
              {t("notifications.markAllRead")}
            </button>
          </Form>
          <ul className="list">
            {notifications.map((n) => (
              <li key={n.id} className={n.read ? "list-item" : "list-item unread"}>
                <p>
                  {isNotificationKind(n.kind) ? t(NOTIFICATION_KINDS[n.kind].inApp, n.params) : n.kind}
                  {n.link ? (
                    <>
                      {" "}
                      <a href={n.link}>{t("notifications.open")}</a>
                    </>
                  ) : null}
                </p>
                <p className="hint">{formatDate(n.createdAt, true)}</p>
              </li>
            ))}
          </ul>
        </>
      )}
    </div>
  );
}
