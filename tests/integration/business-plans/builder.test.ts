import { execFileSync } from "node:child_process";
import { inflateSync } from "node:zlib";
import { and, count, eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { businessPlans, coachAssignments, planAttachments } from "../../../db/schema";
import { incompleteSteps, isPlanComplete } from "../../../app/modules/business-plans/rules";
import { rowValues } from "../../../app/lib/forms";
import { makeUser } from "../../factories";
import { completePlanContent, makePlan } from "../../factories/business-plans";
import { readPdfText } from "../../helpers/pdf";
import {
  CANARIES,
  PNG_PIXELS,
  decodePng,
  pdfWithMetadata,
  pdfWithPackedInfo,
  pngWithMetadata,
} from "../../fixtures/files-with-metadata";
import { useTestApp, type TestClient } from "../helpers/app";
import { useTestDb } from "../helpers/test-db";

const t = useTestDb();
const app = useTestApp(t);

type U = Awaited<ReturnType<typeof makeUser>>;
let owner: U, other: U, coach: U, otherCoach: U, admin: U;
let asOwner: TestClient, asOther: TestClient, asCoach: TestClient, asOtherCoach: TestClient, asAdmin: TestClient;

async function plan(id: string) {
  const [row] = await t.db.select().from(businessPlans).where(eq(businessPlans.id, id));
  if (!row) throw new Error("no plan");
  return row;
}

beforeAll(async () => {
  owner = await makeUser(t.db, { role: "applicant", locale: "ar" });
  other = await makeUser(t.db, { role: "applicant" });
  coach = await makeUser(t.db, { role: "coach" });
  otherCoach = await makeUser(t.db, { role: "coach" });
  admin = await makeUser(t.db, { role: "admin" });
  await t.db.insert(coachAssignments).values({ coachId: coach.id, beneficiaryId: owner.id });
  asOwner = await app.signedIn(owner.email!);
  asOther = await app.signedIn(other.email!);
  asCoach = await app.signedIn(coach.email!);
  asOtherCoach = await app.signedIn(otherCoach.email!);
  asAdmin = await app.signedIn(admin.email!);
});

/** Twelve months of the forecast, the same figures each month. */
const months = (fields: Record<string, string>) =>
  rowValues(
    "months",
    Array.from({ length: 12 }, () => fields),
  );
const costs = (...rows: [string, string, string][]) =>
  rowValues(
    "costs",
    rows.map(([item, quantity, unitPrice]) => ({ item, quantity, unitPrice })),
  );
const funding = (...rows: [string, string, string][]) =>
  rowValues(
    "funding",
    rows.map(([kind, label, amount]) => ({ kind, label, amount })),
  );
const years = (...rows: [string, string][]) =>
  rowValues(
    "years",
    rows.map(([revenue, c]) => ({ revenue, costs: c })),
  );

describe("writing a plan step by step without JavaScript", () => {
  let planId: string;

  it("creates a draft and goes to the first step", async () => {
    const res = await asOwner.post("/plans", {});
    expect(res.status).toBe(302);
    const location = res.headers.get("Location") ?? "";
    expect(location).toMatch(/^\/plans\/[0-9a-f-]{36}\/summary$/);
    planId = location.split("/")[2] ?? "";
    expect((await plan(planId)).ownerId).toBe(owner.id);
  });

  it("saves a half-filled step, and moves on", async () => {
    const res = await asOwner.post(`/plans/${planId}/summary`, {
      intent: "next",
      projectName: "Couture Amal",
      sector: "textile",
    });
    expect(res.status).toBe(302);
    expect(res.headers.get("Location")).toBe(`/plans/${planId}/promoters`);
    const saved = await plan(planId);
    expect(saved.summary).toEqual({ projectName: "Couture Amal", sector: "textile" });
    const page = await (await asOwner.get(`/plans/${planId}/summary`)).text();
    expect(page).toContain('data-missing="city pitch"');
  });

  it("refuses a sector that is not in the list, with a translated error, and changes nothing", async () => {
    const res = await asOwner.post(`/plans/${planId}/summary`, { projectName: "Autre nom", sector: "casino" });
    expect(res.status).toBe(400);
    expect(await res.text()).toContain("Choisissez un secteur de la liste.");
    expect((await plan(planId)).summary.projectName).toBe("Couture Amal");
  });

  it("adds a cost row by posting back, keeping what was typed and saving it", async () => {
    const res = await asOwner.post(`/plans/${planId}/financial`, {
      intent: "add-cost",
      ...costs(["Machine à coudre", "2", "1 500,50"]),
      ...funding(["own", "", ""]),
    });
    expect(res.status).toBe(200);
    const html = await res.text();
    expect(html.match(/name="costs\[\d\]\.item"/g)).toHaveLength(2);
    expect(html).toContain('value="Machine à coudre"');
    expect((await plan(planId)).financial.startupCosts).toEqual([
      { item: "Machine à coudre", quantity: 2, unitPriceCentimes: 150_050 },
    ]);
  });

  it("removes a cost row by posting back, and offers to put it back where it was", async () => {
    const res = await asOwner.post(`/plans/${planId}/financial`, {
      intent: "remove-cost:0",
      ...costs(["Machine à coudre", "2", "1500.50"], ["Tissu", "10", "30"]),
      ...funding(["own", "", ""]),
    });
    expect(res.status).toBe(200);
    expect((await plan(planId)).financial.startupCosts).toEqual([
      { item: "Tissu", quantity: 10, unitPriceCentimes: 3000 },
    ]);
    const html = await res.text();
    expect(html).toContain("Machine à coudre");
    expect(html).toContain('data-removed="costs:0"');

    // the undo button posts the line back with the rest of the form
    const undo = await asOwner.post(`/plans/${planId}/financial`, {
      intent: "undo-remove",
      ...costs(["Tissu", "10", "30"]),
      ...funding(["own", "", ""]),
      "undo.list": "costs",
      "undo.index": "0",
      "undo.row.item": "Machine à coudre",
      "undo.row.quantity": "2",
      "undo.row.unitPrice": "1500.50",
    });
    expect(undo.status).toBe(200);
    expect((await plan(planId)).financial.startupCosts).toEqual([
      { item: "Machine à coudre", quantity: 2, unitPriceCentimes: 150_050 },
      { item: "Tissu", quantity: 10, unitPriceCentimes: 3000 },
    ]);
    expect(await undo.text()).not.toContain("data-removed");

    // a blank line goes without a word
    const blank = await asOwner.post(`/plans/${planId}/financial`, {
      intent: "remove-cost:2",
      ...costs(["Machine à coudre", "2", "1500.50"], ["Tissu", "10", "30"], ["", "", ""]),
    });
    expect(blank.status).toBe(200);
    expect(await blank.text()).not.toContain("data-removed");
    await asOwner.post(`/plans/${planId}/financial`, {
      intent: "remove-cost:0",
      ...costs(["Machine à coudre", "2", "1500.50"], ["Tissu", "10", "30"]),
    });
  });

  it("refuses an amount that is not one, and keeps the plan as it was", async () => {
    const res = await asOwner.post(`/plans/${planId}/financial`, {
      intent: "save",
      ...costs(["Tissu", "10", "trente"]),
      ...months({ revenue: "4000", costOfSales: "quatre" }),
    });
    expect(res.status).toBe(400);
    const html = await res.text();
    expect(html).toContain("Montant non valide");
    // every value typed comes back, the good ones and the bad
    expect(html).toContain('value="trente"');
    expect(html).toContain('value="quatre"');
    expect(html.match(/value="4000"/g)).toHaveLength(12);
    expect((await plan(planId)).financial.startupCosts).toEqual([
      { item: "Tissu", quantity: 10, unitPriceCentimes: 3000 },
    ]);
  });

  it("completes every step through the forms, and the plan becomes complete", async () => {
    const steps: [string, Record<string, string | string[]>][] = [
      [
        "summary",
        {
          projectName: "Couture Amal",
          sector: "textile",
          city: "rabat",
          pitch: "Retouches et vêtements sur mesure pour le quartier.",
        },
      ],
      ["promoters", { experience: "Huit ans de couture.", skills: "Coupe, couture.", team: "" }],
      ["product", { description: "Retouches et confection.", difference: "Livré en 24 heures." }],
      [
        "market",
        {
          customers: "Familles",
          marketSize: "Grand quartier",
          marketSizeFigure: "2000 foyers",
          ...rowValues("competitors", [
            { name: "Atelier voisin", price: "50" },
            { name: "", price: "" },
          ]),
          price: "45",
          salesPlaces: "Boutique",
        },
      ],
      ["marketing", { strategy: "Bouche à oreille", channels: "WhatsApp" }],
      [
        "operations",
        { premises: "Local 15 m²", equipment: "Deux machines", suppliers: "Marché de tissus", staff: "Moi" },
      ],
      ["legal", { form: "auto_entrepreneur" }],
      [
        "financial",
        {
          ...costs(["Machine", "2", "1500"], ["Tissu", "10", "30"]),
          ...funding(["own", "", "300"], ["grant", "Masar", "3 000"]),
          ...months({ revenue: "4000", costOfSales: "1000", fixedCosts: "1500" }),
          ...years(["50000", "30000"], ["60000", "35000"]),
        },
      ],
      ["risks", { risks: "Panne de machine", mitigation: "Contrat d'entretien" }],
    ];
    for (const [step, fields] of steps) {
      const res = await asOwner.post(`/plans/${planId}/${step}`, { intent: "save", ...fields });
      expect(res.status, `${step}: ${res.status === 302 ? "" : await res.text()}`).toBe(302);
    }
    const saved = await plan(planId);
    expect(incompleteSteps(saved)).toEqual([]);
    expect(isPlanComplete(saved)).toBe(true);
    expect(saved.financial.funding?.find((f) => f.kind === "grant")?.amountCentimes).toBe(300_000);
    expect(await (await asOwner.get(`/plans/${planId}`)).text()).toContain("data-plan-complete");
  });

  it("is not complete when the funding misses the costs by one centime", async () => {
    const res = await asOwner.post(`/plans/${planId}/financial`, {
      intent: "save",
      ...costs(["Machine", "2", "1500"], ["Tissu", "10", "30"]),
      ...funding(["own", "", "300"], ["grant", "Masar", "2 999,99"]),
      ...months({ revenue: "4000" }),
      ...years(["50000", "30000"], ["60000", "35000"]),
    });
    expect(res.status).toBe(302);
    expect(isPlanComplete(await plan(planId))).toBe(false);
    const page = await (await asOwner.get(`/plans/${planId}/financial`)).text();
    expect(page).toContain('data-gap="1"');
  });

  it("renders the PDF in the owner's language, with the name, a total and Arabic", async () => {
    const res = await asOwner.get(`/plans/${planId}.pdf`);
    expect(res.status).toBe(200);
    expect(res.headers.get("Content-Type")).toBe("application/pdf");
    const text = readPdfText(Buffer.from(await res.arrayBuffer()));
    expect(text).toContain("Couture Amal");
    expect(text).toMatch(/3[.\s\u202f]?300,00/);
    expect(text).toContain("دراسة السوق");
    // the plan's town, a code, in the owner's language
    expect(text).toContain("الرباط");
  });
});

describe("who may see and change a plan", () => {
  let planId: string;
  beforeAll(async () => {
    planId = (await makePlan(t.db, owner.id, completePlanContent("Plan secret"))).id;
  });

  it("answers 404 to another applicant, another coach and an admin, for pages, PDF and saves", async () => {
    for (const client of [asOther, asOtherCoach, asAdmin]) {
      for (const path of [`/plans/${planId}`, `/plans/${planId}/summary`, `/plans/${planId}.pdf`]) {
        expect((await client.get(path)).status, path).toBe(404);
      }
    }
    const res = await asOther.post(`/plans/${planId}/summary`, { projectName: "Volé" });
    expect(res.status).toBe(404);
    expect((await plan(planId)).summary.projectName).toBe("Plan secret");
    expect((await asOther.get("/plans")).status).toBe(200);
    expect(await (await asOther.get("/plans")).text()).not.toContain("Plan secret");
  });

  it("lets the assigned coach read and comment, but not edit", async () => {
    expect((await asCoach.get(`/plans/${planId}/market`)).status).toBe(200);
    expect(await (await asCoach.get("/plans")).text()).toContain("Plan secret");
    const edit = await asCoach.post(`/plans/${planId}/summary`, { projectName: "Changé" });
    expect(edit.status).toBe(403);
    expect((await plan(planId)).summary.projectName).toBe("Plan secret");
    const comment = await asCoach.post(`/plans/${planId}/market`, {
      intent: "comment",
      body: "Précisez les prix des concurrents.",
    });
    expect(comment.status).toBe(302);
    const ownerView = await (await asOwner.get(`/plans/${planId}/market`)).text();
    expect(ownerView).toContain("Précisez les prix des concurrents.");
    expect(await (await asOwner.get(`/plans/${planId}/summary`)).text()).not.toContain(
      "Précisez les prix des concurrents.",
    );
  });

  it("refuses comments from a coach who does not follow the owner, and from the owner", async () => {
    expect((await asOtherCoach.post(`/plans/${planId}/market`, { intent: "comment", body: "Intrus" })).status).toBe(
      404,
    );
    expect((await asOwner.post(`/plans/${planId}/market`, { intent: "comment", body: "Moi" })).status).toBe(403);
  });

  it("stops the coach's access when the assignment ends", async () => {
    const ended = await makeUser(t.db, { role: "applicant" });
    const endedPlan = await makePlan(t.db, ended.id, completePlanContent("Ancien suivi"));
    await t.db.insert(coachAssignments).values({ coachId: coach.id, beneficiaryId: ended.id, endedAt: new Date() });
    expect((await asCoach.get(`/plans/${endedPlan.id}`)).status).toBe(404);
  });
});

// ---------- attachments ----------

function jpegWithGps(): Uint8Array {
  const seg = (marker: number, payload: number[]) => [
    0xff,
    marker,
    ((payload.length + 2) >> 8) & 0xff,
    (payload.length + 2) & 0xff,
    ...payload,
  ];
  const ascii = (s: string) => [...Buffer.from(s, "latin1")];
  return new Uint8Array([
    0xff,
    0xd8,
    ...seg(0xe0, ascii("JFIF\0\x01\x01\0\0\x01\0\x01\0\0")),
    ...seg(0xe1, ascii("Exif\0\0MM\0*GPSLatitude 33.9716 N GPSLongitude 6.8498 W")),
    ...seg(0xe1, ascii("http://ns.adobe.com/xap/1.0/\0<x:xmpmeta>Rabat</x:xmpmeta>")),
    ...seg(0xfe, ascii("Camera owner Aminata")),
    ...seg(0xdb, [0, ...Array.from({ length: 64 }, () => 1)]),
    ...seg(0xda, [1, 1, 0, 0, 63, 0]),
    0x12,
    0x34,
    0x56,
    0x78,
    0xff,
    0xd9,
  ]);
}

/** Every Flate stream of a PDF, inflated: a compressed canary is still a canary. */
function inflatedStreams(bytes: Buffer): string {
  const s = bytes.toString("latin1");
  return [...s.matchAll(/stream\r?\n/g)]
    .map((m) => {
      try {
        return inflateSync(bytes.subarray(m.index + m[0].length, s.indexOf("endstream", m.index))).toString("latin1");
      } catch {
        return "";
      }
    })
    .join("\n");
}

function upload(
  client: TestClient,
  planId: string,
  bytes: Uint8Array,
  name: string,
  type = "application/octet-stream",
) {
  const form = new FormData();
  form.append("file", new Blob([new Uint8Array(bytes)], { type }), name);
  return client.post(`/plans/${planId}`, form);
}

describe("attachments", () => {
  let planId: string;
  beforeAll(async () => {
    planId = (await makePlan(t.db, owner.id, completePlanContent("Plan avec pièces"))).id;
  });

  it("refuses an HTML page renamed .pdf, with a translated message", async () => {
    const res = await upload(
      asOwner,
      planId,
      new TextEncoder().encode("<html><script>alert(1)</script></html>"),
      "devis.pdf",
      "application/pdf",
    );
    expect(res.status).toBe(400);
    expect(await res.text()).toContain("Seuls les fichiers PDF, JPEG et PNG sont acceptés.");
    const [n] = await t.db.select({ n: count() }).from(planAttachments).where(eq(planAttachments.planId, planId));
    expect(n?.n).toBe(0);
  });

  it("refuses a 6 MB file with a translated 400, not a 500", async () => {
    const big = new Uint8Array(6 * 1024 * 1024);
    big.set(new TextEncoder().encode("%PDF-1.4\n"));
    const res = await upload(asOwner, planId, big, "gros.pdf");
    expect(res.status).toBe(400);
    expect(await res.text()).toContain("Le fichier dépasse 5 Mo.");
  });

  it("stores a JPEG without its GPS position, XMP or comment, and serves it to the owner and the coach only", async () => {
    const original = jpegWithGps();
    expect(Buffer.from(original).includes("GPSLatitude")).toBe(true);
    const res = await upload(asOwner, planId, original, "photo atelier.jpeg", "image/jpeg");
    expect(res.status).toBe(302);
    const [row] = await t.db.select().from(planAttachments).where(eq(planAttachments.planId, planId));
    if (!row) throw new Error("not stored");
    expect(row.contentType).toBe("image/jpeg");
    expect(row.filename).toBe("photo-atelier.jpg");
    const download = await asOwner.get(`/plans/${planId}/attachments/${row.id}`);
    expect(download.status).toBe(200);
    const bytes = Buffer.from(await download.arrayBuffer());
    for (const secret of ["Exif", "GPSLatitude", "xmpmeta", "Camera owner"])
      expect(bytes.includes(secret), secret).toBe(false);
    expect(bytes.includes("JFIF")).toBe(true);
    expect([...bytes.subarray(-6)]).toEqual([0x12, 0x34, 0x56, 0x78, 0xff, 0xd9]);
    expect((await asCoach.get(`/plans/${planId}/attachments/${row.id}`)).status).toBe(200);
    for (const client of [asOther, asOtherCoach, asAdmin]) {
      expect((await client.get(`/plans/${planId}/attachments/${row.id}`)).status).toBe(404);
    }
    expect((await upload(asOther, planId, original, "x.jpg")).status).toBe(404);
  });

  it("stores a PNG and PDFs without their author, GPS position, texts or XMP, and they still open", async () => {
    const fresh = (await makePlan(t.db, owner.id, completePlanContent("Plan aux pièces muettes"))).id;
    const files = [
      { name: "carte.png", bytes: pngWithMetadata() },
      { name: "devis.pdf", bytes: await pdfWithMetadata("Devis du four à pain") },
      { name: "plan.pdf", bytes: pdfWithPackedInfo() },
    ];
    for (const f of files) expect((await upload(asOwner, fresh, f.bytes, f.name)).status).toBe(302);
    const rows = await t.db.select().from(planAttachments).where(eq(planAttachments.planId, fresh));
    expect(rows.map((r) => r.filename).sort()).toEqual(["carte.png", "devis.pdf", "plan.pdf"]);
    for (const row of rows) {
      const stored = Buffer.from(await (await asOwner.get(`/plans/${fresh}/attachments/${row.id}`)).arrayBuffer());
      expect(stored.equals(Buffer.from(row.content))).toBe(true);
      const text = stored.toString("latin1") + inflatedStreams(stored);
      for (const canary of CANARIES) expect(text, `${row.filename}: ${canary}`).not.toContain(canary);
      expect(row.byteSize).toBe(stored.length);
      if (row.contentType === "image/png") expect(decodePng(stored).pixels.equals(PNG_PIXELS)).toBe(true);
      else {
        const info = execFileSync("pdfinfo", ["-"], { input: stored }).toString("utf8");
        expect(info).toMatch(/Pages:\s+1/);
        for (const canary of CANARIES) expect(info).not.toContain(canary);
      }
    }
    const texts = rows.filter((r) => r.contentType === "application/pdf").map((r) => readPdfText(r.content));
    expect(texts.join(" ")).toContain("Devis du four à pain");
    expect(texts.join(" ")).toContain("Plan page one");
  });

  it("keeps at most 5 files per plan when 8 uploads arrive at once", async () => {
    const fresh = (await makePlan(t.db, owner.id, completePlanContent("Plan limite"))).id;
    const png = pngWithMetadata();
    const results = await Promise.all(Array.from({ length: 8 }, (_, i) => upload(asOwner, fresh, png, `p${i}.png`)));
    const statuses = results.map((r) => r.status).sort();
    expect(statuses).toEqual([302, 302, 302, 302, 302, 400, 400, 400]);
    const [n] = await t.db.select({ n: count() }).from(planAttachments).where(eq(planAttachments.planId, fresh));
    expect(n?.n).toBe(5);
  });

  it("has the database refuse a file over 5 MB even if the code let one through", async () => {
    const insert = t.db.insert(planAttachments).values({
      planId,
      uploadedById: owner.id,
      filename: "x.pdf",
      contentType: "application/pdf",
      byteSize: 5 * 1024 * 1024 + 1,
      content: Buffer.alloc(5 * 1024 * 1024 + 1),
    });
    await expect(insert).rejects.toThrow();
  });

  it("lets the owner delete a file, and nobody else", async () => {
    const [row] = await t.db
      .select()
      .from(planAttachments)
      .where(and(eq(planAttachments.planId, planId)));
    if (!row) throw new Error("none");
    expect((await asOther.post(`/plans/${planId}`, { intent: "delete-attachment", attachmentId: row.id })).status).toBe(
      404,
    );
    // the owner's first post only leads to the confirmation step, which names the file
    const first = await asOwner.post(`/plans/${planId}`, { intent: "delete-attachment", attachmentId: row.id });
    expect(first.status).toBe(303);
    const stepUrl = `/plans/${planId}?confirm=delete-attachment&attachmentId=${row.id}`;
    expect(first.headers.get("location")).toBe(stepUrl);
    expect(await t.db.select().from(planAttachments).where(eq(planAttachments.id, row.id))).toHaveLength(1);
    const step = await (await asOwner.get(stepUrl)).text();
    expect(step).toContain('data-testid="confirm-step"');
    expect(step).toContain(row.filename);
    // the overview offers a link to the step, never a button that deletes
    const overview = await (await asOwner.get(`/plans/${planId}`)).text();
    expect(overview).not.toContain('value="delete-attachment"');
    expect(overview).toContain(`confirm=delete-attachment&amp;attachmentId=${row.id}`);
    const confirmed = await asOwner.post(stepUrl, {
      intent: "delete-attachment",
      confirm: "delete-attachment",
      attachmentId: row.id,
    });
    expect(confirmed.status).toBe(302);
    expect(await t.db.select().from(planAttachments).where(eq(planAttachments.id, row.id))).toEqual([]);
  });
});
