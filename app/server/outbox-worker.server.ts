import type { Database } from "~db/client";
import { deliverOutbox } from "~/modules/notifications/delivery.server";
import type { Transports } from "~/modules/notifications/transports.server";
import { isDatabaseDown } from "~db/errors";
import type { OutageMonitor } from "./database-down.server";
import type { Logger } from "./logger.server";

export type OutboxWorker = {
  /** deliver now, unless a delivery is already running (it is returned instead) */
  tick(): Promise<void>;
  /** start no new delivery, and wait for the one in flight to finish */
  drain(): Promise<void>;
};

/**
 * Delivers the e-mail/SMS outbox every `intervalMs`, one delivery at a time, so a
 * stopping server knows what is in flight and lets it finish (a message a gateway
 * accepted is recorded as accepted, not left for another server to send again).
 */
export function startOutboxWorker(options: {
  db: Database;
  transports: Transports;
  intervalMs: number;
  /** SMS handed to the gateway per minute, across every server */
  smsPerMinute?: number;
  log: Logger;
  monitor: OutageMonitor;
}): OutboxWorker {
  const { db, transports, log, monitor } = options;
  let running: Promise<void> | null = null;
  let draining = false;
  const tick = () => {
    if (draining) return Promise.resolve();
    running ??= deliverOutbox(db, transports, { smsPerMinute: options.smsPerMinute })
      .then(
        (round) => {
          if (round.claimed > 0) log.info({ event: "outbox.delivered", ...round }, "outbox delivered");
        },
        (error: unknown) => {
          if (isDatabaseDown(error)) monitor.observe(error);
          else log.error({ err: error }, "outbox delivery failed");
        },
      )
      .finally(() => {
        running = null;
      });
    return running;
  };
  const timer = setInterval(() => void tick(), options.intervalMs);
  timer.unref();
  return {
    tick,
    async drain() {
      draining = true;
      clearInterval(timer);
      await running;
    },
  };
}
