import { useI18n } from "~/i18n/i18n-context";
import type { MessageKey } from "~/i18n/translate";
import type { OutboxStateName } from "./constants";

type StateProps = {
  state: OutboxStateName;
  channel: "email" | "sms";
  failReason?: string | null;
};

const REASONS: Record<string, MessageKey> = {
  rejected: "outbox.reason.rejected",
  undeliverable: "outbox.reason.undeliverable",
  gave_up: "outbox.reason.gave_up",
};

/** Where a message stands, in words a person reads: "sent" only once a gateway accepted it. */
export function messageStateText(t: (key: MessageKey) => string, { state, channel, failReason }: StateProps): string {
  if (state === "not_configured") {
    return t(channel === "sms" ? "outbox.state.not_configured.sms" : "outbox.state.not_configured.email");
  }
  const text = t(`outbox.state.${state}`);
  const reason = state === "failed" && failReason ? REASONS[failReason] : undefined;
  return reason ? `${text} (${t(reason)})` : text;
}

export function MessageState(props: StateProps) {
  const { t } = useI18n();
  const tone = props.state === "delivered" || props.state === "accepted" ? "ok" : props.state;
  return <span className={`message-state message-state-${tone}`}>{messageStateText(t, props)}</span>;
}

export type SentMessage = {
  id: string;
  channel: "email" | "sms";
  recipient: string;
  /** who it went to, shown instead of the number or address (a page listing several people) */
  name?: string;
  preview: string;
  state: OutboxStateName;
  failReason: string | null;
  createdAt: string;
};

/** The messages a staff member's actions sent to someone, each with where it stands (never "sent" before a gateway took it). */
export function SentMessages({
  messages,
  title = "outbox.sentByYou",
}: {
  messages: SentMessage[];
  title?: MessageKey;
}) {
  const { t, formatDate } = useI18n();
  if (messages.length === 0) return null;
  return (
    <section className="stack" data-sent-messages>
      <h2>{t(title)}</h2>
      <ul className="list">
        {messages.map((m) => (
          <li key={m.id} className="list-item">
            <p>
              {formatDate(m.createdAt, true)} · {m.channel === "sms" ? "SMS" : t("outbox.email")} ·{" "}
              {m.name === undefined ? <bdi dir="ltr">{m.recipient}</bdi> : <bdi>{m.name}</bdi>}
            </p>
            <p>
              <MessageState state={m.state} channel={m.channel} failReason={m.failReason} />
            </p>
            <p className="hint" dir="auto">
              {m.preview}
            </p>
          </li>
        ))}
      </ul>
    </section>
  );
}
