/**
 * A fake SMS gateway that speaks the portal's generic contract (docs/modules/notifications.md),
 * to watch SMS arrive on a development machine and to test delivery:
 *
 *   npm run sms:fake                      # listens on http://127.0.0.1:3999
 *   SMS_URL=http://127.0.0.1:3999/sms npm run dev
 *
 * It drops a message whose id it has already accepted (answering 200), as the contract asks
 * of a real gateway, and keeps every request, so tests can see re-sent ids. Open its page
 * (GET /) to read the SMS; GET /messages?to=+212… answers them as JSON. With
 * SMS_WEBHOOK_URL and SMS_WEBHOOK_TOKEN set, it posts a "delivered" report for each one.
 */
import http from "node:http";
import type { AddressInfo } from "node:net";
import { pathToFileURL } from "node:url";

export type FakeSms = { id: string; to: string; text: string; receivedAt: string };
export type FakeRequest = FakeSms & { answer: number | "none" };
/** What to do with the n-th request (1-based) for an id: accept, fail with 500, or accept and answer late. */
export type Behaviour = (sms: FakeSms, attempt: number) => "accept" | "fail" | { acceptAfterMs: number };

export type FakeGateway = {
  url: string;
  port: number;
  /** each message once, in the order accepted */
  messages(): FakeSms[];
  /** every request, duplicates included */
  requests(): FakeRequest[];
  close(): Promise<void>;
};

function readBody(req: http.IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    let body = "";
    req.setEncoding("utf8");
    req.on("data", (chunk: string) => {
      body += chunk;
      if (body.length > 64 * 1024) req.destroy();
    });
    req.on("end", () => resolve(body));
    req.on("error", reject);
  });
}

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

function page(messages: FakeSms[]): string {
  const items = [...messages]
    .reverse()
    .map(
      (m) => `<li><b dir="ltr">${escapeHtml(m.to)}</b> · ${m.receivedAt}<p dir="auto">${escapeHtml(m.text)}</p></li>`,
    )
    .join("");
  return `<!doctype html><meta charset="utf-8"><meta http-equiv="refresh" content="3"><title>Fake SMS gateway</title><h1>SMS received (${messages.length})</h1><ul>${items}</ul>`;
}

export async function startFakeGateway(
  options: {
    port?: number;
    host?: string;
    token?: string;
    behaviour?: Behaviour;
    report?: { url: string; token: string };
    log?: boolean;
  } = {},
): Promise<FakeGateway> {
  const accepted = new Map<string, FakeSms>();
  const requests: FakeRequest[] = [];
  const tries = new Map<string, number>();
  const behaviour: Behaviour = options.behaviour ?? (() => "accept");

  const report = async (sms: FakeSms) => {
    if (!options.report) return;
    await fetch(options.report.url, {
      method: "POST",
      headers: { "Content-Type": "application/json", Authorization: `Bearer ${options.report.token}` },
      body: JSON.stringify({ id: sms.id, status: "delivered" }),
    }).catch((error: unknown) => console.error("fake gateway: report failed", error));
  };

  const server = http.createServer(async (req, res) => {
    const url = new URL(req.url ?? "/", "http://localhost");
    if (req.method === "GET" && url.pathname === "/messages") {
      const to = url.searchParams.get("to");
      const list = [...accepted.values()].filter((m) => !to || m.to === to);
      res.writeHead(200, { "Content-Type": "application/json" }).end(JSON.stringify(list));
      return;
    }
    if (req.method === "GET") {
      res.writeHead(200, { "Content-Type": "text/html; charset=utf-8" }).end(page([...accepted.values()]));
      return;
    }
    if (options.token && req.headers.authorization !== `Bearer ${options.token}`) {
      res.writeHead(401).end();
      return;
    }
    let sms: FakeSms;
    try {
      const body = JSON.parse(await readBody(req)) as Partial<FakeSms>;
      if (typeof body.id !== "string" || typeof body.to !== "string" || typeof body.text !== "string") {
        throw new Error("not the contract");
      }
      sms = { id: body.id, to: body.to, text: body.text, receivedAt: new Date().toISOString() };
    } catch {
      res.writeHead(400).end();
      return;
    }
    const attempt = (tries.get(sms.id) ?? 0) + 1;
    tries.set(sms.id, attempt);
    if (accepted.has(sms.id)) {
      // the contract: an id already accepted is acknowledged again, never sent again
      requests.push({ ...sms, answer: 200 });
      res.writeHead(200, { "Content-Type": "application/json" }).end(JSON.stringify({ id: sms.id, duplicate: true }));
      return;
    }
    const decision = behaviour(sms, attempt);
    if (decision === "fail") {
      requests.push({ ...sms, answer: 500 });
      res.writeHead(500).end();
      return;
    }
    accepted.set(sms.id, sms);
    if (options.log !== false) console.log(`[sms] to ${sms.to}: ${sms.text}`);
    if (typeof decision === "object") {
      requests.push({ ...sms, answer: "none" });
      setTimeout(() => res.writeHead(200).end(), decision.acceptAfterMs).unref();
      return;
    }
    requests.push({ ...sms, answer: 200 });
    res.writeHead(200, { "Content-Type": "application/json" }).end(JSON.stringify({ id: sms.id }));
    void report(sms);
  });
  await new Promise<void>((resolve) => server.listen(options.port ?? 0, options.host ?? "127.0.0.1", resolve));
  const port = (server.address() as AddressInfo).port;
  return {
    url: `http://${options.host ?? "127.0.0.1"}:${port}`,
    port,
    messages: () => [...accepted.values()],
    requests: () => [...requests],
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) {
  const port = Number(process.env.SMS_FAKE_PORT ?? 3999);
  const report =
    process.env.SMS_WEBHOOK_URL && process.env.SMS_WEBHOOK_TOKEN
      ? { url: process.env.SMS_WEBHOOK_URL, token: process.env.SMS_WEBHOOK_TOKEN }
      : undefined;
  const gateway = await startFakeGateway({ port, token: process.env.SMS_TOKEN, report });
  console.log(`Fake SMS gateway on ${gateway.url}: set SMS_URL=${gateway.url}/sms, read the SMS at ${gateway.url}/`);
  const stop = () => void gateway.close().then(() => process.exit(0));
  process.on("SIGINT", stop);
  process.on("SIGTERM", stop);
}
