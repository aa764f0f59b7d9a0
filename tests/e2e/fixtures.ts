import { expect, type Page } from "@playwright/test";

export const DEMO_PASSWORD = "masar-demo-2026";

/** Sign in through the real form, as a person would. */
export async function login(page: Page, identifier: string, password = DEMO_PASSWORD) {
  await page.goto("/login");
  await page.locator('input[name="identifier"]').fill(identifier);
  await page.locator('input[name="password"]').fill(password);
  await page.locator('form.stack button[type="submit"]').click();
  await expect(page).toHaveURL(/\/home$/);
}

export async function logout(page: Page) {
  await page.locator('form[action="/logout"] button').click();
  await expect(page).toHaveURL(/\/login$/);
}

/** Switch language with the header's form (works with and without JavaScript). */
export async function switchLanguage(page: Page, lng: "fr" | "ar" | "en") {
  await page.locator(`form[action="/lang"] button[value="${lng}"]`).click();
  await expect(page.locator("html")).toHaveAttribute("lang", lng);
}

/** A Moroccan mobile number nobody else in this run uses. */
export function uniquePhone(): string {
  const n = Math.floor(Math.random() * 90_000_000) + 10_000_000;
  return `07${n}`;
}
