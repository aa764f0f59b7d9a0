/**
 * The real HTTP stack (express, security middleware, the built Remix app) on a
 * random local port, over a test file's own database; and a small client that
 * keeps cookies like a browser and sends the Origin a browser would.
 */
import type { AddressInfo } from "node:net";
import path from "node:path";
import { pathToFileURL } from "node:url";
import type { ServerBuild } from "@remix-run/node";
import { afterAll, beforeAll } from "vitest";
import type { Database } from "../../../db/client";
import type { User } from "../../../db/schema";
import { createApp, listen, type AppOptions } from "../../../app/server/app.server";
import { ACTING, EVERYONE, type Who } from "../../access/types";
import { DEMO_PASSWORD, makeUser } from "../../factories";

const root = path.resolve(import.meta.dirname, "../../..");

let buildPromise: Promise<ServerBuild> | null = null;
export function loadBuild(): Promise<ServerBuild> {
  buildPromise ??= import(pathToFileURL(path.join(root, "build", "index.js")).href) as Promise<ServerBuild>;
  return buildPromise;
}

export type TestApp = {
  url: string;
  close(): Promise<void>;
  client(): TestClient;
  /** A client signed in with the demo password (every factory-made user has it), sending `headers`. */
  signedIn(identifier: string, headers?: Record<string, string>): Promise<TestClient>;
  /** A new user (tests/factories) and a client signed in as them. */
  asNewUser(overrides?: Parameters<typeof makeUser>[1]): Promise<{ user: User; client: TestClient }>;
};

/** The app over `db`, as `npm start` serves it but for `options` (a proxy in front, how many reads at once). */
export async function startTestApp(
  db: Database,
  options: Omit<Partial<AppOptions>, "build" | "db" | "publicDir"> = {},
): Promise<TestApp> {
  const build = await loadBuild();
  const app = createApp({ ...options, build, db, publicDir: path.join(root, "public") });
  // as `npm start` listens (idle connections kept 65 s, decision 0149): a test that computes
  // for more than 5 s between two requests met Node's default closing the connection its
  // client was reusing (ECONNRESET)
  const server = listen(app, 0, "127.0.0.1");
  await new Promise<void>((resolve) => server.once("listening", () => resolve()));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const signedIn = async (identifier: string, headers?: Record<string, string>) => {
    const client = new TestClient(url, headers);
    await client.login(identifier, DEMO_PASSWORD);
    return client;
  };
  return {
    url,
    client: () => new TestClient(url),
    signedIn,
    asNewUser: async (overrides = {}) => {
      const user = await makeUser(db, overrides);
      return { user, client: await signedIn(user.email ?? user.phone ?? "") };
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** Start the app for this file, over the given test database (from useTestDb). */
export function useTestApp(db: { db: Database }, options?: Parameters<typeof startTestApp>[1]): TestApp {
  const box = {} as TestApp;
  let started: TestApp | null = null;
  beforeAll(async () => {
    started = await startTestApp(db.db, options);
    Object.assign(box, started);
  });
  afterAll(async () => {
    await started?.close();
  });
  return box;
}

/** A client for each kind of visitor: anonymous, and the demo account that plays each role (tests/access). */
export async function clientsForEveryone(app: TestApp): Promise<Record<Who, TestClient>> {
  const clients = {} as Record<Who, TestClient>;
  for (const who of EVERYONE) clients[who] = who === "anonymous" ? app.client() : await app.signedIn(ACTING[who]);
  return clients;
}

export class TestClient {
  cookies = new Map<string, string>();
  constructor(
    readonly baseUrl: string,
    readonly headers: Record<string, string> = {},
  ) {}

  private cookieHeader(): string {
    return [...this.cookies].map(([k, v]) => `${k}=${v}`).join("; ");
  }

  private remember(response: Response) {
    for (const line of response.headers.getSetCookie()) {
      const [pair = ""] = line.split(";");
      const index = pair.indexOf("=");
      const name = pair.slice(0, index).trim();
      const value = pair.slice(index + 1).trim();
      if (/max-age=0/i.test(line) || value === "") this.cookies.delete(name);
      else this.cookies.set(name, value);
    }
  }

  async request(pathname: string, init: RequestInit & { origin?: string | null } = {}): Promise<Response> {
    const headers = new Headers(init.headers);
    for (const [k, v] of Object.entries(this.headers)) if (!headers.has(k)) headers.set(k, v);
    if (this.cookies.size) headers.set("Cookie", this.cookieHeader());
    const method = (init.method ?? "GET").toUpperCase();
    if (method !== "GET" && method !== "HEAD" && init.origin !== null)
      headers.set("Origin", init.origin ?? this.baseUrl);
    const response = await fetch(new URL(pathname, this.baseUrl), { ...init, headers, redirect: "manual" });
    this.remember(response);
    return response;
  }

  get(pathname: string, init: RequestInit = {}) {
    return this.request(pathname, { ...init, method: "GET" });
  }

  /** Post a form the way a browser without JavaScript does. */
  post(
    pathname: string,
    fields: Record<string, string | string[]> | FormData,
    init: RequestInit & { origin?: string | null } = {},
  ) {
    let body: URLSearchParams | FormData;
    if (fields instanceof FormData) body = fields;
    else {
      body = new URLSearchParams();
      for (const [k, v] of Object.entries(fields)) for (const item of Array.isArray(v) ? v : [v]) body.append(k, item);
    }
    return this.request(pathname, { ...init, method: "POST", body });
  }

  async login(identifier: string, password: string): Promise<Response> {
    const response = await this.post("/login", { identifier, password });
    if (response.status !== 302) throw new Error(`login of ${identifier} failed with ${response.status}`);
    return response;
  }
}
