import type { Database } from "~db/client";
import { queueAppointmentReminders } from "~/modules/coaching/appointments.server";
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
 * Messages written when their time comes rather than when something happens: each
 * round writes those that are due before delivering, on every server. Each job makes
 * sure two servers never write the same message twice (a conditional update).
 */
const DUE_MESSAGES: readonly { name: string; run: (db: Database) => Promise<number> }[] = [
  { name: "appointment reminders", run: (db) => queueAppointmentReminders(db) },
];

/**
 * Delivers the e-mail/SMS outbox every `intervalMs`, one delivery at a time, so a
 * stopping server knows what is in flight and lets it finish (a message a gateway
 * accepted is recorded as accepted, not left for another server to send again).
 * Before each delivery it writes the messages that fell due (DUE_MESSAGES), so they go
 * out in the same round.
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
  const failed = (error: unknown, what: string) => {
    if (isDatabaseDown(error)) monitor.observe(error);
    else log.error({ err: error }, `${what} failed`);
  };
  const writeDue = async () => {
    for (const job of DUE_MESSAGES) {
      // one job's failure does not hold back the delivery of what is already written
      const written = await job.run(db).catch((error: unknown) => failed(error, job.name));
      if (written) log.info({ event: "outbox.due", job: job.name, written }, `${job.name} written`);
    }
  };
  const tick = () => {
    if (draining) return Promise.resolve();
    running ??= writeDue()
      .then(() => deliverOutbox(db, transports, { smsPerMinute: options.smsPerMinute }))
      .then(
        (round) => {
          if (round.claimed > 0) log.info({ event: "outbox.delivered", ...round }, "outbox delivered");
        },
        (error: unknown) => failed(error, "outbox delivery"),
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
