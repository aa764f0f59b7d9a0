/**
 * An admin corrects a cohort and closes an internship offer (issue 15), on a phone, in
 * French and Arabic, with and without JavaScript: a capacity below the seats taken is
 * refused in the reader's language with what was typed kept; closing goes through its
 * confirmation step and says how many applicants were told.
 */
import { expect } from "@playwright/test";
import { createDb } from "../../db/client";
import { applyToOffer } from "../../app/modules/internships/applications.server";
import { register } from "../../app/modules/trainings/service.server";
import { makeUser, uniqueSuffix } from "../factories";
import { makeHostOffer } from "../factories/internships";
import { makeCohort, makeTraining } from "../factories/trainings";
import { e2eDatabaseUrl, fitsThePhone, FR_AND_AR, login, switchLanguage, journey, SHOT, test } from "./fixtures";
import { translate } from "../../app/i18n/translate";

/** A cohort of 4 seats with 2 taken, and an open offer with one application waiting. */
async function fixtures() {
  const handle = createDb(e2eDatabaseUrl(), { max: 1 });
  try {
    const db = handle.db;
    const s = uniqueSuffix();
    const training = await makeTraining(db, { titleFr: `Soudure ${s}`, titleAr: `لحام ${s}`, titleEn: `Welding ${s}` });
    const cohort = await makeCohort(db, training.id, {
      nameFr: `Groupe ${s}`,
      nameAr: `فوج ${s}`,
      nameEn: `Group ${s}`,
      capacity: 4,
    });
    const meta = { ip: "127.0.0.1" };
    for (let i = 0; i < 2; i++) {
      const u = await makeUser(db, { role: "applicant", password: null });
      await register(db, { id: u.id, role: "applicant", organisationId: u.organisationId }, cohort.id, meta);
    }
    const { offer } = await makeHostOffer(db, {
      host: { name: `Garage ${s}`, city: "agadir" },
      contactName: "Omar Idrissi",
      sector: "construction",
      offer: {
        titleFr: `Aide soudeur ${s}`,
        titleAr: `مساعد لحام ${s}`,
        titleEn: "",
        city: "agadir",
        startsOn: "2027-05-01",
        durationWeeks: 4,
        seats: 2,
      },
    });
    const u = await makeUser(db, { role: "applicant", password: null });
    const person = { id: u.id, role: "applicant" as const, organisationId: u.organisationId };
    await applyToOffer(db, person, { offerId: offer.id, beneficiaryId: u.id }, meta);
    return { cohort, offer };
  } finally {
    await handle.close();
  }
}

for (const [lang, m] of FR_AND_AR) {
  test(`an admin corrects a cohort and closes an offer (${lang})`, journey(lang), async ({ page }, testInfo) => {
    const { cohort, offer } = await fixtures();
    await login(page, "admin@masar.test");
    await switchLanguage(page, lang);
    const shot = (name: string) =>
      page.screenshot({ ...SHOT, path: testInfo.outputPath(`${name}-${lang}.png`), fullPage: true });

    // the cohort: from its page to its correction
    await page.goto(`/trainings/cohorts/${cohort.id}`);
    await page.getByRole("link", { name: m["trainings.correctCohort"] }).click();
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(m["trainings.correctCohort.title"]);
    const capacity = page.locator('input[name="capacity"]');
    await expect(capacity).toHaveValue("4");
    // below the 2 seats taken: refused, said in the reader's language, what was typed kept
    await capacity.fill("1");
    await page.locator('input[name="nameEn"]').fill("Evening group");
    await page.getByRole("button", { name: m["trainings.correct.save"] }).click();
    await expect(page.getByText(m["trainings.errors.capacityBelowSeats"]).first()).toBeVisible();
    await expect(capacity).toHaveValue("1");
    await expect(page.locator('input[name="nameEn"]')).toHaveValue("Evening group");
    await fitsThePhone(page);
    await shot("cohort-correct-refused");
    await capacity.fill("6");
    await page.getByRole("button", { name: m["trainings.correct.save"] }).click();
    await expect(page).toHaveURL(new RegExp(`/trainings/cohorts/${cohort.id}\\?done=corrected`));
    await expect(page.getByText(m["trainings.correct.corrected"])).toBeVisible();
    await expect(page.getByText(translate(m, lang, "trainings.seatsTaken", { taken: 2, capacity: 6 }))).toBeVisible();
    await fitsThePhone(page);
    await shot("cohort-corrected");

    // the offer: closed through its confirmation step
    await page.goto(`/internships/offers/${offer.id}`);
    await page.getByRole("link", { name: m["internships.close"] }).click();
    await expect(page).toHaveURL(new RegExp(`\\?confirm=close$`));
    await expect(page.getByTestId("confirm-step")).toBeVisible();
    await fitsThePhone(page);
    await shot("offer-close-step");
    await page.getByRole("button", { name: m["internships.confirm.close.button"] }).click();
    await expect(page).toHaveURL(new RegExp(`/internships/offers/${offer.id}\\?told=1$`));
    await expect(page.getByText(translate(m, lang, "internships.closedNotice", { count: 1 }))).toBeVisible();
    await expect(page.getByRole("link", { name: m["internships.close"] })).toHaveCount(0);
    await fitsThePhone(page);
    await shot("offer-closed");
  });
}
