/**
 * The migration that turns a profile's typed town into a code of the towns list (decision
 * 0157-profile-town-from-list) reads each town through its own alias table and folding, in
 * SQL. Here that table is read back from the migration file and checked against the app's
 * own reading of a town (`townCodeOf`: codes and labels in fr, ar, en): every name the
 * portal prints for a town is an alias of that town, and no alias says another town.
 */
import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { CODE_LISTS } from "../../../app/i18n/codes";
import { townCodeOf } from "../../../app/i18n/codes.server";
import { dictionaries } from "../../../app/i18n/dictionaries.server";
import { LOCALES } from "../../../app/i18n/config";
import { translate, type MessageKey } from "../../../app/i18n/translate";

const dir = path.join(import.meta.dirname, "../../../db/migrations");
const file = fs.readdirSync(dir).find((f) => f.endsWith("_profile_town_as_code.sql"));
const migration = fs.readFileSync(path.join(dir, file ?? "missing"), "utf8");

/** The alias → code rows of the migration's alias table. */
function aliases(): Map<string, string> {
  const block = migration.slice(
    migration.indexOf('INSERT INTO "profile_town_aliases"'),
    migration.indexOf(') AS a("alias", "code")'),
  );
  return new Map([...block.matchAll(/\('([^']+)', '([a-z_]+)'\)/g)].map((m) => [m[1]!, m[2]!]));
}

/** The migration's folding: accents off, lower case, only Latin letters, digits and Arabic letters kept. */
function sqlFold(value: string): string {
  const from = "àâäáãåéèêëíìîïóòôöõúùûüçñÿÀÂÄÁÃÅÉÈÊËÍÌÎÏÓÒÔÖÕÚÙÛÜÇÑ";
  const to = "aaaaaaeeeeiiiiooooouuuucnyaaaaaaeeeeiiiiooooouuuucn";
  const translated = [...value].map((c) => (from.includes(c) ? to[from.indexOf(c)] : c)).join("");
  return translated.toLowerCase().replace(/[^a-z0-9ء-ي]/g, "");
}

/** A typed town as the migration reads it: its code, "other" when unknown, null when blank. */
function migrated(typed: string): string | null {
  if (!typed.trim()) return null;
  return aliases().get(sqlFold(typed)) ?? "other";
}

describe("the profile town migration's reading of typed towns", () => {
  it("has an alias table to read", () => {
    expect(file).toBeDefined();
    expect(aliases().size).toBeGreaterThan(60);
  });

  it("reads every label the portal prints for a town, in fr, ar and en, as that town", () => {
    const missed: string[] = [];
    for (const code of CODE_LISTS.city.values) {
      if (code === "other") continue;
      for (const locale of LOCALES) {
        const label = translate(dictionaries[locale], locale, `codes.city.${code}` as MessageKey);
        if (migrated(label) !== code) missed.push(`${locale} ${label} → ${migrated(label)} (expected ${code})`);
      }
    }
    expect(missed).toEqual([]);
  });

  it("never reads an alias as another town than the app does", () => {
    const disagree = [...aliases()]
      .filter(([alias, code]) => townCodeOf(alias) !== null && townCodeOf(alias) !== code)
      .map(([alias, code]) => `${alias}: ${code} / ${townCodeOf(alias)}`);
    expect(disagree).toEqual([]);
    // every alias names a town of the list
    for (const code of aliases().values()) expect(CODE_LISTS.city.values).toContain(code);
  });

  it("folds spaces, capitals, accents and hyphens, and leaves what it cannot read as other, blank as nothing", () => {
    expect(migrated(" RABAT ")).toBe("rabat");
    expect(migrated("Fès")).toBe("fes");
    expect(migrated("Béni-Mellal")).toBe("beni_mellal");
    expect(migrated("الدار البيضاء")).toBe("casablanca");
    expect(migrated("Tangier")).toBe("tanger");
    expect(migrated("Douar Lahcen")).toBe("other");
    expect(migrated("   ")).toBeNull();
  });
});
