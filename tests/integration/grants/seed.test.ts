import { sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { seedDemo } from "../../../db/seed";
import { rankingForCall } from "../../../app/modules/grants/queries.server";
import { useTestDb } from "../helpers/test-db";

const t = useTestDb();

describe("grants demo data", () => {
  it("gives an open call and a call in review with a ranking, and running it again adds nothing", async () => {
    const first = await seedDemo(t.db);
    const count = async () =>
      (
        await t.db.execute<{ n: number }>(
          sql`select (select count(*) from grant_calls) + (select count(*) from grant_applications) + (select count(*) from grant_scores) as n`,
        )
      )[0]!.n;
    const before = Number(await count());
    const again = await seedDemo(t.db);
    expect(Number(await count())).toBe(before);
    expect(again.grants.reviewCall.id).toBe(first.grants.reviewCall.id);
    expect(first.grants.openCall.status).toBe("open");
    const ranking = await rankingForCall(t.db, first.grants.reviewCall.id);
    expect(ranking.length).toBeGreaterThanOrEqual(6);
    expect(ranking.some((r) => r.disagreement)).toBe(true);
  });
});
