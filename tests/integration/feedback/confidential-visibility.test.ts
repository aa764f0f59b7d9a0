/**
 * Issue 16's proof: a report of sexual exploitation or abuse (and one of staff
 * misconduct) is invisible to every role but the focal point, on every page of the
 * access matrix and in every export (each CSV table of the report, the quarterly PDF).
 * What would give one away: its words, the contact, the reference (either way it is
 * written), the id (helpers/confidential.ts). The matrix's pages are read for it by the
 * access-matrix walk, which requests each of them as every visitor anyway
 * (access-matrix.test.ts); this file reads the exports and lists outside the matrix.
 */
import { describe, expect, it } from "vitest";
import { formatReference } from "../../../app/modules/feedback/rules";
import { ACCESS_MATRIX } from "../../access";
import { EVERYONE } from "../../access/types";
import { useTestApp } from "../helpers/app";
import { bodyText, confidentialLeaks, confidentialMarkers } from "../helpers/confidential";
import { useTestDb } from "../helpers/test-db";
import { useDemoVisitors } from "../helpers/visitors";

const t = useTestDb();
const app = useTestApp(t);

const visitors = useDemoVisitors(t, app);

describe("a confidential report, through every page and export", () => {
  it("reaches the focal point, and their pages only", async () => {
    const { psea, misconduct } = visitors.fixture.feedback;
    for (const item of [psea, misconduct]) {
      const page = await bodyText(await visitors.clients.focal_point.get(`/complaints/${item.id}`));
      const references = [item.reference, formatReference(item.reference)];
      for (const marker of confidentialMarkers(item).filter((m) => !references.includes(m))) {
        expect(page, marker).toContain(marker);
      }
    }
  });

  // every export and list outside the matrix, for every visitor; the matrix's pages are read
  // for the same markers by the access-matrix walk (access-matrix.test.ts), once for both checks
  it(
    "shows nothing of it to anyone else in any export, or in the lists outside the access matrix",
    { timeout: 180_000 },
    async () => {
      const dashboard = await bodyText(await visitors.clients.admin.get("/reports?quarter=2026-Q4"));
      const tableIds = [...new Set([...dashboard.matchAll(/export\.csv\?table=([a-z-]+)/g)].map((m) => m[1]))];
      expect(tableIds).toContain("complaints");
      const otherPeriods: string[] = [];
      for (const period of ["2026", "2026-10", "2026-11", "2026-12"]) {
        const page = await visitors.clients.donor_viewer.get(`/reports?period=${period}`);
        expect(page.status, period).toBe(200);
        const offered = [...(await bodyText(page)).matchAll(/export\.csv\?table=([a-z-]+)/g)].map((m) => m[1]);
        expect(offered.length, period).toBeGreaterThan(0);
        otherPeriods.push(
          `/reports?period=${period}`,
          ...[...new Set(offered)].map((id) => `/reports/export.csv?table=${id}&period=${period}`),
        );
      }
      const inMatrix = new Set(ACCESS_MATRIX.map((entry) => entry.path(visitors.fixture)));
      const paths = [
        ...new Set([
          ...tableIds.map((id) => `/reports/export.csv?table=${id}&quarter=2026-Q4`),
          // the other fixed periods a donor may ask for, each with the tables its page offers
          ...otherPeriods,
          "/reports/quarterly.pdf?quarter=2026-Q4&lang=en",
          "/reports/quarterly.pdf?quarter=2026-Q4&lang=ar",
          "/complaints?state=all",
          "/complaints?state=overdue",
          "/admin/audit?entity=feedback_item",
        ]),
      ].filter((path) => !inMatrix.has(path));
      const leaks: string[] = [];
      for (const path of paths) {
        for (const who of EVERYONE) {
          const text = await bodyText(await visitors.clients[who].get(path));
          leaks.push(...confidentialLeaks(visitors.fixture, path, who, text));
        }
      }
      expect(leaks).toEqual([]);
      // every table of the quarter, and the other periods' pages and tables
      expect(paths.length).toBeGreaterThan(tableIds.length + 4);
    },
  );

  it("is counted on the dashboard, without a detail", async () => {
    const csv = await bodyText(
      await visitors.clients.admin.get("/reports/export.csv?table=complaints&quarter=2026-Q4"),
    );
    const lines = csv.split(/\r?\n/);
    const psea = lines.find((l) => l.startsWith("2026-10-01,2026-12-31,Exploitation ou abus sexuels"));
    // received 1, and nothing else: no closed count, no time to close, no overdue
    expect(psea?.split(",").slice(3)).toEqual(["1", "", "", "", ""]);
    const donor = await bodyText(
      await visitors.clients.donor_viewer.get("/reports/export.csv?table=complaints&quarter=2026-Q4"),
    );
    expect(
      donor
        .split(/\r?\n/)
        .find((l) => l.includes("Exploitation ou abus sexuels"))
        ?.split(",")[3],
    ).toBe("x");
  });
});
