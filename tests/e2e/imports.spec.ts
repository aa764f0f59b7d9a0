/**
 * Importing a case list (issue 16) on a phone, with and without JavaScript, in French and
 * Arabic: a case worker sends a CSV with one row missing the person's sex, reads the
 * preview (nothing written yet, the bad row named with its problem), confirms, reads how
 * many case files were opened, and sending the same file again changes nothing.
 */
import { expect } from "@playwright/test";
import { trainingRegistrations } from "../../db/schema";
import { addDays, moroccoToday } from "../../app/lib/morocco-time";
import { makeUser } from "../factories";
import { makeCohort, makeSessions, makeTraining } from "../factories/trainings";
import {
  fitsThePhone,
  FR_AND_AR,
  inDatabase,
  login,
  switchLanguage,
  uniquePhone,
  journey,
  SHOT,
  test,
} from "./fixtures";
import { translate } from "../../app/i18n/translate";

/** Where the confirmation's date stands: the sentence is read on either side of it. */
const DATE = "\u0000";

/** Letters only: the name folding used for duplicates drops digits. */
function randomName(): string {
  const letters = "bcdfghjklmnprstvz";
  const vowels = "aeiou";
  let name = "";
  for (let i = 0; i < 4; i++)
    name += letters[Math.floor(Math.random() * letters.length)]! + vowels[Math.floor(Math.random() * vowels.length)]!;
  return name[0]!.toUpperCase() + name.slice(1);
}

for (const [lang, m] of FR_AND_AR) {
  test(
    `a case worker previews a list, confirms it once and cannot import it twice (${lang})`,
    journey(lang),
    async ({ page }, testInfo) => {
      test.setTimeout(120_000);
      const family = randomName();
      const csv = [
        "prenom;nom;sexe;age_estime;consentement_services",
        `${randomName()};${family};femme;31;oui`,
        `${randomName()};${family};homme;27;oui`,
        `${randomName()};${family};;40;oui`,
      ].join("\r\n");
      const file = { name: `liste-${family}.csv`, mimeType: "text/csv", buffer: Buffer.from(csv, "utf8") };

      await login(page, "caseworker@masar.test");
      await switchLanguage(page, lang);
      await page.goto("/imports");
      await expect(page.locator("h1")).toHaveText(m["imports.title"]);
      await page.getByLabel(m["imports.field.kind"]).selectOption("cases");
      await page.locator("#import-file").setInputFiles(file);
      await page.getByRole("button", { name: m["imports.send"] }).click();

      // the preview: nothing written yet, the third data line (line 4 of the file) named with its problem
      await expect(page).toHaveURL(/\/imports\/[0-9a-f-]{36}$/);
      await expect(page.getByText(m["imports.preview.notYet"])).toBeVisible();
      const bad = page.getByTestId("import-rows").locator('tr[data-line="4"]');
      await expect(bad).toContainText(m["protection.field.sex"]);
      await expect(page.getByTestId("import-rows").locator("tbody tr")).toHaveCount(1);
      await page.screenshot({ ...SHOT, path: testInfo.outputPath(`preview-${lang}.png`), fullPage: true });
      await fitsThePhone(page);

      await page.getByRole("button", { name: m["imports.preview.confirm"] }).click();
      const done = page.locator("[data-import-confirmed]");
      await expect(done).toBeVisible();
      const confirmed = translate(m, lang, "imports.confirmed", { n: 2, rows: 3, date: DATE }).split(DATE);
      await expect(done).toContainText(confirmed[1]!.trim());
      await expect(page.getByRole("button", { name: m["imports.preview.confirm"] })).toHaveCount(0);
      await page.screenshot({ ...SHOT, path: testInfo.outputPath(`confirmed-${lang}.png`), fullPage: true });
      await fitsThePhone(page);

      // the same file again: refused with a message, no second preview
      await page.goto("/imports");
      await page.locator("#import-file").setInputFiles(file);
      await page.getByRole("button", { name: m["imports.send"] }).click();
      await expect(page.getByText(m["imports.errors.sameFile"])).toBeVisible();
      await expect(page).toHaveURL(/\/imports(\?index)?$/);
      await page.screenshot({ ...SHOT, path: testInfo.outputPath(`again-${lang}.png`), fullPage: true });
      await fitsThePhone(page);
    },
  );
}

/**
 * Applicants and attendance (issue 16): a case worker imports people to register (one row
 * without the notice read is named and left out, the others become accounts), and a coach
 * imports a session's register (a person without a seat named, the others marked), each
 * confirmed once, in fr and ar on a phone, with and without JavaScript.
 */
for (const [lang, m] of FR_AND_AR) {
  test(
    `a case worker imports people to register as applicants (${lang})`,
    journey(lang),
    async ({ page }, testInfo) => {
      test.setTimeout(120_000);
      const family = randomName();
      const csv = [
        "prenom;nom;sexe;nationalite;langue_de_la_notice;notice_lue",
        `${randomName()};${family};femme;SN;wo;oui`,
        `${randomName()};${family};homme;ML;bm;non`,
      ].join("\r\n");
      const file = { name: `inscrits-${family}.csv`, mimeType: "text/csv", buffer: Buffer.from(csv, "utf8") };
      await login(page, "caseworker@masar.test");
      await switchLanguage(page, lang);
      await page.goto("/imports");
      await page.getByLabel(m["imports.field.kind"]).selectOption("applicants");
      await page.locator("#import-file").setInputFiles(file);
      await page.getByRole("button", { name: m["imports.send"] }).click();

      await expect(page.getByText(m["imports.preview.notYet"])).toBeVisible();
      const bad = page.getByTestId("import-rows").locator('tr[data-line="3"]');
      await expect(bad).toContainText(m["imports.field.noticeRead"]);
      await expect(bad).toContainText(m["office.errors.noticeRead"]);
      await page.screenshot({ ...SHOT, path: testInfo.outputPath(`applicants-preview-${lang}.png`), fullPage: true });
      await fitsThePhone(page);

      await page.getByRole("button", { name: m["imports.preview.confirm"] }).click();
      const done = page.locator("[data-import-confirmed]");
      const confirmed = translate(m, lang, "imports.confirmedApplicants", { n: 1, rows: 2, date: DATE }).split(DATE);
      await expect(done).toContainText(confirmed[1]!.trim());
      await page.screenshot({ ...SHOT, path: testInfo.outputPath(`applicants-confirmed-${lang}.png`), fullPage: true });
      await fitsThePhone(page);

      await page.goto("/imports");
      await page.getByLabel(m["imports.field.kind"]).selectOption("applicants");
      await page.locator("#import-file").setInputFiles(file);
      await page.getByRole("button", { name: m["imports.send"] }).click();
      await expect(page.getByText(m["imports.errors.sameFile"])).toBeVisible();
    },
  );

  test(`a coach imports a session's attendance (${lang})`, journey(lang), async ({ page }, testInfo) => {
    test.setTimeout(120_000);
    const { sessionId, present, outsider } = await inDatabase(async (db) => {
      const today = moroccoToday();
      const training = await makeTraining(db);
      const cohort = await makeCohort(db, training.id, { startsOn: addDays(today, -3), endsOn: addDays(today, 3) });
      const [session] = await makeSessions(db, cohort.id, 1, addDays(today, -1));
      // stored as E.164; the list writes them as people do (0 6…)
      const present = await makeUser(db, { phone: `+212${uniquePhone().slice(1)}` });
      const outsider = await makeUser(db, { phone: `+212${uniquePhone().slice(1)}` });
      await db.insert(trainingRegistrations).values({ cohortId: cohort.id, userId: present.id, status: "confirmed" });
      const national = (phone: string | null) => `0${phone!.slice(4)}`;
      return { sessionId: session!.id, present: national(present.phone), outsider: national(outsider.phone) };
    });
    const csv = ["seance;identifiant;presence", `${sessionId};${present};présent`, `${sessionId};${outsider};P`].join(
      "\n",
    );
    const file = { name: `presences-${sessionId.slice(0, 8)}.csv`, mimeType: "text/csv", buffer: Buffer.from(csv) };
    await login(page, "coach@masar.test");
    await switchLanguage(page, lang);
    await page.goto(`/trainings/sessions/${sessionId}`);
    await expect(page.locator("[data-session-reference]")).toContainText(sessionId);
    await page.goto("/imports");
    await page.getByLabel(m["imports.field.kind"]).selectOption("attendance");
    await page.locator("#import-file").setInputFiles(file);
    await page.getByRole("button", { name: m["imports.send"] }).click();

    await expect(page.getByText(m["imports.preview.notYet"])).toBeVisible();
    await expect(page.getByTestId("import-rows").locator('tr[data-line="3"]')).toContainText(
      m["imports.problems.notRegistered"],
    );
    await page.screenshot({ ...SHOT, path: testInfo.outputPath(`attendance-preview-${lang}.png`), fullPage: true });
    await fitsThePhone(page);
    await page.getByRole("button", { name: m["imports.preview.confirm"] }).click();
    const confirmed = translate(m, lang, "imports.confirmedAttendance", { n: 1, rows: 2, date: DATE }).split(DATE);
    await expect(page.locator("[data-import-confirmed]")).toContainText(confirmed[1]!.trim());
    await page.screenshot({ ...SHOT, path: testInfo.outputPath(`attendance-confirmed-${lang}.png`), fullPage: true });
    await fitsThePhone(page);

    // the register shows the mark the list brought
    await page.goto(`/trainings/sessions/${sessionId}`);
    await page.screenshot({ ...SHOT, path: testInfo.outputPath(`attendance-register-${lang}.png`), fullPage: true });
  });
}
