import { expect } from "@playwright/test";
import { fitsThePhone, login, logout, switchLanguage, test } from "./fixtures";

/** Nothing on the page is wider than the phone (a wider page widens the layout viewport itself). */
test("an anonymous person files a complaint in Arabic on a phone and follows it with the reference", async ({
  page,
}, testInfo) => {
  // the two projects run at once: each its own words, to find its own complaint
  const words = testInfo.project.name.includes("no-js")
    ? "لم يصلني أي خبر عن التكوين منذ شهر"
    : "انتظرت طويلا أمام مكتب الجمعية دون جواب";

  // from any page's footer, without an account
  await page.goto("/");
  await switchLanguage(page, "ar");
  await page.getByTestId("footer-feedback").click();
  await expect(page).toHaveURL(/\/feedback$/);
  await expect(page.locator("html")).toHaveAttribute("dir", "rtl");
  await fitsThePhone(page);

  // sending without choosing or writing: translated errors, nothing sent
  await page.getByRole("button", { name: "إرسال" }).click();
  await expect(page.getByTestId("error-summary")).toContainText("اختاروا نوع الرسالة.");
  await expect(page).toHaveURL(/\/feedback(\?index)?$/);

  await page.getByLabel(/^شكاية/).check();
  await page.getByLabel("رسالتكم").fill(words);
  await page.getByRole("button", { name: "إرسال" }).click();

  // the acknowledgement: a reference to keep, not in the address
  await expect(page).toHaveURL(/\/feedback\/sent$/);
  const shown = (await page.getByTestId("feedback-reference").textContent()) ?? "";
  expect(shown).toMatch(/^[2-9A-HJKMNP-TW-Z]{4}-[2-9A-HJKMNP-TW-Z]{4}$/);
  await fitsThePhone(page);

  // following it, typed as a phone user would: lower case, a space for the dash
  await page.getByRole("link", { name: "تتبع رسالتي" }).first().click();
  await expect(page).toHaveURL(/\/feedback\/follow$/);
  await page.getByLabel("المرجع").fill(shown.toLowerCase().replace("-", " "));
  await page.getByRole("button", { name: "عرض" }).click();
  await expect(page.getByTestId("feedback-status")).toContainText("متوصل بها");
  await expect(page.getByTestId("feedback-status")).toContainText("لا جواب بعد");
  await fitsThePhone(page);

  // the programme's admin finds it, answers in the person's language, and closes it
  await login(page, "admin@masar.test");
  await page.goto("/complaints");
  await page.getByTestId("feedback-list").locator("li", { hasText: words }).getByRole("link").click();
  const answer = "شكرًا على رسالتكم. اتصلت بكم الجمعية وحددت لكم موعدًا يوم الإثنين.";
  await page.getByRole("textbox", { name: "الجواب" }).fill(answer);
  await page.getByRole("button", { name: "حفظ الجواب" }).click();
  await expect(page.locator(".alert-success")).toContainText("حُفظ الجواب");
  await page.getByRole("link", { name: "إغلاق الرسالة" }).click();
  await page.getByRole("button", { name: "إغلاق الرسالة" }).click();
  await expect(page.locator(".alert-success")).toContainText("أُغلقت الرسالة");
  await logout(page);

  // the person reads the answer, still without an account
  await page.goto("/feedback/follow");
  await page.getByLabel("المرجع").fill(shown);
  await page.getByRole("button", { name: "عرض" }).click();
  await expect(page.getByTestId("feedback-status")).toContainText("مغلقة");
  await expect(page.getByTestId("feedback-answer")).toContainText(answer);
  await fitsThePhone(page);
});
