import type { LoaderFunctionArgs } from "@remix-run/node";
import { sql } from "drizzle-orm";

/** For load balancers: 200 after a database round trip, 503 when the database is away. */
export async function loader({ context }: LoaderFunctionArgs) {
  const headers = { "Content-Type": "application/json", "Cache-Control": "no-store" };
  try {
    await context.db.execute(sql`select 1`);
    return new Response(JSON.stringify({ status: "ok", db: "ok" }), { status: 200, headers });
  } catch (error) {
    context.observeDatabaseError(error);
    return new Response(JSON.stringify({ status: "error", db: "down" }), { status: 503, headers });
  }
}
