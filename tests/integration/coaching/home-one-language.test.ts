/**
 * The applicant's home sends her trainings' titles in the page's language only (issue 19:
 * loader data goes to the browser whole, `applicantPanelShown`): the page in French carries
 * no Arabic or English title, in Arabic no French or English one, and shows the same.
 */
import { describe, expect, it } from "vitest";
import { addDays, moroccoToday } from "../../../app/lib/morocco-time";
import { makeUser } from "../../factories";
import { makeCertificate } from "../../factories/trainings";
import { useTestApp } from "../helpers/app";
import { useTestDb } from "../helpers/test-db";

const t = useTestDb();
const app = useTestApp(t);

describe("the applicant's home", () => {
  it("carries her trainings' titles in the page's language only", async () => {
    const person = await makeUser(t.db, { role: "applicant" });
    const { cohort } = await makeCertificate(t.db, person.id, addDays(moroccoToday(), -10));
    const [training] = await t.db.query.trainings.findMany({ where: (tr, { eq }) => eq(tr.id, cohort.trainingId) });
    const titles = { fr: training!.titleFr, ar: training!.titleAr!, en: training!.titleEn! };

    for (const [locale, others] of [
      ["fr", [titles.ar, titles.en]],
      ["ar", [titles.fr, titles.en]],
      ["en", [titles.fr, titles.ar]],
    ] as const) {
      const client = await app.signedIn(person.email!, { "Accept-Language": locale });
      const res = await client.get("/home");
      expect(res.status).toBe(200);
      const page = await res.text();
      expect(page).toContain(`lang="${locale}"`);
      // in the trainings card, the certificates card and the loader data: this language's only
      expect(page).toContain(titles[locale]);
      for (const other of others) expect(page).not.toContain(other);
    }
  });
});
