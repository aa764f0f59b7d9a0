/**
 * Issue 16's proof: a report of sexual exploitation or abuse (and one of staff
 * misconduct) is invisible to every role but the focal point, on every page of the
 * access matrix and in every export (each CSV table of the report, the quarterly PDF).
 * What would give one away: its words, the contact, the reference (either way it is
 * written), the id.
 */
import { describe, expect, it } from "vitest";
import type { FeedbackItem } from "../../../db/schema";
import { formatReference } from "../../../app/modules/feedback/rules";
import { ACCESS_MATRIX } from "../../access";
import { EVERYONE } from "../../access/types";
import { readPdfText } from "../../helpers/pdf";
import { useTestApp } from "../helpers/app";
import { useTestDb } from "../helpers/test-db";
import { useDemoVisitors } from "../helpers/visitors";

const t = useTestDb();
const app = useTestApp(t);

const visitors = useDemoVisitors(t, app);

function markers(item: FeedbackItem): string[] {
  return [
    item.message.slice(0, 30),
    item.reference,
    formatReference(item.reference),
    item.id,
    ...(item.contactName ? [item.contactName] : []),
    ...(item.contactPhone ? [item.contactPhone, item.contactPhone.slice(4)] : []),
  ];
}

/** The body as text: PDFs through pdftotext, HTML entities of the markers' characters undone. */
async function bodyText(response: Response): Promise<string> {
  const bytes = new Uint8Array(await response.arrayBuffer());
  if ((response.headers.get("content-type") ?? "").includes("pdf")) return readPdfText(bytes);
  return new TextDecoder().decode(bytes).replaceAll("&#x27;", "'").replaceAll("&quot;", '"').replaceAll("&amp;", "&");
}

describe("a confidential report, through every page and export", () => {
  it("reaches the focal point, and their pages only", async () => {
    const { psea, misconduct } = visitors.fixture.feedback;
    for (const item of [psea, misconduct]) {
      const page = await bodyText(await visitors.clients.focal_point.get(`/complaints/${item.id}`));
      for (const marker of markers(item).filter((m) => m !== item.reference && m !== formatReference(item.reference))) {
        expect(page, marker).toContain(marker);
      }
    }
  });

  // every page of the matrix for every visitor, as the access-matrix test walks it: as slow, on a busy machine
  it(
    "shows nothing of it to anyone else, on any page of the access matrix or in any export",
    { timeout: 180_000 },
    async () => {
      const { psea, misconduct } = visitors.fixture.feedback;
      const secret = [...markers(psea), ...markers(misconduct)];
      const ids = [psea.id, misconduct.id];
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
      const paths = [
        ...new Set([
          ...ACCESS_MATRIX.map((entry) => entry.path(visitors.fixture)),
          ...tableIds.map((id) => `/reports/export.csv?table=${id}&quarter=2026-Q4`),
          // the other fixed periods a donor may ask for, each with the tables its page offers
          ...otherPeriods,
          "/reports/quarterly.pdf?quarter=2026-Q4&lang=en",
          "/reports/quarterly.pdf?quarter=2026-Q4&lang=ar",
          "/complaints?state=all",
          "/complaints?state=overdue",
          "/admin/audit?entity=feedback_item",
        ]),
      ];
      const leaks: string[] = [];
      for (const path of paths) {
        for (const who of EVERYONE) {
          // the focal point's own pages are where it belongs
          if (who === "focal_point" && path.startsWith("/complaints")) continue;
          const text = await bodyText(await visitors.clients[who].get(path));
          for (const marker of secret) {
            // an id the visitor typed comes back in the page's own address; the audit log shows
            // admins which record the focal point opened, by id, as it does for case files
            const expected = path.includes(marker) || (path.startsWith("/admin/audit") && ids.includes(marker));
            if (!expected && text.includes(marker)) leaks.push(`${path} as ${who}: ${marker}`);
          }
        }
      }
      expect(leaks).toEqual([]);
      expect(paths.length).toBeGreaterThan(ACCESS_MATRIX.length / 2);
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
