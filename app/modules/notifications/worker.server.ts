import type { Database } from "~db/client";
import { deliverOutbox, type DeliveryOptions } from "./delivery.server";
import type { Transports } from "./transports.server";

export type OutboxWorker = {
  /** Stop taking new rounds and wait for the round in flight: what shutdown drains. */
  stop(): Promise<void>;
};

/**
 * Deliver the outbox every `intervalMs`, one round at a time (a round never overlaps
 * the next). `db` is a function because the server may replace its pool.
 */
export function startOutboxWorker(options: {
  db: () => Database;
  transports: Transports;
  intervalMs: number;
  delivery?: Omit<DeliveryOptions, "now">;
  onError?: (error: unknown) => void;
}): OutboxWorker {
  let stopped = false;
  let running: Promise<void> = Promise.resolve();
  let timer: NodeJS.Timeout | null = null;
  const round = () => {
    timer = null;
    running = deliverOutbox(options.db(), options.transports, options.delivery)
      .then(() => undefined)
      .catch((error: unknown) => (options.onError ?? console.error)(error))
      .finally(() => {
        if (!stopped) timer = setTimeout(round, options.intervalMs);
      });
  };
  timer = setTimeout(round, options.intervalMs);
  return {
    async stop() {
      stopped = true;
      if (timer) clearTimeout(timer);
      await running;
    },
  };
}
