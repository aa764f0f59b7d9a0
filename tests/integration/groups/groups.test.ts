/**
 * Group activities and households (issue 16): scoped per association, headcounts refused
 * below zero by the database, household members reached once per person per period, the
 * report's people-reached lines with and without linked participants, and the report
 * version bumped by every write to the new tables (the cache recomputes).
 */
import { and, eq, sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { auditLog, groupActivities, groupActivityParticipants, householdMembers } from "../../../db/schema";
import { addDays, moroccoToday } from "../../../app/lib/morocco-time";
import { countGroupFigures } from "../../../app/modules/groups/report.server";
import { cachedReport, clearReportCache, reportVersion } from "../../../app/modules/reporting/cache.server";
import type { ReportFilter } from "../../../app/modules/reporting/indicator-sql.server";
import { wiredSources } from "../../../app/modules/reporting/sources.server";
import { makeCase, makeService, makeVoucher } from "../../factories/protection";
import { useTwoAssociations } from "../protection/setup";

const { t, s } = useTwoAssociations();
const today = moroccoToday();
const PERIOD = (organisationId: string | null = null): ReportFilter => ({
  from: addDays(today, -60),
  to: today,
  organisationId,
});

/** The fields of the activity form; counts as typed. */
function activityForm(overrides: Record<string, string | string[]> = {}): Record<string, string | string[]> {
  return {
    kind: "awareness",
    topic: "health",
    heldOn: addDays(today, -3),
    city: "rabat",
    facilitator: "Salma Idrissi",
    female18to24: "4",
    male25to59: "3",
    ...overrides,
  };
}

function activityIdFrom(response: Response): string {
  const match = /recorded=([0-9a-f-]{36})/.exec(response.headers.get("location") ?? "");
  if (!match) throw new Error(`no activity in redirect: ${response.status}`);
  return match[1]!;
}

async function peopleReached(filter: ReportFilter) {
  const report = await cachedReport(t.db, { audience: filter.organisationId ? "association" : "admin", filter });
  const table = report.tables.find((x) => x.id === "people-reached");
  if (!table) throw new Error("no people-reached table");
  // rows: registered, linkedOnly, unregistered, householdMembers, total
  return table.rows.map((r) => r[1]);
}

describe("group activities", () => {
  it("are recorded by the association's case workers and hidden from another association", async () => {
    const c = await makeCase(t.db, { organisationId: s.orgA.id, createdById: s.workerA.id });
    const response = await s.clients.workerA.post("/groups/new", activityForm({ participants: [c.id] }));
    expect(response.status).toBe(302);
    const id = activityIdFrom(response);
    const [row] = await t.db.select().from(groupActivities).where(eq(groupActivities.id, id));
    expect(row).toMatchObject({ organisationId: s.orgA.id, female18to24: 4, male25to59: 3, moroccans: null });
    const linked = await t.db
      .select()
      .from(groupActivityParticipants)
      .where(eq(groupActivityParticipants.activityId, id));
    expect(linked.map((l) => l.caseId)).toEqual([c.id]);

    const listA = await (await s.clients.workerA.get("/groups")).text();
    expect(listA).toContain(`/groups/${id}`);
    const listB = await (await s.clients.workerB.get("/groups")).text();
    expect(listB).not.toContain(`/groups/${id}`);
    expect((await s.clients.workerB.get(`/groups/${id}`)).status).toBe(404);
    const corrected = await s.clients.workerB.post(`/groups/${id}`, activityForm({ female18to24: "40" }));
    expect(corrected.status).toBe(404);
    const [after] = await t.db.select().from(groupActivities).where(eq(groupActivities.id, id));
    expect(after?.female18to24).toBe(4);
  });

  it("refuses a case file of another association as a participant, writing nothing", async () => {
    const other = await makeCase(t.db, { organisationId: s.orgB.id, createdById: s.workerB.id });
    const before = await t.db.select({ n: sql<number>`count(*)::int` }).from(groupActivities);
    const response = await s.clients.workerA.post("/groups/new", activityForm({ participants: [other.id] }));
    expect(response.status).toBe(400);
    const after = await t.db.select({ n: sql<number>`count(*)::int` }).from(groupActivities);
    expect(after[0]?.n).toBe(before[0]?.n);
  });

  it("refuses negative, fractional or missing counts with a translated error, keeping what was typed", async () => {
    for (const bad of [{ female18to24: "-2" }, { female18to24: "1.5" }, { female18to24: "", male25to59: "" }] as Record<
      string,
      string
    >[]) {
      const response = await s.clients.workerA.post("/groups/new", activityForm({ ...bad, facilitator: "Typed Name" }));
      expect(response.status).toBe(400);
      const html = await response.text();
      expect(html).toContain('data-testid="error-summary"');
      expect(html).toContain('value="Typed Name"');
    }
    const more = await s.clients.workerA.post("/groups/new", activityForm({ moroccans: "5", migrants: "5" }));
    expect(more.status).toBe(400);
    expect(await more.text()).toContain("Les Marocains et les personnes migrantes dépassent");
  });

  it("holds its limits in the database: no negative count, nationality within the headcount, somebody counted", async () => {
    const insert = (columns: string, values: string) =>
      t.sql.unsafe(
        `insert into group_activities (organisation_id, kind, topic, held_on, city, facilitator, recorded_by_id, ${columns})
         values ($1, 'information', 'health', $2, 'rabat', 'Direct Insert', $3, ${values})`,
        [s.orgA.id, today, s.workerA.id],
      );
    await expect(insert("female18to24, male18to24", "-1, 5")).rejects.toThrow(/group_activities_counts_check/);
    await expect(insert("female18to24", "0")).rejects.toThrow(/group_activities_someone_check/);
    await expect(insert("female18to24, migrants", "2, 3")).rejects.toThrow(/group_activities_nationality_check/);
    await expect(insert("female18to24, moroccans", "2, -1")).rejects.toThrow(/group_activities_nationality_check/);
    await expect(insert("female18to24", "2001")).rejects.toThrow(/group_activities_counts_check/);
    await expect(insert("female18to24, moroccans, migrants", "3, 1, 2")).resolves.toBeDefined();
  });

  it("records a correction with the names of the fields changed", async () => {
    const id = activityIdFrom(await s.clients.workerA.post("/groups/new", activityForm()));
    const response = await s.clients.workerA.post(`/groups/${id}`, activityForm({ male25to59: "5", city: "sale" }));
    expect(response.status).toBe(302);
    const [entry] = await t.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.entityId, id), eq(auditLog.action, "groups.activity.correct")));
    expect(entry?.fields?.sort()).toEqual(["city", "male25to59"]);
  });
});

describe("households", () => {
  it("are recorded on the case file by its association only, and corrected", async () => {
    const c = await makeCase(t.db, { organisationId: s.orgA.id, createdById: s.workerA.id });
    const added = await s.clients.workerA.post(`/protection/cases/${c.id}/household`, {
      intent: "household",
      relationship: "child",
      sex: "female",
      age: "7",
    });
    expect(added.status).toBe(302);
    const refused = await s.clients.workerB.post(`/protection/cases/${c.id}/household`, {
      intent: "household",
      relationship: "child",
      sex: "male",
      age: "3",
    });
    expect(refused.status).toBe(404);
    const members = await t.db.select().from(householdMembers).where(eq(householdMembers.caseId, c.id));
    expect(members).toHaveLength(1);
    expect(members[0]?.birthYear).toBe(Number(today.slice(0, 4)) - 7);
    const badAge = await s.clients.workerA.post(`/protection/cases/${c.id}/household`, {
      intent: "household",
      memberId: members[0]!.id,
      relationship: "child",
      sex: "female",
      age: "-4",
    });
    expect(badAge.status).toBe(400);
    const fixed = await s.clients.workerA.post(`/protection/cases/${c.id}/household`, {
      intent: "household",
      memberId: members[0]!.id,
      relationship: "sibling",
      sex: "female",
      age: "7",
    });
    expect(fixed.status).toBe(302);
    const [entry] = await t.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.entityId, c.id), eq(auditLog.action, "protection.household.correct")));
    expect(entry?.fields).toEqual(["relationship"]);
    const page = await (await s.clients.workerA.get(`/protection/cases/${c.id}`)).text();
    expect(page).toContain('data-testid="household"');
    // the person's copy of their file holds the household too
    const exported = await (await s.clients.supervisorA.get(`/protection/cases/${c.id}/export.json`)).json();
    expect(exported.household).toEqual([{ id: members[0]!.id, relationship: "sibling", sex: "female", age: 7 }]);
  });

  it("stays within its limit when members are added at the same time", async () => {
    const c = await makeCase(t.db, { organisationId: s.orgA.id, createdById: s.workerA.id });
    await t.db.insert(householdMembers).values(
      Array.from({ length: 27 }, () => ({
        caseId: c.id,
        relationship: "child" as const,
        sex: "male" as const,
        createdById: s.workerA.id,
      })),
    );
    const responses = await Promise.all(
      Array.from({ length: 6 }, () =>
        s.clients.workerA.post(`/protection/cases/${c.id}/household`, {
          intent: "household",
          relationship: "child",
          sex: "female",
        }),
      ),
    );
    expect(responses.filter((r) => r.status === 302)).toHaveLength(2);
    expect(responses.filter((r) => r.status === 400)).toHaveLength(4);
    const members = await t.db.select().from(householdMembers).where(eq(householdMembers.caseId, c.id));
    expect(members).toHaveLength(29);
  });

  it("counts the members of a household given aid once per person per period", async () => {
    const org = s.orgB.id;
    const c = await makeCase(t.db, { organisationId: org, createdById: s.workerB.id });
    await t.db.insert(householdMembers).values([
      { caseId: c.id, relationship: "spouse", sex: "male", birthYear: 1990, createdById: s.workerB.id },
      { caseId: c.id, relationship: "child", sex: "female", birthYear: 2020, createdById: s.workerB.id },
    ]);
    const none = await countGroupFigures(t.db, wiredSources(), PERIOD(org));
    expect(none.householdMembers).toBe(0);
    // two vouchers in the period: the same two people, reached once each
    await makeVoucher(t.db, { caseId: c.id, organisationId: org, issuedById: s.workerB.id });
    await makeVoucher(t.db, { caseId: c.id, organisationId: org, issuedById: s.workerB.id });
    const period = await countGroupFigures(t.db, wiredSources(), PERIOD(org));
    expect(period.householdMembers).toBe(2);
    // a period before the aid: nobody
    const before = await countGroupFigures(t.db, wiredSources(), {
      from: addDays(today, -400),
      to: addDays(today, -200),
      organisationId: org,
    });
    expect(before.householdMembers).toBe(0);
  });
});

describe("people reached in the reports", () => {
  it("subtracts linked participants from the headcount and counts a registered person once", async () => {
    const { orgA, workerA, clients } = s;
    const filter = PERIOD(orgA.id);
    clearReportCache(t.db);
    const [, linkedOnly0, unregistered0] = await peopleReached(filter);

    // a session of 7 without links: 7 people without a case file
    await clients.workerA.post("/groups/new", activityForm());
    const [, linkedOnly, unregistered] = await peopleReached(filter);
    expect(unregistered).toBe(Number(unregistered0) + 7);
    expect(linkedOnly).toBe(linkedOnly0);

    // a session of 7 with two linked case files: one already reached by a service, one not
    const served = await makeCase(t.db, { organisationId: orgA.id, createdById: workerA.id });
    await makeService(t.db, {
      caseId: served.id,
      kind: "legal",
      serviceDate: addDays(today, -5),
      status: "open",
      details: { legalType: "documents" },
      recordedById: workerA.id,
    });
    const onlyHere = await makeCase(t.db, { organisationId: orgA.id, createdById: workerA.id });
    const [registered] = await peopleReached(filter);
    await clients.workerA.post("/groups/new", activityForm({ participants: [served.id, onlyHere.id] }));
    const after = await peopleReached(filter);
    expect(after[0]).toBe(registered); // the registered reach does not change
    expect(after[1]).toBe(Number(linkedOnly) + 1); // the one reached by nothing else
    expect(after[2]).toBe(Number(unregistered) + 5); // 7 counted, 2 of them linked
    expect(after[4]).toBe(Number(after[0]) + Number(after[1]) + Number(after[2]) + Number(after[3]));
  });

  it("bumps the report version with every write to the new tables, so cached figures are recomputed", async () => {
    const filter = PERIOD(s.orgA.id);
    const v0 = await reportVersion(t.db);
    const [, , unregistered0] = await peopleReached(filter);
    const id = activityIdFrom(await s.clients.workerA.post("/groups/new", activityForm()));
    const v1 = await reportVersion(t.db);
    expect(BigInt(v1)).toBeGreaterThan(BigInt(v0));
    const [, , unregistered1] = await peopleReached(filter);
    expect(unregistered1).toBe(Number(unregistered0) + 7);
    // a correction alone, then a household member alone, each bump it too
    await s.clients.workerA.post(`/groups/${id}`, activityForm({ female18to24: "10" }));
    const v2 = await reportVersion(t.db);
    expect(BigInt(v2)).toBeGreaterThan(BigInt(v1));
    expect((await peopleReached(filter))[2]).toBe(Number(unregistered1) + 6);
    const c = await makeCase(t.db, { organisationId: s.orgA.id, createdById: s.workerA.id });
    const v3 = await reportVersion(t.db);
    await t.db
      .insert(householdMembers)
      .values({ caseId: c.id, relationship: "child", sex: "male", createdById: s.workerA.id });
    expect(BigInt(await reportVersion(t.db))).toBeGreaterThan(BigInt(v3));
  });
});
