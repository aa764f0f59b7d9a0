/**
 * A language named in itself ("Français" on an Arabic page, "العربية" on a French one) is
 * marked as that language and its direction, wherever it stands: the header's switch, a
 * select's option, a value inside a sentence, a table cell. Without it a screen reader
 * reads "Français" with an Arabic voice and the bidi algorithm orders it as Arabic.
 */
import { describe, expect, it } from "vitest";
import { LOCALE_NAMES, LOCALES, direction, type Locale } from "../../../app/i18n/config";
import { makeUser } from "../../factories";
import { useTestApp } from "../helpers/app";
import { useTestDb } from "../helpers/test-db";

const t = useTestDb();
const app = useTestApp(t);

/** Each place a language's own name is written in the page, with the tag that holds it; none without its lang and dir. */
function unmarkedNames(html: string, page: Locale): string[] {
  const visible = html.replace(/<script[\s\S]*?<\/script>/g, "").replace(/<title>[\s\S]*?<\/title>/, "");
  const problems: string[] = [];
  for (const l of LOCALES.filter((l) => l !== page)) {
    const name = LOCALE_NAMES[l];
    let found = 0;
    for (const m of visible.matchAll(new RegExp(`<(\\w+)([^<>]*)>${name}<`, "g"))) {
      found++;
      const attrs = m[2]!;
      if (!attrs.includes(`lang="${l}"`) || !attrs.includes(`dir="${direction(l)}"`))
        problems.push(`<${m[1]}${attrs}>${name}`);
    }
    // a name not alone in its element (inside a sentence, after a date) is unmarked too
    const all = visible.split(name).length - 1;
    if (all !== found) problems.push(`${name}: ${all - found} time(s) inside other text`);
  }
  return problems;
}

describe("languages named in themselves", () => {
  it("carry their own lang and dir on an Arabic page: header, select, sentence, confirmation", async () => {
    await makeUser(t.db, { role: "admin", email: "lang-names@masar.test" });
    const admin = await app.signedIn("lang-names@masar.test");
    admin.cookies.set("lng", "ar");
    const page = await (await admin.get("/admin/quarterly-report?quarter=2026-Q4&locale=fr")).text();
    expect(page).toContain('dir="rtl"');
    expect(page).toMatch(/<option[^>]*lang="fr"[^>]*>Français</);
    expect(page).toMatch(/<bdi lang="fr" dir="ltr">Français<\/bdi>/);
    expect(unmarkedNames(page, "ar")).toEqual([]);
  });

  it("and on a French page", async () => {
    await makeUser(t.db, { role: "admin", email: "lang-names-fr@masar.test" });
    const admin = await app.signedIn("lang-names-fr@masar.test");
    admin.cookies.set("lng", "fr");
    const page = await (await admin.get("/admin/quarterly-report?quarter=2026-Q4&locale=ar")).text();
    expect(page).toMatch(/<bdi lang="ar" dir="rtl">العربية<\/bdi>/);
    expect(unmarkedNames(page, "fr")).toEqual([]);
    const users = await (await admin.get("/admin/users/new")).text();
    expect(unmarkedNames(users, "fr")).toEqual([]);
  });

  it("the check finds an unmarked name", () => {
    expect(unmarkedNames("<p>اللغة: Français.</p>", "ar")).toHaveLength(1);
    expect(unmarkedNames('<button lang="fr">Français</button>', "ar")).toHaveLength(1);
    expect(unmarkedNames('<button lang="fr" dir="ltr">Français</button>', "ar")).toEqual([]);
  });
});
