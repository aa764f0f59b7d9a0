import { expect } from "@playwright/test";
import { fitsThePhone, login, logout, switchLanguage, distinctName, test } from "./fixtures";

test("a case worker registers a beneficiary in Arabic, records care, hands out aid; another association cannot open the case", async ({
  page,
}, testInfo) => {
  const firstName = distinctName("Mariama");
  // the two projects run at once: two different people, or the duplicate check (rightly) stops the second
  const noJs = testInfo.project.name.includes("no-js");
  const arabicName = noJs ? "عائشة كوندي" : "مريمة كوندي";
  const age = noJs ? "31" : "24";
  await login(page, "caseworker@masar.test");
  await switchLanguage(page, "ar");
  await page.goto("/protection/cases/new");
  await expect(page.locator("html")).toHaveAttribute("dir", "rtl");
  await page.getByLabel("الاسم الشخصي (بالحروف اللاتينية)").fill(firstName);
  await page.getByLabel("الاسم العائلي (بالحروف اللاتينية)").fill("Condé");
  await page.getByLabel("الاسم بالعربية").fill(arabicName);
  await page.getByLabel("السن التقديري (إذا كان التاريخ غير معروف)").fill(age);
  await page.getByLabel("الجنس", { exact: true }).selectOption("female");
  await page.getByLabel("عدد أفراد الأسرة").fill("1");
  await page.getByLabel("الجنسية").selectOption("GN");
  await page.getByLabel("يوافق على تلقي الخدمات").check();
  await page.getByLabel("يوافق على الإحالة إلى الشركاء").check();
  // consent to referral names the partners it covers
  await page.getByLabel("Association Al Amal Oujda").check();
  await page.getByRole("button", { name: "تسجيل مستفيد(ة)" }).click();
  await expect(page).toHaveURL(/\/protection\/cases\/[0-9a-f-]{36}$/);
  const caseUrl = new URL(page.url()).pathname;
  await expect(page.getByTestId("consent")).toContainText("العربية");
  await expect(page.getByTestId("consent-partners")).toContainText("Association Al Amal Oujda");
  // a phone's width: nothing on the case file is wider (a wider page widens the layout viewport itself)
  await fitsThePhone(page);

  // a note typed in French reads left to right in the Arabic page, its full stop at its end
  await page.getByLabel("ملاحظة جديدة").fill("Premier entretien : besoin d'un hébergement.");
  await page.getByRole("button", { name: "حفظ الملاحظة" }).click();
  const note = page.locator("#notes .message-body", { hasText: "Premier entretien" });
  await expect(note).toHaveAttribute("dir", "auto");
  expect(await note.evaluate((p) => getComputedStyle(p).direction)).toBe("ltr");

  // a medical consultation
  await page.getByRole("link", { name: "+ استشارة طبية" }).click();
  await page.getByRole("button", { name: "حفظ الخدمة" }).click();
  await expect(page).toHaveURL(new RegExp(`${caseUrl}(#services)?$`));
  await expect(page.locator('[data-service="medical"]')).toBeVisible();

  // a hospital referral
  await page.getByRole("link", { name: "+ إحالة إلى المستشفى" }).click();
  await page.getByLabel("المؤسسة").fill("CHU Ibn Sina");
  await page.getByLabel("التخصص").fill("Gynécologie");
  await page.getByRole("button", { name: "حفظ الخدمة" }).click();
  await expect(page.locator('[data-service="hospital_referral"]')).toContainText("مطلوب");

  // a hygiene kit from the demo round
  await page.goto("/aid");
  await page.getByRole("link", { name: "Kits d'hygiène — novembre" }).click();
  await page.locator("li", { hasText: firstName }).getByRole("button", { name: "تسليم" }).click();
  // the items and quantities are shown before anything leaves the stock
  await expect(page.getByTestId("hand-out-items")).toContainText("×");
  await page.getByRole("button", { name: "تأكيد التسليم" }).click();
  await expect(page).toHaveURL(/\/aid\/rounds\/[0-9a-f-]{36}$/);
  await expect(page.locator("li", { hasText: firstName }).getByRole("button")).toHaveCount(0);

  // a voucher
  await page.goto(caseUrl);
  await expect(page.locator("#aid")).toContainText("Kits d'hygiène — novembre");
  await page.getByRole("button", { name: "إصدار" }).click();
  await expect(page.getByTestId("voucher-pdf")).toBeVisible();
  const pdf = await page.request.get(
    `${new URL(page.url()).origin}${await page.getByTestId("voucher-pdf").getAttribute("href")}`,
  );
  expect(pdf.headers()["content-type"]).toBe("application/pdf");

  // another association's case worker: not found
  await logout(page);
  await login(page, "caseworker2@masar.test");
  const response = await page.goto(caseUrl);
  expect(response?.status()).toBe(404);
  await expect(page.locator("body")).not.toContainText(firstName);
});

test("every protection and aid page fits a phone, in Arabic", async ({ page }) => {
  await login(page, "caseworker@masar.test");
  await switchLanguage(page, "ar");
  const paths = ["/home", "/protection", "/protection/cases/new", "/protection/referrals", "/aid", "/aid/vouchers"];
  await page.goto("/aid");
  paths.push(
    new URL(
      await page
        .locator('a[href^="/aid/warehouses/"]')
        .first()
        .evaluate((a) => (a as HTMLAnchorElement).href),
    ).pathname,
  );
  paths.push(
    new URL(
      await page
        .locator('a[href^="/aid/rounds/"]')
        .first()
        .evaluate((a) => (a as HTMLAnchorElement).href),
    ).pathname,
  );
  await page.goto("/protection");
  paths.push(
    new URL(
      await page
        .locator('a[href^="/protection/cases/"]')
        .last()
        .evaluate((a) => (a as HTMLAnchorElement).href),
    ).pathname,
  );
  for (const path of paths) {
    await page.goto(path);
    await expect(page.locator("html")).toHaveAttribute("dir", "rtl");
    expect(await page.evaluate(() => document.documentElement.scrollWidth), path).toBeLessThanOrEqual(375);
  }
});
