/**
 * The referral journey on a phone, with and without JavaScript: association A refers a
 * consented case to a partner its consent names, sharing only the sections it ticks; the
 * partner reads only the request and those sections before accepting, then writes its own
 * note; the person's consent to referral withdrawn, the partner's next request finds nothing.
 */
import { expect, type Page } from "@playwright/test";
import { fitsThePhone, login, logout, switchLanguage, SHOT, test } from "./fixtures";

const PARTNER = "Association Al Amal Oujda";
// names put in a sentence are isolated (U+2068 … U+2069), so their direction never turns the sentence around

/** A registers a person (the two projects run at once: a name of their own) who consents to referral to the partner. */
async function registerConsented(page: Page, firstName: string) {
  await page.goto("/protection/cases/new");
  await page.getByLabel("Prénom (alphabet latin)").fill(firstName);
  await page.getByLabel("Nom (alphabet latin)", { exact: true }).fill("Keïta");
  await page.getByLabel("Âge estimé (si la date est inconnue)").fill("29");
  await page.getByLabel("Sexe", { exact: true }).selectOption("female");
  await page.getByLabel("Personnes dans le foyer").fill("1");
  await page.getByLabel("Accepte de recevoir des services").check();
  await page.getByLabel("Accepte d'être référé·e à des partenaires").check();
  await page.getByLabel(PARTNER).check();
  await page.getByRole("button", { name: "Enregistrer un·e bénéficiaire" }).click();
  await expect(page).toHaveURL(/\/protection\/cases\/[0-9a-f-]{36}$/);
  return new URL(page.url()).pathname;
}

test("a referral shares only the sections ticked, the partner accepts and writes its own note, withdrawal ends its access", async ({
  page,
}, testInfo) => {
  // four sign-ins and a dozen pages on two shared cores
  test.setTimeout(180_000);
  const noJs = testInfo.project.name.includes("no-js");
  const suffix = `${noJs ? "n" : "j"}${Math.random().toString(36).slice(2, 7)}`;
  const firstName = `Fatoumata${suffix}`;
  const secret = `Note confidentielle de A ${suffix}`;

  // association A: a note of its own, then the referral, sharing identity and services only
  await login(page, "caseworker@masar.test");
  const caseUrl = await registerConsented(page, firstName);
  await page.getByLabel("Nouvelle note").fill(secret);
  await page.getByRole("button", { name: "Enregistrer la note" }).click();
  await expect(page.locator("#notes")).toContainText(secret);
  // the referral is sent from its own page, linked from the file's section
  await page.locator("#referral").getByRole("link", { name: "Référer à un partenaire" }).click();
  await expect(page).toHaveURL(new RegExp(`${caseUrl}/referral$`));
  const referral = page.locator("main");
  // a supervisor reads "(named in the consent)" after the partners the consent names
  const partner = await referral.locator("option", { hasText: PARTNER }).getAttribute("value");
  await referral.getByLabel("Association partenaire").selectOption(partner ?? "");
  await referral.getByLabel("Motif", { exact: true }).selectOption({ label: "service spécialisé" });
  await referral.getByLabel("Urgence", { exact: true }).selectOption({ label: "urgente" });
  await referral.getByLabel("Consultation médicale").check();
  await referral.getByLabel("Identité (nom, âge, contact, documents, foyer)").check();
  await referral.getByLabel("Services reçus").check();
  await referral.getByRole("button", { name: "Envoyer" }).click();
  await expect(page).toHaveURL(new RegExp(`${caseUrl}(#\\w+)?$`));
  // a sentence, not "kind → partner"
  await expect(page.locator("#referral [data-referral='pending']")).toContainText(
    `Référencement vers \u2068${PARTNER}\u2069`,
  );
  await logout(page);

  // the partner, before accepting: the request and the sections ticked, nothing else, no form
  await login(page, "caseworker2@masar.test");
  await page.goto("/protection/referrals");
  await page
    .locator("li", { hasText: "service spécialisé" })
    .filter({ has: page.locator(`a[href="${caseUrl}"]`) })
    .getByRole("link")
    .first()
    .click();
  await expect(page).toHaveURL(new RegExp(`${caseUrl}$`));
  const requests = page.locator("#requests");
  // the sender's name says "Association" itself: the heading does not say it again
  await expect(requests.locator("h3").first()).toHaveText("Demande envoyée par Association Tadamon Rabat");
  await expect(requests).toContainText("service spécialisé");
  await expect(requests).toContainText("urgente");
  await expect(requests).toContainText("Consultation médicale");
  await expect(requests).toContainText("Identité (nom, âge, contact, documents, foyer) · Services reçus");
  await expect(page.locator("h1")).toContainText(firstName);
  await expect(page.locator("body")).not.toContainText(secret);
  await expect(page.locator('[data-not-shared="vulnerability"]')).toBeVisible();
  for (const absent of ["#consent", "#aid", "#supervisor", "#referral"])
    await expect(page.locator(absent)).toHaveCount(0);
  await expect(page.locator("textarea")).toHaveCount(0);
  await fitsThePhone(page);
  await page.screenshot({ ...SHOT, path: testInfo.outputPath("partner-pending-fr.png"), fullPage: true });
  await switchLanguage(page, "ar");
  await expect(page.locator("html")).toHaveAttribute("dir", "rtl");
  await expect(page.locator("#requests")).toContainText("خدمة متخصصة");
  await expect(page.locator("body")).not.toContainText(secret);
  await fitsThePhone(page);
  await page.screenshot({ ...SHOT, path: testInfo.outputPath("partner-pending-ar.png"), fullPage: true });
  await switchLanguage(page, "fr");

  // accepted: the same sections, and a note of its own
  await page.locator("#requests").getByRole("button", { name: "Accepter" }).click();
  await expect(page).toHaveURL(new RegExp(`${caseUrl}$`));
  await expect(page.locator("#requests [data-request='accepted']")).toBeVisible();
  const own = `Note de l'association B ${suffix}`;
  await page.getByLabel("Nouvelle note").fill(own);
  await page.getByRole("button", { name: "Enregistrer la note" }).click();
  await expect(page.locator("#notes")).toContainText(own);
  await expect(page.locator("body")).not.toContainText(secret);
  await logout(page);

  // association A sees the partner's note in its file, and the referral accepted; in Arabic, a sentence
  await login(page, "caseworker@masar.test");
  await page.goto(caseUrl);
  await expect(page.locator("#notes")).toContainText(own);
  await switchLanguage(page, "ar");
  const line = page.locator("#referral [data-referral='accepted']");
  await expect(line).toContainText(`إحالة إلى \u2068${PARTNER}\u2069`);
  await expect(line).not.toContainText("→");
  await line.screenshot({ ...SHOT, path: testInfo.outputPath("referral-line-ar.png") });
  await switchLanguage(page, "fr");
  // the person withdraws their consent (through its confirmation step)
  await page.getByRole("link", { name: "Retirer le consentement" }).click();
  await page.getByRole("button", { name: /Oui, retirer/ }).click();
  await expect(page).toHaveURL(new RegExp(`${caseUrl}(#\\w+)?$`));
  await logout(page);

  // the partner's next request: nothing
  await login(page, "caseworker2@masar.test");
  const response = await page.goto(caseUrl);
  expect(response?.status()).toBe(404);
  await expect(page.locator("body")).not.toContainText(firstName);
  await page.goto("/protection/referrals");
  await expect(page.locator(`a[href="${caseUrl}"]`)).toHaveCount(0);
});
