/**
 * A signed-in client for one account of every role but the admin's, and an anonymous one:
 * for tests that check an admin's form refuses everyone else (no demo seed needed).
 */
import type { Database } from "../../../db/client";
import { ROLES } from "../../../app/modules/auth/roles";
import { makeOrganisation, makeUser } from "../../factories";
import { makeShop, makeVendor } from "../../factories/protection";
import type { TestApp, TestClient } from "./app";

export async function everyoneButTheAdmin(db: Database, app: TestApp): Promise<[string, TestClient][]> {
  const clients: [string, TestClient][] = [["anonymous", app.client()]];
  for (const role of ROLES) {
    if (role === "admin") continue;
    const user =
      role === "vendor"
        ? await makeVendor(db, await makeShop(db, (await makeOrganisation(db)).id))
        : await makeUser(db, { role });
    clients.push([role, await app.signedIn(user.email!)]);
  }
  return clients;
}

/** The refusal each of them gets: sent to sign in, "forbidden", or (a shop's account) "not found". */
export function refusalFor(who: string): number {
  return who === "anonymous" ? 302 : who === "vendor" ? 404 : 403;
}

/** The hidden version a correction form carries (read from the page, as a browser posts it). */
export function versionOn(html: string): string {
  const found = /name="version" value="([0-9a-f]*)"/.exec(html);
  if (!found) throw new Error("no version on the page");
  return found[1]!;
}
