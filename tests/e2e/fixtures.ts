import fs from "node:fs";
import { expect, test as base, type Page } from "@playwright/test";
import { eq } from "drizzle-orm";
import { createDb } from "../../db/client";
import { coachAssignments, users } from "../../db/schema";
import { LOGIN_ID_ALPHABET, normalizePhone, parseIdentifier } from "../../app/modules/auth/rules";
import { byIdentifier } from "../../app/modules/auth/queries.server";
import { createSession, sessionCookieName } from "../../app/modules/auth/session.server";
import { ar } from "../../app/i18n/locales/ar/index";
import { fr } from "../../app/i18n/locales/fr/index";
import { ACCESS_MATRIX } from "../access";
import type { Fixture, Who } from "../access/types";

import { DEMO_PASSWORD, makeUser } from "../factories";
import { makeCase } from "../factories/protection";
import { runFile } from "./run-files";
import { codeSentTo } from "./sms-gateway";

export { DEMO_PASSWORD };

const port = Number(process.env.E2E_PORT ?? 3210);

/** Chromium's refusal of one capture now and then, a CDP hiccup: the same picture is taken when asked again. */
const TRANSIENT_CAPTURE = /Unable to capture screenshot/;
const retrying = new WeakSet<object>();

/** `screenshot` of a class (a page's, a locator's) asked again once when Chromium refuses the capture itself. */
function retryRefusedCapture(proto: { screenshot: (...args: never[]) => Promise<Buffer> }) {
  if (retrying.has(proto)) return;
  retrying.add(proto);
  const screenshot = proto.screenshot;
  proto.screenshot = async function (this: unknown, ...args: never[]) {
    try {
      return await screenshot.apply(this, args);
    } catch (error) {
      if (!(error instanceof Error) || !TRANSIENT_CAPTURE.test(error.message)) throw error;
      return screenshot.apply(this, args);
    }
  };
}

/**
 * The specs' `test`: Playwright's, with every page and element screenshot asked again once
 * when Chromium refuses the capture ("Unable to capture screenshot": seen once in CI,
 * 7 December, on a full-page shot; nothing else is retried, no assertion).
 */
export const test = base.extend({
  page: async ({ page }, use) => {
    retryRefusedCapture(Object.getPrototypeOf(page) as Parameters<typeof retryRefusedCapture>[0]);
    retryRefusedCapture(Object.getPrototypeOf(page.locator("html")) as Parameters<typeof retryRefusedCapture>[0]);
    await use(page);
  },
});

/**
 * Options for every screenshot a spec takes for a person to look at (test-results/): one image
 * pixel per CSS pixel. At the phone's own scale (Pixel 5: 2.75) a full page has 7.6 times the
 * pixels, and encoding them cost about 4.5 times as long (a long page: 5.7 s against 1.3 s on
 * the loaded two-core machine), over 100 screenshots a run. Letters and layout read at this
 * scale; `E2E_SHOT_SCALE=device` takes them at the phone's scale for a closer look at Arabic.
 */
export const SHOT = { scale: process.env.E2E_SHOT_SCALE === "device" ? "device" : "css" } as const;

/**
 * A prefix and eight letters, for a name registered through a page that checks for
 * duplicates (a case, an office registration). The checks fold names to a consonant
 * skeleton (protection's `foldName`: vowels, y, w and digits go, doubled letters and
 * c/k/q merge), so a random base-36 tag kept two or three letters and the French and Arabic
 * runs of a journey met as namesakes (CI, 6 December: "Gray7ok41" and "Graeuc21k" Camara
 * both fold to "grk"). These letters fold to themselves and never repeat in a row.
 */
export function distinctName(prefix: string): string {
  const letters = "bdfjlmnprstvz";
  let out = "";
  while (out.length < 8) {
    const next = letters[Math.floor(Math.random() * letters.length)]!;
    if (next !== out.at(-1)) out += next;
  }
  return prefix + out;
}

/** A sign-in identifier as a slip prints it (two groups of four), and the slip's one-time code (two groups of three digits). */
export const SLIP_ID = new RegExp(`[${LOGIN_ID_ALPHABET}]{4}-[${LOGIN_ID_ALPHABET}]{4}`);
export const SLIP_CODE = /\b(\d{3}) (\d{3})\b/;

/** The two languages a journey is walked in on a phone (left to right and right to left), with their dictionaries. */
export const FR_AND_AR = [
  ["fr", fr],
  ["ar", ar],
] as const;

/**
 * The tag of a journey walked once in each language: French with JavaScript, Arabic without
 * it (the phone-js and phone-no-js projects each leave the other's tag out, see
 * tests/playwright.config.ts). Each journey is still walked in both languages and in both
 * modes, not in all four pairs: what JavaScript changes (how a form is sent, focus) does not
 * depend on the language, and what the language changes (text, direction) is in the page the
 * server renders either way (decision 0139).
 */
export function journey(lang: "fr" | "ar") {
  return { tag: `@journey-${lang}` };
}

/** Nothing wider than the 375 px phone: no sideways scrolling. */
export async function fitsThePhone(page: Page) {
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(375);
}

/** The e2e database's address, which tests/e2e/server.ts writes (mode 600) once it is seeded. */
export function e2eDatabaseUrl(): string {
  const file = runFile("database", port);
  return (JSON.parse(fs.readFileSync(file, "utf8")) as { url: string }).url;
}

/**
 * A write straight into the e2e database, for what no page writes (a record only its
 * owner writes, a past payment): each spec says why it needs one.
 */
export async function inDatabase<T>(write: (db: ReturnType<typeof createDb>["db"]) => Promise<T>): Promise<T> {
  const handle = createDb(e2eDatabaseUrl(), { max: 1 });
  try {
    return await write(handle.db);
  } finally {
    await handle.close();
  }
}

/**
 * A new open case file of the demo case worker's association (caseworker@masar.test),
 * with consent to services, for a spec that changes one: the seeded files stay as they are.
 */
export function freshCase(values: Omit<Parameters<typeof makeCase>[1], "organisationId" | "createdById">) {
  return inDatabase(async (db) => {
    const [worker] = await db.select().from(users).where(eq(users.email, "caseworker@masar.test"));
    return makeCase(db, { organisationId: worker!.organisationId!, createdById: worker!.id, ...values });
  });
}

/**
 * A new coach following a new person named `name` (made unique), written straight into the
 * database; `prepare` gives the person what the spec needs and no page can make today (a
 * training that ended months ago, a grant paid months ago).
 */
export function newCoachFollowing(
  name: string,
  prepare: (db: ReturnType<typeof createDb>["db"], personId: string) => Promise<unknown>,
) {
  const tag = Math.random().toString(36).slice(2, 8);
  return inDatabase(async (db) => {
    const coach = await makeUser(db, { role: "coach", displayName: `Coach ${tag}` });
    const person = await makeUser(db, { displayName: `${name} ${tag}` });
    await db.insert(coachAssignments).values({ coachId: coach.id, beneficiaryId: person.id });
    await prepare(db, person.id);
    return { coach, person };
  });
}

/** The seeded records' ids (case files, plans, calls…) that the access matrix's paths need, written by tests/e2e/server.ts. */
export function e2eFixture(): Fixture {
  return JSON.parse(fs.readFileSync(runFile("fixture", port), "utf8")) as Fixture;
}

/** Every path the access matrix lets `who` open (a 200), pages and documents, once each. */
export function pathsFor(who: Who, f: Fixture): string[] {
  return [...new Set(ACCESS_MATRIX.filter((e) => e.expect[who] === 200).map((e) => e.path(f)))];
}

/** snake_case words and dotted message keys: one definition, shared with the integration tests. */
export { CODE } from "../helpers/untranslated";

/** Access-matrix paths that are documents or data answers, not pages a person looks at. */
export const NOT_A_PAGE = /\.(pdf|json|csv)(\?|$)|^\/locales\/|^\/healthz|\/attachments\/|\/export\.csv/;

/**
 * Sign in as a demo user without the form: a real session row made by the app's own
 * `createSession` (same token hashing, same expiry rules for the role), handed to the
 * browser as the cookie the sign-in action would set. The form costs an argon2 check
 * and several page loads per test; only the tests of sign-in itself need it
 * (`loginWithForm`). Ends on the home page, as the form does.
 */
export async function login(page: Page, identifier: string) {
  const parsed = parseIdentifier(identifier);
  if (!parsed) throw new Error(`not an e-mail, a phone number or a slip's identifier: ${identifier}`);
  const handle = createDb(e2eDatabaseUrl(), { max: 1 });
  let session: { token: string; expiresAt: Date };
  // a partner shop's home is its redeem page
  let home = /\/home$/;
  try {
    const [user] = await handle.db
      .select({ id: users.id, role: users.role, isActive: users.isActive })
      .from(users)
      .where(byIdentifier(parsed));
    if (!user?.isActive) throw new Error(`no active user ${identifier} in the e2e database`);
    session = await createSession(handle.db, user);
    if (user.role === "vendor") home = /\/shop$/;
  } finally {
    await handle.close();
  }
  const baseURL = new URL(base.info().project.use.baseURL ?? `http://127.0.0.1:${port}`);
  await page.context().addCookies([
    {
      name: sessionCookieName(baseURL.protocol === "https:"),
      value: session.token,
      domain: baseURL.hostname,
      path: "/",
      httpOnly: true,
      sameSite: "Lax",
      secure: baseURL.protocol === "https:",
      expires: Math.floor(session.expiresAt.getTime() / 1000),
    },
  ]);
  await page.goto("/home");
  await expect(page).toHaveURL(home);
}

/** Sign in through the real form, as a person would: for the tests of sign-in itself. */
export async function loginWithForm(page: Page, identifier: string, password = DEMO_PASSWORD) {
  await page.goto("/login");
  await page.locator('input[name="identifier"]').fill(identifier);
  await page.locator('input[name="password"]').fill(password);
  await page.locator('form.stack button[type="submit"]').click();
  await expect(page).toHaveURL(/\/home$/);
}

/** Opens the header's menu (a disclosure on a phone-sized screen) when it is closed. */
export async function openMenu(page: Page) {
  // every page's header has the menu: wait for it, or a page still loading reads as "no menu"
  await page.locator(".nav-menu").waitFor({ state: "attached" });
  const summary = page.locator(".nav-menu > summary");
  if ((await summary.isVisible()) && (await page.locator(".nav-menu[open]").count()) === 0) await summary.click();
}

export async function logout(page: Page) {
  // opened, then tapped: again if the menu was read before the page had finished loading;
  // a tap whose wait ran out may still have signed out (a loaded machine): then the sign-in
  // page is there, with no menu to open
  await expect(async () => {
    if (new URL(page.url()).pathname === "/login") return;
    await openMenu(page);
    await page.locator('form[action="/logout"] button').click({ timeout: 5_000 });
  }).toPass({ timeout: 30_000 });
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

/**
 * After the sign-up form: the code page, the code the SMS brought to `phone` typed in,
 * and the new account's home (the account exists only once the code came back).
 */
export async function finishSignUp(page: Page, phone: string) {
  await expect(page).toHaveURL(/\/signup\/code$/);
  const code = await codeSentTo(normalizePhone(phone) ?? phone);
  await page.locator('input[name="code"]').fill(code);
  await page.locator('form.stack button[type="submit"]').click();
  await expect(page).toHaveURL(/\/home$/);
}
