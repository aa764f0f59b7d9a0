import { describe, expect, it } from "vitest";
import { DEMO_ACCOUNTS } from "../../db/seed/foundation";
import { ACCESS_MATRIX } from "../access";
import { allow, EVERYONE } from "../access/types";
import { REFERRAL_STATES, setUpReferralState, type Road } from "../access/referral-states";
import { loadBuild, useTestApp } from "./helpers/app";
import { bodyText, confidentialLeaks } from "./helpers/confidential";
import { useTestDb } from "./helpers/test-db";
import { useDemoVisitors } from "./helpers/visitors";

const t = useTestDb();
const app = useTestApp(t);

const visitors = useDemoVisitors(t, app);

describe("access matrix", () => {
  it("has a row for every route of the build", async () => {
    const build = await loadBuild();
    const routeIds = Object.keys(build.routes).filter((id) => id !== "root");
    const covered = new Set(ACCESS_MATRIX.map((e) => e.route));
    const missing = routeIds.filter((id) => !covered.has(id));
    expect(missing, "routes missing from tests/access").toEqual([]);
    const stale = [...covered].filter((id) => !routeIds.includes(id));
    expect(stale, "rows for routes that no longer exist").toEqual([]);
    expect(DEMO_ACCOUNTS.length).toBeGreaterThan(0);
  });

  // about a thousand requests: each visitor walks every route, the visitors at once. Each answer
  // is also read for the demo's confidential complaints, which only the focal point may reach
  // (issue 16; helpers/confidential.ts): the same pages as the same visitors on the same demo
  // data, requested once for both checks (decision 0219)
  it(
    "answers every route, for every visitor, with the expected status, and shows a confidential complaint to nobody else",
    { timeout: 180_000 },
    async () => {
      const mismatches: string[] = [];
      const leaks: string[] = [];
      await Promise.all(
        EVERYONE.map(async (who) => {
          for (const entry of ACCESS_MATRIX) {
            const path = entry.path(visitors.fixture);
            const response = await visitors.clients[who].get(path);
            leaks.push(...confidentialLeaks(visitors.fixture, path, who, await bodyText(response)));
            if (response.status !== entry.expect[who]) {
              mismatches.push(
                `${entry.route} ${path} as ${who}: expected ${entry.expect[who]}, got ${response.status}`,
              );
            }
          }
        }),
      );
      expect(mismatches.sort()).toEqual([]);
      expect(leaks.sort(), "a confidential complaint outside the focal point's pages").toEqual([]);
    },
  );

  // a uuid is the same id in capitals (PostgreSQL reads it so): the same answer, never more
  it("answers the same with every id of the path in capitals", { timeout: 180_000 }, async () => {
    const UUID = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/g;
    const withIds = ACCESS_MATRIX.filter((entry) => UUID.test(entry.path(visitors.fixture)));
    expect(withIds.length).toBeGreaterThan(30);
    const mismatches: string[] = [];
    await Promise.all(
      EVERYONE.map(async (who) => {
        for (const entry of withIds) {
          const path = entry.path(visitors.fixture).replace(UUID, (id) => id.toUpperCase());
          const response = await visitors.clients[who].get(path);
          await response.arrayBuffer();
          if (response.status !== entry.expect[who]) {
            mismatches.push(`${entry.route} ${path} as ${who}: expected ${entry.expect[who]}, got ${response.status}`);
          }
        }
      }),
    );
    expect(mismatches.sort()).toEqual([]);
  });
});

describe("access matrix: referral states", () => {
  // association A's case worker (the matrix's case_worker) on a case of B referred to A
  for (const [state, spelling] of REFERRAL_STATES.flatMap(
    (x) =>
      [
        [x, "as stored"],
        [x, "in capitals"],
      ] as const,
  )) {
    it(`${state.name}: what the receiving association sees and cannot do (ids ${spelling})`, async () => {
      const stored = await setUpReferralState(t.db, visitors.fixture, state);
      const spell = (id: string) => (spelling === "in capitals" ? id.toUpperCase() : id);
      const { caseId, serviceId } = { caseId: spell(stored.caseId), serviceId: spell(stored.serviceId) };
      const { secrets } = stored;
      const a = visitors.clients.case_worker;
      const page = await a.get(`/protection/cases/${caseId}`);
      const body = await page.text();
      const roads: Record<Road, number> = {
        page: page.status,
        note: (await a.post(`/protection/cases/${caseId}`, { intent: "note", body: "Note de l'association A" })).status,
        moveReferrersService: (
          await a.post(`/protection/cases/${caseId}`, { intent: "status", serviceId, status: "appointment_set" })
        ).status,
        withdrawConsent: (
          await a.post(`/protection/cases/${caseId}`, { intent: "withdrawConsent", confirm: "withdrawConsent" })
        ).status,
        newService: (await a.get(`/protection/cases/${caseId}/services/new?kind=medical`)).status,
        exportJson: (await a.get(`/protection/cases/${caseId}/export.json`)).status,
        correctIdentity: (await a.get(`/protection/cases/${caseId}/identity`)).status,
        correctReferrersService: (await a.get(`/protection/cases/${caseId}/services/${serviceId}`)).status,
      };
      expect(roads).toEqual(state.roads);
      for (const key of state.sees) expect(body, `sees ${key}`).toContain(secrets[key]);
      for (const key of state.hidden) expect(body, `hides ${key}`).not.toContain(secrets[key]);
      // every other visitor: the case page's usual refusal
      const others = allow(["case_worker"], { ok: state.roads.page });
      const statuses = Object.fromEntries(
        await Promise.all(
          EVERYONE.map(async (who) => {
            const response = await visitors.clients[who].get(`/protection/cases/${caseId}`);
            await response.arrayBuffer();
            return [who, response.status] as const;
          }),
        ),
      );
      expect(statuses).toEqual(others);
    });
  }
});
