/**
 * The migration that turns a business plan's typed town into a code (decision
 * 0168-plan-town-from-list) reads towns as the profile's did (0057): migrations are
 * self-contained SQL, so it carries its own copy of the alias table and the folding. Here
 * both are read back from the two files: the copy is the same table (with "other" read as
 * itself) and the same folding, so a plan and a profile that typed the same town get the
 * same code. What that table reads is checked in tests/unit/profiles/town-migration.test.ts.
 */
import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";

const dir = path.join(import.meta.dirname, "../../../db/migrations");
const read = (suffix: string) => {
  const file = fs.readdirSync(dir).find((f) => f.endsWith(suffix));
  expect(file, suffix).toBeDefined();
  return fs.readFileSync(path.join(dir, file!), "utf8");
};

/** The alias → code rows of a migration's alias table. */
function aliases(migration: string, table: string): Map<string, string> {
  const block = migration.slice(
    migration.indexOf(`INSERT INTO "${table}"`),
    migration.indexOf(') AS a("alias", "code")', migration.indexOf(`INSERT INTO "${table}"`)),
  );
  return new Map([...block.matchAll(/\('([^']+)', '([a-z_]+)'\)/g)].map((m) => [m[1]!, m[2]!]));
}

/** The folding expression a migration compares aliases with. */
function folding(migration: string): string {
  const match = /WHERE a\.alias = (.+)\n/.exec(migration);
  expect(match).not.toBeNull();
  return match![1]!;
}

describe("the plan town migration", () => {
  const plan = read("_plan_town_as_code.sql");
  const profile = read("_profile_town_as_code.sql");

  it("reads towns with the profile migration's aliases, and 'other' as itself", () => {
    const profiles = aliases(profile, "profile_town_aliases");
    const plans = aliases(plan, "plan_town_aliases");
    expect(profiles.size).toBeGreaterThan(60);
    expect(Object.fromEntries(plans)).toEqual({ ...Object.fromEntries(profiles), other: "other" });
  });

  it("folds typed towns exactly as the profile migration did", () => {
    expect(folding(plan)).toBe(folding(profile));
  });
});
