/**
 * A fake mail server: just enough SMTP for nodemailer to hand over a message (no TLS, no
 * authentication), and an HTTP page to read what arrived. To watch e-mail arrive on a
 * development machine and to test recovery by e-mail end to end:
 *
 *   npm run mail:fake                                    # SMTP on 2525, HTTP on 2526
 *   SMTP_URL=smtp://127.0.0.1:2525 npm run portal
 *
 * Open http://127.0.0.1:2526/ to read the e-mail; GET /messages?to=a@b.ma answers JSON.
 * Never use it as a real relay: it accepts everything and keeps it in memory.
 */
import http from "node:http";
import net from "node:net";
import type { AddressInfo } from "node:net";
import { pathToFileURL } from "node:url";

export type FakeMail = { to: string[]; subject: string; text: string; messageId: string; receivedAt: string };

export type FakeMailServer = {
  /** what SMTP_URL would be */
  smtpUrl: string;
  /** where the messages can be read */
  httpUrl: string;
  messages(): FakeMail[];
  close(): Promise<void>;
};

/** Quoted-printable (RFC 2045) to text: soft line breaks dropped, =XX bytes read as UTF-8. */
function decodeQuotedPrintable(body: string): string {
  const joined = body.replace(/=\r?\n/g, "");
  const bytes: number[] = [];
  for (let i = 0; i < joined.length; i++) {
    const hex = joined.slice(i + 1, i + 3);
    if (joined[i] === "=" && /^[0-9A-F]{2}$/i.test(hex)) {
      bytes.push(parseInt(hex, 16));
      i += 2;
    } else bytes.push(...Buffer.from(joined[i]!, "utf8"));
  }
  return Buffer.from(bytes).toString("utf8");
}

/** RFC 2047 encoded words in a header ("=?UTF-8?Q?...?=", "=?UTF-8?B?...?="). */
function decodeHeader(value: string): string {
  return value.replace(/=\?utf-8\?([QB])\?([^?]*)\?=\s*/gi, (_all, kind: string, text: string) =>
    kind.toUpperCase() === "B"
      ? Buffer.from(text, "base64").toString("utf8")
      : decodeQuotedPrintable(text.replace(/_/g, " ")),
  );
}

/** A single-part text message as nodemailer writes it: headers, a blank line, the encoded body. */
export function parseMessage(raw: string, to: string[]): FakeMail {
  const split = raw.indexOf("\r\n\r\n");
  const head = split < 0 ? raw : raw.slice(0, split);
  const body = split < 0 ? "" : raw.slice(split + 4);
  const headers = new Map<string, string>();
  for (const line of head.replace(/\r\n[ \t]+/g, " ").split("\r\n")) {
    const colon = line.indexOf(":");
    if (colon > 0) headers.set(line.slice(0, colon).trim().toLowerCase(), line.slice(colon + 1).trim());
  }
  const encoding = (headers.get("content-transfer-encoding") ?? "").toLowerCase();
  const text =
    encoding === "quoted-printable"
      ? decodeQuotedPrintable(body)
      : encoding === "base64"
        ? Buffer.from(body.replace(/\s+/g, ""), "base64").toString("utf8")
        : body;
  return {
    to,
    subject: decodeHeader(headers.get("subject") ?? ""),
    text: text.replace(/\r\n$/, ""),
    messageId: headers.get("message-id") ?? "",
    receivedAt: new Date().toISOString(),
  };
}

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

function page(messages: FakeMail[]): string {
  const items = [...messages]
    .reverse()
    .map(
      (m) =>
        `<li><b>${escapeHtml(m.to.join(", "))}</b> · ${m.receivedAt}<p><b>${escapeHtml(m.subject)}</b></p><pre dir="auto">${escapeHtml(m.text)}</pre></li>`,
    )
    .join("");
  return `<!doctype html><meta charset="utf-8"><meta http-equiv="refresh" content="3"><title>Fake mail server</title><h1>E-mail received (${messages.length})</h1><ul>${items}</ul>`;
}

/** One SMTP conversation: greet, take MAIL / RCPT / DATA, keep the message, say goodbye. */
function converse(socket: net.Socket, keep: (mail: FakeMail) => void) {
  socket.setEncoding("utf8");
  let buffer = "";
  let inData = false;
  let recipients: string[] = [];
  const reply = (line: string) => socket.write(`${line}\r\n`);
  reply("220 fake-mail ESMTP");
  socket.on("data", (chunk: string) => {
    buffer += chunk;
    for (;;) {
      if (inData) {
        const end = buffer.indexOf("\r\n.\r\n");
        if (end < 0) return;
        const raw = buffer.slice(0, end).replace(/^\.\./gm, ".");
        buffer = buffer.slice(end + 5);
        inData = false;
        keep(parseMessage(raw, recipients));
        recipients = [];
        reply("250 2.0.0 queued");
        continue;
      }
      const newline = buffer.indexOf("\r\n");
      if (newline < 0) return;
      const line = buffer.slice(0, newline);
      buffer = buffer.slice(newline + 2);
      const verb = line.slice(0, 4).toUpperCase();
      if (verb === "EHLO" || verb === "HELO") reply("250 fake-mail");
      else if (verb === "MAIL") reply("250 2.1.0 ok");
      else if (verb === "RCPT") {
        recipients.push(/<([^>]*)>/.exec(line)?.[1] ?? "");
        reply("250 2.1.5 ok");
      } else if (verb === "DATA") {
        inData = true;
        reply("354 end with <CRLF>.<CRLF>");
      } else if (verb === "RSET") {
        recipients = [];
        reply("250 2.0.0 ok");
      } else if (verb === "NOOP") reply("250 2.0.0 ok");
      else if (verb === "QUIT") {
        reply("221 2.0.0 bye");
        socket.end();
        return;
      } else reply("502 5.5.2 not implemented");
    }
  });
  socket.on("error", () => socket.destroy());
}

export async function startFakeMailServer(
  options: { smtpPort?: number; httpPort?: number; host?: string; log?: boolean } = {},
): Promise<FakeMailServer> {
  const host = options.host ?? "127.0.0.1";
  const messages: FakeMail[] = [];
  const sockets = new Set<net.Socket>();
  const smtp = net.createServer((socket) => {
    sockets.add(socket);
    socket.on("close", () => sockets.delete(socket));
    converse(socket, (mail) => {
      messages.push(mail);
      if (options.log !== false) console.log(`[mail] to ${mail.to.join(", ")}: ${mail.subject}`);
    });
  });
  const web = http.createServer((req, res) => {
    const url = new URL(req.url ?? "/", "http://localhost");
    if (url.pathname === "/messages") {
      const to = url.searchParams.get("to");
      const list = messages.filter((m) => !to || m.to.includes(to));
      res.writeHead(200, { "Content-Type": "application/json" }).end(JSON.stringify(list));
      return;
    }
    res.writeHead(200, { "Content-Type": "text/html; charset=utf-8" }).end(page(messages));
  });
  await new Promise<void>((resolve) => smtp.listen(options.smtpPort ?? 0, host, resolve));
  await new Promise<void>((resolve) => web.listen(options.httpPort ?? 0, host, resolve));
  const smtpPort = (smtp.address() as AddressInfo).port;
  const httpPort = (web.address() as AddressInfo).port;
  return {
    smtpUrl: `smtp://${host}:${smtpPort}`,
    httpUrl: `http://${host}:${httpPort}`,
    messages: () => [...messages],
    close: async () => {
      for (const socket of sockets) socket.destroy();
      web.closeAllConnections();
      await Promise.all([
        new Promise<void>((resolve) => smtp.close(() => resolve())),
        new Promise<void>((resolve) => web.close(() => resolve())),
      ]);
    },
  };
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) {
  const server = await startFakeMailServer({
    smtpPort: Number(process.env.MAIL_FAKE_SMTP_PORT ?? 2525),
    httpPort: Number(process.env.MAIL_FAKE_HTTP_PORT ?? 2526),
  });
  console.log(`Fake mail server: set SMTP_URL=${server.smtpUrl}, read the e-mail at ${server.httpUrl}/`);
  const stop = () => void server.close().then(() => process.exit(0));
  process.on("SIGINT", stop);
  process.on("SIGTERM", stop);
}
