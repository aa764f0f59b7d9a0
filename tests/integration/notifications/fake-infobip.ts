/**
 * A local server that speaks Infobip's SMS API v3 as its documentation describes it:
 * `POST /sms/3/messages` with `Authorization: App <key>`, our id as `messageId`,
 * answers `{ bulkId, messages: [{ messageId, status: { groupName: "PENDING", ... } }] }`,
 * and, with idempotency on, drops a messageId it already accepted (a later report says
 * REJECTED for the copy). It posts delivery reports to a webhook with Basic credentials.
 */
import http from "node:http";
import type { AddressInfo } from "node:net";

export type InfobipSent = { messageId: string; to: string; text: string; sender: string };

export async function startFakeInfobip(options: {
  apiKey: string;
  rejectNumbers?: string[];
  report?: { url: string; user: string; password: string };
}) {
  const sent: InfobipSent[] = [];
  const requests: InfobipSent[] = [];
  const reports: Promise<unknown>[] = [];
  const post = (results: unknown[]) => {
    if (!options.report) return;
    const auth = Buffer.from(`${options.report.user}:${options.report.password}`).toString("base64");
    reports.push(
      fetch(options.report.url, {
        method: "POST",
        headers: { "Content-Type": "application/json", Authorization: `Basic ${auth}` },
        body: JSON.stringify({ results }),
      }).then((r) => r.status),
    );
  };
  const server = http.createServer((req, res) => {
    let body = "";
    req.on("data", (c: Buffer) => (body += c.toString()));
    req.on("end", () => {
      if (req.method !== "POST" || req.url !== "/sms/3/messages") return void res.writeHead(404).end();
      if (req.headers.authorization !== `App ${options.apiKey}`) return void res.writeHead(401).end();
      const parsed = JSON.parse(body) as {
        messages: { sender: string; destinations: { to: string; messageId: string }[]; content: { text: string } }[];
      };
      const message = parsed.messages[0]!;
      const destination = message.destinations[0]!;
      const item = { ...destination, text: message.content.text, sender: message.sender };
      requests.push(item);
      const rejected = options.rejectNumbers?.includes(destination.to);
      const duplicate = sent.some((s) => s.messageId === destination.messageId);
      const status = rejected
        ? { groupId: 5, groupName: "REJECTED", id: 6, name: "REJECTED_DESTINATION", description: "Rejected" }
        : { groupId: 1, groupName: "PENDING", id: 26, name: "PENDING_ACCEPTED", description: "Message accepted" };
      res.writeHead(200, { "Content-Type": "application/json" });
      res.end(
        JSON.stringify({
          bulkId: "bulk-1",
          messages: [{ messageId: destination.messageId, status, destination: destination.to }],
        }),
      );
      if (rejected) return;
      if (duplicate) {
        post([
          {
            messageId: destination.messageId,
            to: destination.to,
            status: { groupId: 5, groupName: "REJECTED", name: "REJECTED_DUPLICATE_MESSAGE_ID" },
          },
        ]);
        return;
      }
      sent.push(item);
      post([
        {
          messageId: destination.messageId,
          to: destination.to,
          status: { groupId: 3, groupName: "DELIVERED", id: 5, name: "DELIVERED_TO_HANDSET" },
          error: { groupId: 0, groupName: "OK", id: 0, name: "NO_ERROR", permanent: false },
        },
      ]);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    sent,
    requests,
    /** wait for the reports posted so far */
    settled: () => Promise.all(reports),
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
