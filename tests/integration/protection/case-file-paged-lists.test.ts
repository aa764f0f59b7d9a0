/**
 * The case file's lists that grow with a person's history are paged
 * (docs/decisions/0216-case-file-lists-paged.md), over HTTP as a case worker reads them:
 * services 10 a page (`?services=N`), those in progress first (an overdue hospital
 * referral of last year before this month's finished services), each group newest first;
 * the aid received 10 distributions and 10 vouchers a page (`?aid=N`). Only the page's
 * services reach the page (their notes are decrypted for it, the others' not); a page past
 * the last and a malformed page are answered as the notes' are; the receiving partner
 * reads the same pages; vouchers are still printed and issued from the file.
 */
import { and, eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { caseServices, distributions, vouchers } from "../../../db/schema";
import { addDays, moroccoToday } from "~/lib/morocco-time";
import { AID_PER_PAGE, SERVICES_PER_PAGE } from "~/modules/protection/rules";
import { findOrMakeItem, makeRound, makeService, makeVoucher, makeWarehouse } from "../../factories/protection";
import { caseOfA, referralAcceptedByB, useTwoAssociations } from "./setup";

const { t, s } = useTwoAssociations();

/** The services a page shows, by the label in their notes, in order. */
const servicesShown = (html: string) =>
  [...html.matchAll(/<p class="message-body"[^>]*>svc-([a-z0-9-]+)-end</g)].map((m) => m[1]!);
/** The distributions a page shows, by their round's month, in order. */
const distributionsShown = (html: string) => [...html.matchAll(/<bdi>Tournée m(\d+)<\/bdi>/g)].map((m) => Number(m[1]));
/** The vouchers a page shows, by their print link. */
const vouchersShown = (html: string) =>
  [...html.matchAll(/href="\/aid\/vouchers\/([0-9a-f-]{36})\.pdf"/g)].map((m) => m[1]!);

describe("a case file with a year of history", () => {
  let caseId: string;
  const today = moroccoToday();
  /** In the order page 1 must list them: in progress (newest first), then the finished (newest first). */
  const inProgress = ["legal-open", "shelter-planned", "avrr-counselling", "appointment-set", "overdue-referral"];
  const finished = Array.from({ length: 20 }, (_, i) => `done-${String(i).padStart(2, "0")}`);
  const voucherIds: string[] = [];

  const get = async (query: string, client = s.clients.workerA) => {
    const response = await client.get(`/protection/cases/${caseId}${query}`);
    return { status: response.status, html: await response.text() };
  };

  beforeAll(async () => {
    const c = await caseOfA(t.db, s, { firstName: "Hawa" });
    caseId = c.id;
    const service = (label: string, values: { kind: string; status: string; daysAgo: number; dueIn?: number }) =>
      makeService(
        t.db,
        {
          caseId,
          kind: values.kind as "medical",
          status: values.status,
          serviceDate: addDays(today, -values.daysAgo),
          dueDate: values.dueIn === undefined ? null : addDays(today, values.dueIn),
          recordedById: s.workerA.id,
        },
        `svc-${label}-end`,
      );
    // the oldest of all: a hospital referral requested ten months ago and never followed up
    await service("overdue-referral", { kind: "hospital_referral", status: "requested", daysAgo: 300 });
    // twenty finished services, every one more recent than it
    for (let i = 0; i < 20; i++)
      await service(finished[i]!, {
        kind: ["medical", "mental_health", "shelter", "legal"][i % 4]!,
        status: i % 4 === 3 ? "closed" : i % 5 === 0 ? "cancelled" : "done",
        daysAgo: 10 + i * 10,
      });
    await service("appointment-set", {
      kind: "hospital_referral",
      status: "appointment_set",
      daysAgo: 250,
      dueIn: 5,
    });
    await service("avrr-counselling", { kind: "avrr", status: "counselling", daysAgo: 40 });
    await service("shelter-planned", { kind: "shelter", status: "planned", daysAgo: 20 });
    await service("legal-open", { kind: "legal", status: "open", daysAgo: 5 });

    // a monthly distribution for 15 months, and 3 vouchers
    const warehouse = await makeWarehouse(t.db, s.orgA.id);
    const item = await findOrMakeItem(t.db, "food_kit", "Kit alimentaire (pages)");
    for (let m = 1; m <= 15; m++) {
      const round = await makeRound(t.db, {
        organisationId: s.orgA.id,
        warehouseId: warehouse.id,
        itemId: item.id,
        createdById: s.workerA.id,
        name: `Tournée m${m}`,
      });
      await t.db.insert(distributions).values({
        roundId: round.id,
        caseId,
        handedOutById: s.workerA.id,
        createdAt: new Date(Date.parse(`${addDays(today, -31 * (16 - m))}T10:00:00Z`)),
      });
    }
    for (let v = 0; v < 3; v++) {
      const voucher = await makeVoucher(t.db, { caseId, organisationId: s.orgA.id, issuedById: s.workerA.id });
      await t.db
        .update(vouchers)
        .set({ issuedAt: new Date(Date.parse(`${addDays(today, -10 * (v + 1))}T10:00:00Z`)) })
        .where(eq(vouchers.id, voucher.id));
      voucherIds.push(voucher.id);
    }
  });

  it("lists the services in progress first, the overdue referral on page 1, 10 a page", async () => {
    const first = await get("");
    expect(first.status).toBe(200);
    expect(servicesShown(first.html)).toEqual([...inProgress, ...finished.slice(0, SERVICES_PER_PAGE - 5)]);
    // the referral is flagged overdue where it is listed
    expect(first.html).toMatch(/class="list-item overdue"[^>]*>(?:(?!<\/li>)[\s\S])*svc-overdue-referral-end/);
    // each group under its heading
    expect(first.html.indexOf("<h3>En cours</h3>")).toBeGreaterThan(-1);
    expect(first.html.indexOf("<h3>Terminés</h3>")).toBeGreaterThan(first.html.indexOf("svc-overdue-referral-end"));
    // the pager: no way back, the next page, "page 1 of 3"
    expect(first.html).toContain(`href="/protection/cases/${caseId}?services=2#services"`);
    expect(first.html).not.toContain("?services=0");
    expect(first.html).toContain("Page 1 sur 3");
    // the finished services of the next pages are not in it, nor their notes
    for (const label of finished.slice(SERVICES_PER_PAGE - 5)) expect(first.html).not.toContain(`svc-${label}-end`);
    expect(servicesShown((await get("?services=1")).html)).toEqual(servicesShown(first.html));
  });

  it("shows the rest of the finished services on the next pages, each once, in order", async () => {
    const second = await get("?services=2");
    const third = await get("?services=3");
    expect(second.status).toBe(200);
    expect(servicesShown(second.html)).toEqual(finished.slice(5, 15));
    expect(servicesShown(third.html)).toEqual(finished.slice(15));
    expect(second.html).not.toContain("<h3>En cours</h3>");
    expect(second.html).toContain(`href="/protection/cases/${caseId}?services=1#services"`);
    expect(second.html).toContain(`href="/protection/cases/${caseId}?services=3#services"`);
    expect(second.html).toContain("Page 2 sur 3");
    expect(third.html).not.toContain("?services=4");
    // page 2's notes were not on page 1: only the page shown is read and decrypted
    const first = await get("");
    for (const label of servicesShown(second.html)) expect(first.html).not.toContain(`svc-${label}-end`);
    // the other lists keep their page, and a link of one keeps the page of the other
    expect(distributionsShown(second.html)).toEqual(distributionsShown(first.html));
    const both = await get("?services=2&aid=2");
    expect(servicesShown(both.html)).toEqual(servicesShown(second.html));
    expect(distributionsShown(both.html)).toEqual([5, 4, 3, 2, 1]);
    expect(both.html).toContain(`href="/protection/cases/${caseId}?services=3&amp;aid=2#services"`);
    expect(both.html).toContain(`href="/protection/cases/${caseId}?services=2&amp;aid=1#aid"`);
  });

  it("answers a page past the last as the notes' pages: nothing on it, and the way back to the last", async () => {
    const past = await get("?services=9");
    expect(past.status).toBe(200);
    expect(servicesShown(past.html)).toEqual([]);
    expect(past.html).toContain("Rien sur cette page. La dernière est la page 3.");
    expect(past.html).not.toContain("Aucun service enregistré.");
    expect(past.html).toContain(`href="/protection/cases/${caseId}?services=3#services"`);
    // no "page 9 of 3"
    expect(past.html).not.toContain("Page 9 sur 3");
    const notesPast = await get("?notes=9");
    expect(notesPast.status).toBe(200);
    expect(notesPast.html).toContain(`href="/protection/cases/${caseId}?notes=1#notes"`);
  });

  it("answers a malformed page with a translated 400, as for the notes, never a 500", async () => {
    for (const value of ["abc", "0", "-1", "1.5", "2e3", "100001", "%00"]) {
      for (const list of ["services", "notes", "aid"]) {
        const response = await get(`?${list}=${value}`);
        expect(response.status, `${list}=${value}`).toBe(400);
        expect(response.html).toContain(`«\u00a0${list}\u00a0» n&#x27;est pas un nombre accepté`);
      }
    }
    s.clients.workerA.cookies.set("lng", "ar");
    const ar = await get("?services=abc");
    s.clients.workerA.cookies.delete("lng");
    expect(ar.status).toBe(400);
    expect(ar.html).toContain("«services» ليس رقمًا مقبولًا");
    // blank is absent: page 1
    expect(servicesShown((await get("?services=")).html)).toHaveLength(SERVICES_PER_PAGE);
  });

  it("pages the aid received: the 10 latest distributions and vouchers, the older ones next", async () => {
    const first = await get("");
    expect(distributionsShown(first.html)).toEqual([15, 14, 13, 12, 11, 10, 9, 8, 7, 6]);
    expect(vouchersShown(first.html)).toEqual(voucherIds);
    expect(first.html).toContain(`href="/protection/cases/${caseId}?aid=2#aid"`);
    const second = await get("?aid=2");
    expect(distributionsShown(second.html)).toEqual([5, 4, 3, 2, 1]);
    // three vouchers fill one page: page 2 has none
    expect(vouchersShown(second.html)).toEqual([]);
    expect(second.html).toContain(`href="/protection/cases/${caseId}?aid=1#aid"`);
    expect(second.html).not.toContain("?aid=3");
    const past = await get("?aid=5");
    expect(past.status).toBe(200);
    expect(distributionsShown(past.html)).toEqual([]);
    expect(past.html).toContain(`href="/protection/cases/${caseId}?aid=2#aid"`);
    expect(AID_PER_PAGE).toBe(10);
  });

  it("still prints and issues vouchers from the file", async () => {
    const pdf = await s.clients.workerA.get(`/aid/vouchers/${voucherIds[0]}.pdf`);
    expect(pdf.status).toBe(200);
    expect(pdf.headers.get("content-type")).toContain("application/pdf");
    const item = await findOrMakeItem(t.db, "voucher", "Bon alimentaire (pages)", 25_000);
    const issued = await s.clients.workerA.post(`/protection/cases/${caseId}`, { intent: "voucher", itemId: item.id });
    expect(issued.status).toBe(302);
    // the new voucher is the newest: first on the aid's first page
    const [newest] = vouchersShown((await get("")).html);
    expect(newest).not.toBeUndefined();
    expect(voucherIds).not.toContain(newest);
  });

  it("comes back from a write to the pages it was posted from, at the list it wrote to", async () => {
    const [legal] = await t.db
      .select({ id: caseServices.id })
      .from(caseServices)
      .where(and(eq(caseServices.caseId, caseId), eq(caseServices.kind, "legal"), eq(caseServices.status, "open")));
    const from = `/protection/cases/${caseId}?index&services=2&aid=2&notes=3`;
    // a status changed on a later page of the services: back to that page
    const moved = await s.clients.workerA.post(from, { intent: "status", serviceId: legal!.id, status: "in_progress" });
    expect(moved.status).toBe(302);
    expect(moved.headers.get("location")).toBe(`/protection/cases/${caseId}?notes=3&services=2&aid=2#services`);
    // a note and a voucher go to the top of their lists: those from their first page
    const noted = await s.clients.workerA.post(from, { intent: "note", body: "Suivi par téléphone." });
    expect(noted.headers.get("location")).toBe(`/protection/cases/${caseId}?services=2&aid=2#notes`);
    const item = await findOrMakeItem(t.db, "voucher", "Bon alimentaire (retour)", 25_000);
    const issued = await s.clients.workerA.post(from, { intent: "voucher", itemId: item.id });
    expect(issued.headers.get("location")).toBe(`/protection/cases/${caseId}?notes=3&services=2#aid`);
    // from the file's plain address, the plain address and the list
    const plain = await s.clients.workerA.post(`/protection/cases/${caseId}`, { intent: "note", body: "Encore." });
    expect(plain.headers.get("location")).toBe(`/protection/cases/${caseId}#notes`);
  });

  it("shows a receiving partner the same pages of services", async () => {
    await referralAcceptedByB(t.db, s, caseId, { shareServices: true });
    for (const page of ["", "?services=2", "?services=3"]) {
      const a = await get(page);
      const b = await get(page, s.clients.workerB);
      expect(b.status).toBe(200);
      expect(servicesShown(b.html)).toEqual(servicesShown(a.html));
    }
    const b = await get("", s.clients.workerB);
    expect(b.html).toContain("Page 1 sur 3");
    // B sees no aid section
    expect(distributionsShown(b.html)).toEqual([]);
    const past = await get("?services=7", s.clients.workerB);
    expect(past.status).toBe(200);
    expect(past.html).toContain(`href="/protection/cases/${caseId}?services=3#services"`);
    expect((await get("?services=x", s.clients.workerB)).status).toBe(400);
  });
});
