import type { LoaderFunctionArgs } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { Link } from "~/components/link";
import { PageTitle } from "~/components/form";
import { useI18n } from "~/i18n/i18n-context";
import { parseQuery, query } from "~/lib/params.server";
import { requirePermission } from "~/modules/auth/guards.server";
import { countOutboxByState, listOutbox } from "~/modules/notifications/queries.server";
import { MessageState } from "~/modules/notifications/ui";
import { OUTBOX_STATES } from "~/modules/notifications/constants";

/** Every e-mail and SMS with its real state; codes are masked (the preview, never the body). */
export async function loader(args: LoaderFunctionArgs) {
  requirePermission(args, "outbox:read");
  const { state } = parseQuery(args, { state: query.oneOf(OUTBOX_STATES) });
  const [rows, counts] = await Promise.all([
    listOutbox(args.context.db, { state }),
    countOutboxByState(args.context.db),
  ]);
  const iso = (d: Date | null) => d?.toISOString() ?? null;
  return {
    state: state ?? null,
    counts,
    messages: rows.map((m) => ({
      ...m,
      createdAt: m.createdAt.toISOString(),
      acceptedAt: iso(m.acceptedAt),
      deliveredAt: iso(m.deliveredAt),
    })),
  };
}

export default function Outbox() {
  const { messages, counts, state } = useLoaderData<typeof loader>();
  const { t, formatDate } = useI18n();
  return (
    <div>
      <PageTitle>{t("admin.outbox.title")}</PageTitle>
      <p className="hint">
        {t("admin.outbox.intro")} {t("outbox.masked")}
      </p>
      <nav aria-label={t("outbox.summary")}>
        <ul className="inline-list">
          {counts.map((c) => (
            <li key={c.state}>
              <Link to={`?state=${c.state}`} aria-current={state === c.state ? "page" : undefined}>
                <MessageState state={c.state} channel="sms" />
              </Link>{" "}
              ({c.n})
            </li>
          ))}
        </ul>
      </nav>
      {messages.length === 0 ? <p>{t("admin.outbox.empty")}</p> : null}
      <ul className="list">
        {messages.map((m) => (
          <li key={m.id} className="list-item" data-testid="outbox-message">
            <p>
              <strong>{t(`outbox.channel.${m.channel}`)}</strong> · <bdi dir="ltr">{m.recipient}</bdi> ·{" "}
              {formatDate(m.createdAt, true)}
            </p>
            <p>
              <MessageState state={m.state} channel={m.channel} failReason={m.failReason} />
              {m.lastError && (m.state === "failed" || m.state === "queued") ? (
                <>
                  {" "}
                  · <bdi dir="ltr">{m.lastError}</bdi>
                </>
              ) : null}
              {m.acceptedAt ? <> · {t("outbox.acceptedAt", { time: formatDate(m.acceptedAt, true) })}</> : null}
              {m.deliveredAt ? <> · {t("outbox.deliveredAt", { time: formatDate(m.deliveredAt, true) })}</> : null}
            </p>
            <p className="hint">
              {m.segments ? (
                <>
                  {t("outbox.segments", { count: m.segments })} ({t(`outbox.encoding.${m.encoding ?? "gsm7"}`)}) ·{" "}
                </>
              ) : null}
              {t("outbox.attempts", { count: m.attempts })}
            </p>
            {m.subject ? <p>{m.subject}</p> : null}
            <pre className="message-body" dir="auto" lang={m.locale}>
              {m.preview}
            </pre>
          </li>
        ))}
      </ul>
    </div>
  );
}
