/**
 * A page that says an earlier act was done (`?done=corrected`, read from its address after
 * the redirect) never says so above a refused one (decision 0163, `DoneNote`): a refused form
 * posts to the same address, note and all, and comes back with its errors and no note.
 * Each page is read once with the note, to show that it would be there.
 */
import { beforeAll, describe, expect, it } from "vitest";
import { makeUser } from "../factories";
import { makeCall } from "../factories/grants";
import { makeHostOffer } from "../factories/internships";
import { findOrMakeItem } from "../factories/protection";
import { makePlan } from "../factories/business-plans";
import { codeFlags } from "../../db/schema";
import { useTestApp, type TestClient } from "./helpers/app";
import { useTestDb } from "./helpers/test-db";

const t = useTestDb();
const app = useTestApp(t);

let admin: TestClient;
let hostId: string;
let callId: string;
let itemId: string;
let flagId: string;

beforeAll(async () => {
  const user = await makeUser(t.db, { role: "admin" });
  admin = await app.signedIn(user.email ?? "");
  hostId = (await makeHostOffer(t.db)).host.id;
  callId = (await makeCall(t.db, { status: "draft" })).id;
  itemId = (await findOrMakeItem(t.db, "food_kit", "Sac de riz (notes)")).id;
  const plan = await makePlan(t.db, user.id);
  const [flag] = await t.db
    .insert(codeFlags)
    .values({ record: "plan", recordId: plan.id, field: "city", original: "Douar Lahcen" })
    .returning();
  flagId = flag!.id;
});

describe("a success note from the address is never shown above a refusal", () => {
  const pages = () =>
    [
      // page, its note in French, a refused post (each page's own form, wrong)
      [`/internships/hosts/${hostId}`, "Correction enregistrée.", { name: "", city: "nowhere" }],
      [`/admin/aid-items?item=${itemId}&`, "Article corrigé.", { itemId, nameFr: "", kind: "food_kit" }],
      [`/grants/calls/${callId}`, "L'appel est corrigé.", { intent: "award" }],
      ["/admin/budget", "Saisie corrigée.", { intent: "entry", amount: "beaucoup" }],
      ["/admin/codes?saved=1&", "Valeur enregistrée.", { flagId, field: "city", city: "Douar Lahcen" }],
    ] as const;

  it("shows the note after the redirect, and none on the refused page at the same address", async () => {
    for (const [path, note, refused] of pages()) {
      const done = `${path}${path.endsWith("&") ? "" : "?"}done=corrected`;
      const shown = await admin.get(done);
      expect(shown.status, path).toBe(200);
      expect(await shown.text(), path).toContain(note.replace(/'/g, "&#x27;"));
      const answer = await admin.post(done, refused);
      expect(answer.status, path).toBe(400);
      const html = await answer.text();
      // the page itself, saying what is wrong
      expect(html, path).toMatch(/role="alert"|aria-invalid="true"/);
      expect(html, path).not.toContain(note.replace(/'/g, "&#x27;"));
      expect(html, path).not.toContain('class="alert alert-success"');
    }
  });
});
