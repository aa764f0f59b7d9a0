/**
 * A worker that dies mid-round, for delivery.test.ts: it claims and sends like the
 * server's worker, then stops (the parent kills it) at the point named by CHILD_STOP:
 * - "before-send": claimed, the gateway not called yet;
 * - "after-accept": the gateway accepted, the database not told yet.
 * It prints STOPPED when it reaches that point, and waits there.
 */
import { createDb } from "../../../db/client";
import { deliverOutbox } from "../../../app/modules/notifications/delivery.server";
import { httpSmsTransport, type SmsTransport } from "../../../app/modules/notifications/transports.server";

const stopAt = process.env.CHILD_STOP;
const handle = createDb(process.env.CHILD_DB_URL!, { max: 2 });
const inner = httpSmsTransport({ url: process.env.CHILD_GATEWAY_URL! });
const hang = () => new Promise<never>(() => {});
const dying: SmsTransport = {
  name: "dying",
  async send(message) {
    if (stopAt === "before-send") {
      process.stdout.write("STOPPED\n");
      return hang();
    }
    const outcome = await inner.send(message);
    process.stdout.write(`STOPPED ${outcome.status}\n`);
    return hang();
  },
};
await deliverOutbox(handle.db, { email: null, sms: dying });
