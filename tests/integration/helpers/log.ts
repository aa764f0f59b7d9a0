/**
 * What the server writes to its log, caught in memory: a logger as the server's (pino,
 * JSON lines) writing into an array, and the app served over HTTP with it.
 */
import { Writable } from "node:stream";
import path from "node:path";
import type { AddressInfo } from "node:net";
import { createApp } from "../../../app/server/app.server";
import { createLogger } from "../../../app/server/logger.server";
import { loadBuild } from "./app";

const root = path.resolve(import.meta.dirname, "../../..");

export type Line = Record<string, unknown> & { level: string; msg: string };

/** A logger writing into an array, as the server's would write to stdout. */
export function memoryLogger() {
  const lines: Line[] = [];
  const raw: string[] = [];
  const destination = new Writable({
    write(chunk: Buffer, _encoding, callback) {
      raw.push(chunk.toString());
      for (const line of chunk.toString().split("\n").filter(Boolean)) lines.push(JSON.parse(line) as Line);
      callback();
    },
  });
  return { logger: createLogger({ level: "info", destination }), lines, text: () => raw.join("") };
}

export async function serve(db: Parameters<typeof createApp>[0]["db"], logger: ReturnType<typeof createLogger>) {
  const server = createApp({ build: await loadBuild(), db, publicDir: path.join(root, "public"), logger }).listen(
    0,
    "127.0.0.1",
  );
  await new Promise<void>((r) => server.once("listening", () => r()));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    close: () =>
      new Promise<void>((r) => {
        server.closeAllConnections();
        server.close(() => r());
      }),
  };
}
