import { expect as baseExpect, type Browser, type BrowserContext, type Page, type TestInfo } from "@playwright/test";
import postgres from "postgres";
import { arabicSkeleton, readPdfText } from "../helpers/pdf";
import { e2eDatabaseUrl, login, switchLanguage, journey, test } from "./fixtures";

/** A call moves on through its confirmation step (one-way moves are never one tap). */
async function moveCall(page: Page, label: string) {
  await page.getByRole("link", { name: label }).click();
  await page.getByRole("button", { name: label }).click();
}

/**
 * Grants on a phone, with and without JavaScript (each project of the config), in
 * French and in Arabic: a whole call walked through the real pages, from the admin
 * opening it to the applicant downloading the award letter; a committee member
 * reading a plan blind; the admin reading both rankings of the demo call.
 */
// The walk posts form after form while the other project's walk renders PDFs on the same
// server, on a shared two-core machine: each wait may last up to 15 s. A bound on waiting,
// not an assertion about speed.
const expect = baseExpect.configure({ timeout: 15_000 });

const TEXT = {
  fr: {
    create: "Créer l'appel (brouillon)",
    open: "Ouvrir l'appel",
    close: "Clôturer l'appel",
    review: "Lancer l'évaluation",
    deliberate: "Passer en délibération",
    publish: "Publier les décisions",
    statusOpen: "Ouvert",
    statusClosed: "Clôturé",
    statusReview: "En évaluation",
    statusDeliberation: "En délibération",
    statusDecided: "Décidé",
    openCalls: "Appels ouverts",
    apply: "Continuer",
    send: "Envoyer ma candidature",
    appSubmitted: "Déposée",
    appEligible: "Éligible",
    appAwarded: "Subvention accordée",
    appRejected: "Non retenue",
    confirm: "Confirmer",
    autoAssign: "Affecter automatiquement",
    saveDraft: "Enregistrer le brouillon",
    draft: "Brouillon",
    submitScores: "Soumettre mes notes",
    saved: "Enregistré.",
    blind: "Évaluation à l'aveugle",
    accept: "Accepter la proposition",
    letter: "Télécharger la lettre (PDF)",
    letterTitle: "Lettre d'attribution de subvention",
    ranking: "Classement normalisé",
  },
  ar: {
    create: "إنشاء الطلب (مسودة)",
    open: "فتح الطلب",
    close: "إغلاق الطلب",
    review: "بدء التقييم",
    deliberate: "الانتقال إلى المداولة",
    publish: "نشر القرارات",
    statusOpen: "مفتوح",
    statusClosed: "مغلق",
    statusReview: "قيد التقييم",
    statusDeliberation: "قيد المداولة",
    statusDecided: "تم البت",
    openCalls: "الطلبات المفتوحة",
    apply: "متابعة",
    send: "إرسال ترشيحي",
    appSubmitted: "مودع",
    appEligible: "مؤهل",
    appAwarded: "تم منح الدعم",
    appRejected: "لم يقبل",
    confirm: "تأكيد",
    autoAssign: "التوزيع التلقائي",
    saveDraft: "حفظ المسودة",
    draft: "مسودة",
    submitScores: "تقديم نقطي",
    saved: "تم الحفظ.",
    blind: "تقييم مجهول الهوية",
    accept: "قبول المقترح",
    letter: "تحميل الرسالة (PDF)",
    letterTitle: "رسالة منح الدعم",
    ranking: "الترتيب المعدل",
  },
} as const;
type Lang = keyof typeof TEXT;

/**
 * Demo applicants with a complete business plan (db/seed/business-plans.ts). The letter
 * is written in the language stored on the account, which the header's switch sets, and
 * the two projects run at the same time: so the applicant who wins is another person in
 * each project, and only the runner-up (whose letter nobody reads) is shared.
 */
const WINNER: Record<string, { phone: string; name: string }> = {
  "phone-js": { phone: "+212600000002", name: "Mamadou Camara" },
  "phone-no-js": { phone: "+212600000003", name: "Chioma Okafor" },
};
const RUNNER_UP = { phone: "+212600000004", name: "Moussa Traoré" };
// each plan asks for 30 000 MAD: capped at the maximum grant, the first fits the budget
// and the second no longer does
const BUDGET = "30000";
const MAX_GRANT = "18500";
const AMOUNT = /18\D?500,00/;
const AMOUNT_IN_PDF = "18.500,00";

async function noOverflow(page: Page) {
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  expect(overflow).toBeLessThanOrEqual(0);
}

function isoDay(offsetDays: number): string {
  return new Date(Date.now() + offsetDays * 86400000).toISOString().slice(0, 10);
}

/**
 * Time passes. A call closes only once its closing date has passed by the server clock,
 * and reviews lock at the review deadline; neither can happen during a run, and the
 * production code has, rightly, no fake clock. So, as the integration tests do, the
 * spec moves the call's calendar into the past directly in the e2e database (whose
 * address the e2e server writes next to the demo fixture): all three dates move back
 * together, just far enough for `moment` to be a minute ago. This is the only write of
 * the walk that does not go through the pages.
 */
async function timePasses(callId: string, moment: "closes_at" | "review_deadline") {
  const sql = postgres(e2eDatabaseUrl(), { max: 1, onnotice: () => {} });
  try {
    const moved = await sql`
      update grant_calls c set
        opens_at = c.opens_at - s.shift,
        closes_at = c.closes_at - s.shift,
        review_deadline = c.review_deadline - s.shift
      from (select id, ${sql(moment)} - now() + interval '1 minute' as shift from grant_calls where id = ${callId}) s
      where c.id = s.id
      returning c.id`;
    expect(moved).toHaveLength(1);
  } finally {
    await sql.end();
  }
}

/** Another person on another phone: their own browser context, signed in, in `lang`. */
async function personOnPhone(
  browser: Browser,
  testInfo: TestInfo,
  identifier: string,
  lang: Lang,
  contexts: BrowserContext[],
) {
  const context = await browser.newContext({
    viewport: { width: 375, height: 740 },
    javaScriptEnabled: testInfo.project.use.javaScriptEnabled !== false,
  });
  contexts.push(context);
  const page = await context.newPage();
  await login(page, identifier);
  await switchLanguage(page, lang);
  return page;
}

/** An applicant applies to the call with their complete plan; returns the application's id and heading. */
async function apply(page: Page, callTitle: string, L: (typeof TEXT)[Lang]) {
  await page.goto("/grants");
  await expect(page.getByRole("heading", { name: L.openCalls })).toBeVisible();
  const call = page.locator(".list-item", { has: page.getByRole("heading", { name: callTitle, exact: true }) });
  await call.getByRole("button", { name: L.apply }).click();
  // "check your answers", then send
  await expect(page.getByTestId("confirm-step")).toContainText(callTitle);
  await page.getByRole("button", { name: L.send }).click();
  await expect(page).toHaveURL(/\/grants\/applications\/[0-9a-f-]{36}\?sent=1$/);
  await expect(page.getByTestId("sent")).toBeVisible();
  await expect(page.getByTestId("application-status")).toHaveText(L.appSubmitted);
  await noOverflow(page);
  const id = new URL(page.url()).pathname.split("/").pop()!;
  // "Candidature n° 12": the same words name it in a reviewer's list
  const heading = (await page.locator("h1").textContent())!.trim();
  return { id, heading };
}

/** A committee member scores every criterion of one application of the call, then submits. */
async function score(
  page: Page,
  callTitle: string,
  heading: string,
  points: (max: number) => number,
  L: (typeof TEXT)[Lang],
) {
  await page.goto("/grants/reviews");
  await page.locator(".list-item", { hasText: callTitle }).getByRole("link", { name: heading, exact: true }).click();
  await expect(page).toHaveURL(/\/grants\/reviews\/[0-9a-f-]{36}$/);
  await expect(page.getByText(L.blind).first()).toBeVisible();
  // blind review: neither applicant's name reaches the reviewer
  const body = await page.content();
  for (const name of [...Object.values(WINNER).map((w) => w.name), RUNNER_UP.name]) expect(body).not.toContain(name);
  const inputs = page.locator('input[name^="score_"]');
  await expect(inputs).toHaveCount(2);
  for (const input of await inputs.all()) await input.fill(String(points(Number(await input.getAttribute("max")))));
  await page.getByRole("button", { name: L.submitScores }).click();
  await expect(page.getByText(L.saved)).toBeVisible();
  await noOverflow(page);
  return page.url().split("?")[0]!;
}

for (const lang of ["fr", "ar"] as const) {
  const L = TEXT[lang];

  test(
    `${lang}: a call from opening to the award letter: two applicants apply, two members score, the admin decides`,
    journey(lang),
    async ({ page, browser }, testInfo) => {
      // a dozen people's pages, each a full page load without JavaScript
      test.slow();
      const winner = WINNER[testInfo.project.name];
      if (!winner) throw new Error(`no winner for project ${testInfo.project.name}`);
      const stamp = `${lang} ${testInfo.project.name} ${Date.now()}`;
      const titleFr = `Appel e2e ${stamp}`;
      const titleAr = `طلب ${titleFr}`;
      const title = lang === "ar" ? titleAr : titleFr;
      const contexts: BrowserContext[] = [];
      try {
        // the admin creates the call and opens it
        await login(page, "admin@masar.test");
        await switchLanguage(page, lang);
        await page.goto("/grants/calls/new");
        await page.locator('input[name="titleFr"]').fill(titleFr);
        await page.locator('input[name="titleAr"]').fill(titleAr);
        await page.locator('input[name="titleEn"]').fill(`Call ${stamp}`);
        await page.locator('input[name="opensOn"]').fill(isoDay(-1));
        await page.locator('input[name="closesOn"]').fill(isoDay(20));
        await page.locator('input[name="reviewDeadlineOn"]').fill(isoDay(40));
        await page.locator('input[name="budget"]').fill(BUDGET);
        await page.locator('input[name="maxGrant"]').fill(MAX_GRANT);
        await page.locator('input[name="reviewersPerApplication"]').fill("2");
        await page.locator('input[name="criteria[0].labelFr"]').fill("Marché");
        await page.locator('input[name="criteria[0].labelAr"]').fill("السوق");
        await page.locator('input[name="criteria[0].max"]').fill("10");
        await page.locator('input[name="criteria[0].weight"]').fill("60");
        await page.locator('input[name="criteria[1].labelFr"]').fill("Finances");
        await page.locator('input[name="criteria[1].labelAr"]').fill("المالية");
        await page.locator('input[name="criteria[1].max"]').fill("5");
        await page.locator('input[name="criteria[1].weight"]').fill("40");
        await page.getByRole("button", { name: L.create }).click();
        await expect(page).toHaveURL(/\/grants\/calls\/[0-9a-f-]{36}$/);
        const callUrl = page.url();
        const callId = new URL(callUrl).pathname.split("/").pop()!;
        await moveCall(page, L.open);
        await expect(page.getByTestId("call-status")).toHaveText(L.statusOpen);
        await noOverflow(page);

        // two applicants apply, each on their phone
        const first = await personOnPhone(browser, testInfo, winner.phone, lang, contexts);
        if (lang === "ar") await expect(first.locator("html")).toHaveAttribute("dir", "rtl");
        const won = await apply(first, title, L);
        const second = await personOnPhone(browser, testInfo, RUNNER_UP.phone, lang, contexts);
        const lost = await apply(second, title, L);

        // time passes: the closing date; the admin closes the call, screens, starts the review
        await timePasses(callId, "closes_at");
        await page.goto(callUrl);
        await moveCall(page, L.close);
        await expect(page.getByTestId("call-status")).toHaveText(L.statusClosed);
        for (const app of [won, lost]) {
          const screen = page.locator(
            `form:has(input[name="intent"][value="screen"]):has(input[name="applicationId"][value="${app.id}"])`,
          );
          await screen.locator('input[name="reason"]').fill("Plan complet, pièces vérifiées.");
          await screen.getByRole("button", { name: L.confirm }).click();
          // "N° 12 · name · Éligible · 30 000,00 MAD"
          await expect(page.locator("li.list-item", { has: screen }).locator("p").first()).toContainText(
            ` · ${L.appEligible} · `,
          );
        }
        await moveCall(page, L.review);
        await expect(page.getByTestId("call-status")).toHaveText(L.statusReview);
        await page.getByRole("button", { name: L.autoAssign }).click();
        // two applications, two reviewers each: both demo committee members on both
        await expect(page.locator('form:has(input[name="intent"][value="move"])')).toHaveCount(4);
        await noOverflow(page);

        // two committee members score: the winner's plan well, the runner-up's poorly
        const members = [
          await personOnPhone(browser, testInfo, "committee@masar.test", lang, contexts),
          await personOnPhone(browser, testInfo, "committee2@masar.test", lang, contexts),
        ];
        let reviewUrl = "";
        for (const member of members) {
          reviewUrl = await score(member, title, won.heading, (max) => max, L);
          await score(member, title, lost.heading, () => 1, L);
        }
        await page.goto(callUrl);
        // the winner ranks first (the second cell is the application's number)
        await expect(page.getByTestId("ranking").locator("tbody tr").first().locator("td").nth(1)).toHaveText(
          won.heading.replace(/\D/g, ""),
        );

        // time passes: the review deadline; scores can no longer change
        await timePasses(callId, "review_deadline");
        const lastMember = members[1]!;
        await lastMember.goto(reviewUrl);
        await expect(lastMember.locator('input[name^="score_"]').first()).toBeDisabled();
        await expect(lastMember.getByRole("button", { name: L.submitScores })).toHaveCount(0);

        // the admin deliberates, accepts the proposal and publishes
        await page.goto(callUrl);
        await moveCall(page, L.deliberate);
        await expect(page.getByTestId("call-status")).toHaveText(L.statusDeliberation);
        // one line for the capped award, one for the application that no longer fits
        await expect(page.getByTestId("proposal").locator("li")).toHaveCount(2);
        // accepting the proposal goes through its step, which lists the award
        await page.getByRole("link", { name: L.accept }).click();
        await expect(page.getByTestId("accept-lines").locator("li")).toHaveCount(1);
        await expect(page.getByTestId("accept-lines")).toContainText(AMOUNT);
        await noOverflow(page);
        await page.getByRole("button", { name: L.accept }).click();
        await expect(page.getByTestId("call-awarded")).toHaveText(AMOUNT);
        await moveCall(page, L.publish);
        await expect(page.getByTestId("call-status")).toHaveText(L.statusDecided);
        await noOverflow(page);

        // the runner-up reads the decision; the winner downloads the award letter
        await second.goto(`/grants/applications/${lost.id}`);
        await expect(second.getByTestId("application-status")).toHaveText(L.appRejected);
        await first.goto(`/grants/applications/${won.id}`);
        await expect(first.getByTestId("application-status")).toHaveText(L.appAwarded);
        const awardLine = first.locator("section p", { hasText: AMOUNT });
        await expect(awardLine).toBeVisible();
        const reference = (await awardLine.textContent())!.split("·")[0]!.trim();
        expect(reference).toMatch(/\S/);
        await noOverflow(first);
        const [download] = await Promise.all([
          first.waitForEvent("download"),
          first.getByRole("link", { name: L.letter }).click(),
        ]);
        expect(download.suggestedFilename()).toMatch(/\.pdf$/);
        const bytes = await (await download.createReadStream()).toArray().then((chunks) => Buffer.concat(chunks));
        expect(bytes.subarray(0, 5).toString()).toBe("%PDF-");
        const text = readPdfText(bytes);
        expect(arabicSkeleton(text)).toContain(arabicSkeleton(L.letterTitle));
        expect(text).toContain(AMOUNT_IN_PDF);
        expect(text).toContain(reference);
      } finally {
        for (const context of contexts) await context.close();
      }
    },
  );

  test(`${lang}: a committee member reads a plan blind and saves a draft`, journey(lang), async ({ page }) => {
    await login(page, "committee@masar.test");
    if (lang !== "fr") await switchLanguage(page, lang);
    await page.goto("/grants/reviews");
    // the demo call under review (the walk above adds calls whose deadline comes first),
    // a review not submitted yet: a submitted one is final
    await page
      .locator(".list-item", { hasText: lang === "ar" ? "الطلب التجريبي 2026" : "Appel pilote 2026" })
      .filter({ hasText: L.draft })
      .locator("a")
      .first()
      .click();
    await expect(page).toHaveURL(/\/grants\/reviews\/[0-9a-f-]{36}$/);
    await expect(page.getByText(L.blind).first()).toBeVisible();
    await noOverflow(page);
    // the demo applicants' names never show on a reviewer's page
    const body = await page.content();
    for (const name of ["Aminata Diallo", "Mamadou Camara", "Chioma Okafor"]) expect(body).not.toContain(name);
    await page.getByRole("button", { name: L.saveDraft }).click();
    await expect(page.getByText(L.saved)).toBeVisible();
    await noOverflow(page);
  });

  test(`${lang}: an admin reads both rankings of the call in review`, journey(lang), async ({ page }) => {
    await login(page, "admin@masar.test");
    if (lang !== "fr") await switchLanguage(page, lang);
    await page.goto("/grants/calls");
    await page
      .locator(".list-item a", { hasText: lang === "ar" ? "الطلب التجريبي 2026" : "Appel pilote 2026" })
      .click();
    await expect(page.getByTestId("ranking").locator("tbody tr")).not.toHaveCount(0);
    await expect(page.getByRole("heading", { name: L.ranking })).toBeVisible();
    await expect(page.getByTestId("ranking-normalised").locator("tbody tr")).not.toHaveCount(0);
    await noOverflow(page);
  });
}
