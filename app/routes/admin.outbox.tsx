import type { LoaderFunctionArgs } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { PageTitle } from "~/components/form";
import { useI18n } from "~/i18n/i18n-context";
import { requirePermission } from "~/modules/auth/guards.server";
import { listOutbox } from "~/modules/auth/queries.server";

/** What the portal sent, or holds while no SMTP server is configured. */
export async function loader(args: LoaderFunctionArgs) {
  requirePermission(args, "outbox:read");
  const rows = await listOutbox(args.context.db);
  return { messages: rows.map((m) => ({ ...m, createdAt: m.createdAt.toISOString() })) };
}

export default function Outbox() {
  const { messages } = useLoaderData<typeof loader>();
  const { t, formatDate } = useI18n();
  return (
    <div>
      <PageTitle>{t("admin.outbox.title")}</PageTitle>
      <p className="hint">{t("admin.outbox.intro")}</p>
      {messages.length === 0 ? <p>{t("admin.outbox.empty")}</p> : null}
      <ul className="list">
        {messages.map((m) => (
          <li key={m.id} className="list-item">
            <p>
              <strong>{t(`outbox.channel.${m.channel}`)}</strong> · <span dir="ltr">{m.recipient}</span> ·{" "}
              {t(`outbox.status.${m.status}`)} · {formatDate(m.createdAt, true)}
            </p>
            {m.subject ? <p>{m.subject}</p> : null}
            <pre className="message-body">{m.body}</pre>
          </li>
        ))}
      </ul>
    </div>
  );
}
