/** Two associations, their case workers (one a supervisor) and a logged-in client for each. */
import { and, eq, like } from "drizzle-orm";
import { expect } from "vitest";
import type { Database } from "../../../db/client";
import { auditLog, caseReferrals } from "../../../db/schema";
import { makeOrganisation, makeUser } from "../../factories";
import { makeCase, makeSupervisor } from "../../factories/protection";
import { beforeAll } from "vitest";
import { useTestApp, type TestApp, type TestClient } from "../helpers/app";
import { useTestDb } from "../helpers/test-db";

export async function twoAssociations(db: Database, app: TestApp) {
  const orgA = await makeOrganisation(db);
  const orgB = await makeOrganisation(db);
  const workerA = await makeUser(db, { role: "case_worker", organisationId: orgA.id });
  const supervisorA = await makeUser(db, { role: "case_worker", organisationId: orgA.id });
  const workerB = await makeUser(db, { role: "case_worker", organisationId: orgB.id });
  await makeSupervisor(db, supervisorA.id);
  const login = async (email: string | null): Promise<TestClient> => {
    const client = await app.signedIn(email!);
    return client;
  };
  return {
    orgA,
    orgB,
    workerA,
    supervisorA,
    workerB,
    clients: {
      workerA: await login(workerA.email),
      supervisorA: await login(supervisorA.email),
      workerB: await login(workerB.email),
    },
    login,
  };
}

/** The fields of the registration form, with consent to services. */
export function registration(overrides: Record<string, string> = {}): Record<string, string> {
  return {
    firstName: "Awa",
    lastName: "Sangaré",
    sex: "female",
    dateOfBirth: "1994-02-11",
    nationality: "ML",
    consentServices: "on",
    consentLanguage: "fr",
    householdSize: "1",
    ...overrides,
  };
}

export function caseIdFrom(response: Response): string {
  const location = response.headers.get("location") ?? "";
  const match = /\/protection\/cases\/([0-9a-f-]{36})/.exec(location);
  if (!match) throw new Error(`no case in redirect: ${response.status} ${location}`);
  return match[1]!;
}

type Scene = Awaited<ReturnType<typeof twoAssociations>>;

/**
 * A case of association A whose consent to referral names association B (unless the
 * consent says otherwise).
 */
export function caseOfA(
  db: Database,
  s: Scene,
  values: Partial<Parameters<typeof makeCase>[1]> = {},
  consent: Parameters<typeof makeCase>[2] = {},
) {
  return makeCase(
    db,
    { organisationId: s.orgA.id, createdById: s.workerA.id, ...values },
    { partners: [s.orgB.id], ...consent },
  );
}

export type Share = "identity" | "services" | "notes" | "vulnerability";

/**
 * Ask association B to take the case (a referral, or a transfer), posted on the case page
 * by `client`, with a reason, an urgency, and the sections ticked in `share` (none by default).
 */
export function postReferral(
  s: Scene,
  caseId: string,
  options: {
    kind?: "referral" | "transfer";
    client?: TestClient;
    overrideReason?: string;
    share?: Share[];
    to?: string;
  } = {},
) {
  const { kind = "referral", client = s.clients.workerA, overrideReason, share = [], to = s.orgB.id } = options;
  return client.post(`/protection/cases/${caseId}/referral`, {
    intent: "referral",
    kind,
    toOrganisationId: to,
    reason: "specialised_service",
    urgency: "urgent",
    services: ["medical", "shelter"],
    share,
    ...(overrideReason ? { overrideReason } : {}),
  });
}

/** The person's consent withdrawn from the case page, the confirmation step passed. */
export function withdrawConsent(s: Scene, caseId: string, client: TestClient = s.clients.workerA) {
  return client.post(`/protection/cases/${caseId}`, { intent: "withdrawConsent", confirm: "withdrawConsent" });
}

/**
 * A test file's database, app and two associations, made once before its tests: `s` is
 * filled in by then (read it inside tests and hooks, not at the file's top level).
 */
export function useTwoAssociations() {
  const t = useTestDb();
  const app = useTestApp(t);
  const s = {} as Scene;
  beforeAll(async () => {
    Object.assign(s, await twoAssociations(t.db, app));
  });
  return { t, app, s };
}

/**
 * What a correction form refused as stale shows (French): the fields it flags as changed on
 * file, sorted, and what it says beside each ("Actuellement au dossier : …", isolates dropped).
 */
export function staleFlags(html: string) {
  const flagged = [...html.matchAll(/id="f-(\w+)-error"[^>]*>[^<]*Le dossier dit maintenant autre chose ici/g)]
    .map((m) => m[1]!)
    .sort();
  const onFile = Object.fromEntries(
    [...html.matchAll(/id="f-(\w+)-on-file"[^>]*>([^<]*)</g)].map((m) => [m[1]!, m[2]!.replace(/[\u2068\u2069]/g, "")]),
  );
  return { flagged, onFile };
}

/**
 * The audit rows of one case's corrections: `action` is the exact action, or a LIKE pattern
 * when it holds a `%` (e.g. "protection.service.%.correct" for every kind of service).
 */
export function correctionsOf(db: Database, caseId: string, action: string) {
  return db
    .select()
    .from(auditLog)
    .where(
      and(
        eq(auditLog.entityId, caseId),
        action.includes("%") ? like(auditLog.action, action) : eq(auditLog.action, action),
      ),
    );
}

/** A correction form as the page serves it (200): its HTML and the hidden version it carries. */
export async function correctionForm(client: TestClient, path: string) {
  const response = await client.get(path);
  expect(response.status).toBe(200);
  const html = await response.text();
  const version = /name="version" value="([^"]+)"/.exec(html)?.[1];
  expect(version).toBeTruthy();
  return { html, version: version! };
}

/** A referral of A's case to B, already accepted by B, sharing the sections given (written directly). */
export function referralAcceptedByB(
  db: Database,
  s: Scene,
  caseId: string,
  shared: { shareIdentity?: boolean; shareServices?: boolean },
) {
  return db.insert(caseReferrals).values({
    caseId,
    kind: "referral",
    fromOrganisationId: s.orgA.id,
    toOrganisationId: s.orgB.id,
    requestedById: s.workerA.id,
    reason: "specialised_service",
    urgency: "urgent",
    ...shared,
    status: "accepted",
    decidedById: s.workerB.id,
    decidedAt: new Date(),
  });
}
