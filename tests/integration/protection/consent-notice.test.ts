/**
 * Issue 13: a case worker opens the consent notice she must read to the person from the
 * registration form, in the person's language whatever the page's, to show or print.
 */
import { describe, expect, it } from "vitest";
import { useTwoAssociations } from "./setup";

const { s, app } = useTwoAssociations();

describe("the consent notice", () => {
  it("is linked from the registration form in the three languages, each opening beside the form", async () => {
    const form = await (await s.clients.workerA.get("/protection/cases/new")).text();
    const links = form.match(/data-testid="consent-notice-links"[^]*?<\/p>/)?.[0] ?? "";
    for (const lang of ["fr", "ar", "en"]) {
      expect(links).toMatch(new RegExp(`href="/consent-notice\\?lang=${lang}" lang="${lang}"[^>]*target="_blank"`));
    }
  });

  it("reads in the language asked for, right to left in Arabic, whatever the reader's page language", async () => {
    const ar = await (await s.clients.workerA.get("/consent-notice?lang=ar")).text();
    expect(ar).toMatch(/<article[^>]*lang="ar" dir="rtl"[^>]*data-testid="consent-notice"/);
    expect(ar).toContain("إشعار الموافقة");
    expect(ar).toContain("protection-2026-12");
    // the frame stays in the reader's language (French here)
    expect(ar).toContain('<html lang="fr" dir="ltr"');
    const en = await (await app.client().get("/consent-notice?lang=en")).text();
    expect(en).toMatch(/<article[^>]*lang="en" dir="ltr"/);
    expect(en).toContain("Consent notice: what the association records about you");
    const fr = await (await app.client().get("/consent-notice")).text();
    expect(fr).toContain("Notice de consentement");
    // an unknown language is a clear 400, not a 500
    expect((await app.client().get("/consent-notice?lang=xx")).status).toBe(400);
  });
});
