/**
 * Factories shared by the demo seed and the tests: one way to make a record, so
 * both exercise the same constraints. Unique fields get a random suffix unless
 * given.
 */
import { randomUUID } from "node:crypto";
import { eq } from "drizzle-orm";
import type { Executor } from "../../db/client";
import {
  organisations,
  users,
  type NewOrganisation,
  type NewUser,
  type Organisation,
  type User,
} from "../../db/schema";
import { hashPassword } from "../../app/modules/auth/password.server";
import type { Actor } from "../../app/modules/auth/permissions";

export const DEMO_PASSWORD = "masar-demo-2026";

export function uniqueSuffix(): string {
  return randomUUID().slice(0, 8);
}

export async function makeOrganisation(db: Executor, overrides: Partial<NewOrganisation> = {}): Promise<Organisation> {
  const [row] = await db
    .insert(organisations)
    .values({ name: `Association ${uniqueSuffix()}`, kind: "partner_association", city: "rabat", ...overrides })
    .returning();
  if (!row) throw new Error("organisation not created");
  return row;
}

let cachedHash: { password: string; hash: Promise<string> } | null = null;
/** Hashing is slow by design; factories reuse one hash per password. */
function hashFor(password: string): Promise<string> {
  if (cachedHash?.password !== password) cachedHash = { password, hash: hashPassword(password) };
  return cachedHash.hash;
}

export async function makeUser(
  db: Executor,
  overrides: Partial<NewUser> & { password?: string | null } = {},
): Promise<User & { password: string | null }> {
  const { password = DEMO_PASSWORD, ...rest } = overrides;
  const suffix = uniqueSuffix();
  const role = rest.role ?? "applicant";
  let organisationId = rest.organisationId;
  if (organisationId === undefined && role === "case_worker") organisationId = (await makeOrganisation(db)).id;
  const [row] = await db
    .insert(users)
    .values({
      displayName: `Test ${suffix}`,
      email: rest.phone ? null : `user-${suffix}@masar.test`,
      role,
      passwordHash: password ? await hashFor(password) : null,
      // people made here have been around: their phone counts as confirmed unless a test says otherwise
      phoneConfirmedAt: rest.phone ? new Date() : null,
      ...rest,
      organisationId: organisationId ?? null,
      // a case worker made here works already: its association's supervisor confirmed it, unless a test says otherwise
      caseAccessOrganisationId:
        rest.caseAccessOrganisationId !== undefined
          ? rest.caseAccessOrganisationId
          : role === "case_worker"
            ? (organisationId ?? null)
            : null,
    })
    .returning();
  if (!row) throw new Error("user not created");
  return { ...row, password };
}

/** The actor a service receives for a user made here (or any account row). */
export const asActor = (u: { id: string; role: Actor["role"]; organisationId: string | null }): Actor => ({
  id: u.id,
  role: u.role,
  organisationId: u.organisationId,
});

export async function findUserByEmail(db: Executor, email: string) {
  const [row] = await db.select().from(users).where(eq(users.email, email));
  return row ?? null;
}
