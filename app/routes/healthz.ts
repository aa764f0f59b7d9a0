import type { LoaderFunctionArgs } from "@remix-run/node";
import { sql } from "drizzle-orm";

/** For load balancers: 200 after a database round trip, 503 when the database is away. */
export async function loader({ context }: LoaderFunctionArgs) {
  try {
    await context.db.execute(sql`select 1`);
    return answer(200, { status: "ok", db: "ok" });
  } catch (error) {
    context.observeDatabaseError(error);
    return answer(503, { status: "error", db: "down" });
  }
}

/**
 * With its length: a few bytes, which the compression middleware then leaves plain (below
 * its threshold), as it cannot for an answer of unknown length (gzip made them longer).
 */
function answer(status: number, body: object) {
  const text = JSON.stringify(body);
  const headers = {
    "Content-Type": "application/json",
    "Cache-Control": "no-store",
    "Content-Length": String(Buffer.byteLength(text)),
  };
  return new Response(text, { status, headers });
}
