/**
 * The owner's case file is read by one statement of json lists (ownerSections, issue 19).
 * Each of its lists must hold what the separate reads it replaced return, row for row and
 * in their order, decoded alike (dates as Dates, arrays, nulls): a case with something in
 * every section, two or more rows where a section lists, read page by page (notes,
 * services, aid, each on its own page), by a supervisor and by a case worker who is not one.
 */
import { describe, expect, it } from "vitest";
import { count, desc, eq } from "drizzle-orm";
import {
  caseMessages,
  caseReferrals,
  caseStatusChanges,
  distributionRounds,
  distributions,
  householdMembers,
  vouchers,
  vulnerabilityAssessments,
} from "../../../db/schema";
import { caseDistributionFields, listItems } from "~/modules/aid/queries.server";
import { ownerSections, type OwnerPages } from "~/modules/protection/case-file/owner-sections.server";
import { caseSmsHistory } from "~/modules/protection/case-sms.server";
import { statusHistory } from "~/modules/protection/closure.server";
import { encryptJson } from "~/modules/protection/crypto.server";
import { householdOf } from "~/modules/protection/households.server";
import { caseDetail, isSupervisor, partnerAssociations } from "~/modules/protection/queries.server";
import { consentPartners } from "~/modules/protection/reach.server";
import { AID_PER_PAGE, SERVICES_PER_PAGE } from "~/modules/protection/rules";
import { makeOrganisation, makeUser } from "../../factories";
import {
  findOrMakeItem,
  makeCase,
  makeNote,
  makeRound,
  makeService,
  makeSupervisor,
  makeVoucher,
} from "../../factories/protection";
import { useTestDb } from "../helpers/test-db";

const t = useTestDb();

/**
 * What the separate reads return, in ownerSections' shape. The app's own separate reads of
 * the distributions and vouchers went with 0186; their statements are kept here as the
 * reference.
 */
async function separately(c: Awaited<ReturnType<typeof makeCase>>, viewerId: string, pages: OwnerPages) {
  const detail = await caseDetail(t.db, c, { notesPage: pages.notes, servicesPage: pages.services });
  const aidOffset = (pages.aid - 1) * AID_PER_PAGE;
  const supervisor = await isSupervisor(t.db, viewerId);
  return {
    detail: {
      organisationName: detail.organisationName,
      consent: detail.consent,
      notes: detail.notes,
      noteCount: detail.noteCount,
      vulnerability: detail.vulnerability,
      services: detail.services,
      serviceCount: detail.serviceCount,
      referrals: detail.referrals,
      staff: detail.staff,
    },
    supervisor,
    partners: await partnerAssociations(t.db, c.organisationId),
    distributions: await t.db
      .select(caseDistributionFields)
      .from(distributions)
      .innerJoin(distributionRounds, eq(distributionRounds.id, distributions.roundId))
      .where(eq(distributions.caseId, c.id))
      .orderBy(desc(distributions.createdAt), desc(distributions.id))
      .limit(AID_PER_PAGE)
      .offset(aidOffset),
    distributionCount: (await t.db.select({ n: count() }).from(distributions).where(eq(distributions.caseId, c.id)))[0]!
      .n,
    vouchers: await t.db
      .select()
      .from(vouchers)
      .where(eq(vouchers.caseId, c.id))
      .orderBy(desc(vouchers.issuedAt), desc(vouchers.id))
      .limit(AID_PER_PAGE)
      .offset(aidOffset),
    voucherCount: (await t.db.select({ n: count() }).from(vouchers).where(eq(vouchers.caseId, c.id)))[0]!.n,
    items: await listItems(t.db),
    history: await statusHistory(t.db, c.id),
    household: await householdOf(t.db, c.id),
    consentPartners: detail.consent ? await consentPartners(t.db, detail.consent.id) : [],
    sms: await caseSmsHistory(t.db, c.id),
  };
}

describe("the owner's case file in one statement", () => {
  it("reads every section as the separate reads do, page by page, for a supervisor and for a case worker", async () => {
    const org = await makeOrganisation(t.db);
    const partnerB = await makeOrganisation(t.db);
    const partnerC = await makeOrganisation(t.db);
    const supervisor = await makeUser(t.db, { role: "case_worker", organisationId: org.id });
    const worker = await makeUser(t.db, { role: "case_worker", organisationId: org.id });
    await makeSupervisor(t.db, supervisor.id);
    const c = await makeCase(
      t.db,
      { organisationId: org.id, createdById: worker.id, firstName: "Awa", phone: "+212600112233" },
      { sms: true, language: "ar", partners: [partnerC.id, partnerB.id] },
    );
    // a second, later consent is the one shown
    const later = await makeCase(t.db, { organisationId: org.id, createdById: worker.id });
    for (let n = 1; n <= 23; n++) await makeNote(t.db, c.id, n % 2 ? worker.id : supervisor.id, `Note ${n}`);
    await makeNote(t.db, later.id, worker.id, "another case's note");
    for (const [assessedOn, flags] of [
      ["2026-01-10", ["gbv_survivor"]],
      ["2026-02-10", ["unaccompanied_minor", "trafficking_victim"]],
    ] as const)
      await t.db.insert(vulnerabilityAssessments).values({
        caseId: c.id,
        assessorId: worker.id,
        assessedOn,
        dataEnc: encryptJson({ flags, notes: `assessed ${assessedOn}` }),
      });
    await makeService(t.db, {
      caseId: c.id,
      kind: "legal",
      serviceDate: "2026-01-15",
      status: "open",
      recordedById: worker.id,
      details: { legalType: "documents" },
    });
    await makeService(t.db, {
      caseId: c.id,
      kind: "hospital_referral",
      serviceDate: "2026-02-15",
      status: "requested",
      recordedById: supervisor.id,
    });
    // a page and a half of services, finished and in progress mixed in time: the order puts those in progress first
    const kinds = [
      ["medical", "done"],
      ["shelter", "planned"],
      ["avrr", "monitoring"],
      ["hospital_referral", "attended"],
      ["mental_health", "cancelled"],
      ["legal", "closed"],
    ] as const;
    for (let n = 0; n < SERVICES_PER_PAGE + 3; n++) {
      const [kind, status] = kinds[n % kinds.length]!;
      await makeService(
        t.db,
        {
          caseId: c.id,
          kind,
          // two on each day: the ties are ordered by creation
          serviceDate: `2025-${String(1 + Math.floor(n / 2)).padStart(2, "0")}-10`,
          status,
          recordedById: n % 2 ? worker.id : supervisor.id,
        },
        `service note ${n}`,
      );
    }
    await t.db.insert(caseReferrals).values([
      {
        caseId: c.id,
        kind: "referral" as const,
        fromOrganisationId: org.id,
        toOrganisationId: partnerB.id,
        requestedById: worker.id,
        reason: "specialised_service",
        urgency: "urgent",
        requestedServices: ["legal", "medical"] as const,
        shareNotes: true,
        status: "accepted" as const,
        decidedAt: new Date("2026-03-01T10:00:00.123Z"),
      },
      {
        caseId: c.id,
        kind: "transfer" as const,
        fromOrganisationId: org.id,
        toOrganisationId: partnerC.id,
        requestedById: worker.id,
      },
    ]);
    const item = await findOrMakeItem(t.db, "voucher", "Bon alimentaire", 30_000);
    const round = await makeRound(t.db, { organisationId: org.id, itemId: item.id, createdById: worker.id });
    await t.db.insert(distributions).values([
      { roundId: round.id, caseId: c.id, handedOutById: worker.id },
      {
        roundId: round.id,
        caseId: c.id,
        handedOutById: worker.id,
        correctedAt: new Date(),
        correctedById: supervisor.id,
      },
    ]);
    // a page and a half of distributions (one a round, a month apart) and of vouchers
    for (let n = 0; n < AID_PER_PAGE + 3; n++) {
      const monthly = await makeRound(t.db, {
        organisationId: org.id,
        warehouseId: round.warehouseId,
        itemId: item.id,
        createdById: worker.id,
      });
      const at = new Date(Date.UTC(2025, n, 5, 9));
      await t.db
        .insert(distributions)
        .values({ roundId: monthly.id, caseId: c.id, handedOutById: worker.id, createdAt: at });
      const v = await makeVoucher(t.db, {
        caseId: c.id,
        organisationId: org.id,
        issuedById: worker.id,
        valueCentimes: 1_000 + n,
      });
      // two vouchers issued at the same instant: the tie is ordered by id
      await t.db
        .update(vouchers)
        .set({ issuedAt: new Date(Date.UTC(2025, Math.floor(n / 2), 6, 9)) })
        .where(eq(vouchers.id, v.id));
    }
    await makeVoucher(t.db, { caseId: c.id, organisationId: org.id, issuedById: worker.id });
    await makeVoucher(t.db, { caseId: c.id, organisationId: org.id, issuedById: worker.id, valueCentimes: 5_000 });
    await t.db.insert(caseStatusChanges).values([
      { caseId: c.id, status: "closed" as const, reason: "services_completed" as const, changedById: worker.id },
      { caseId: c.id, status: "open" as const, reason: "new_need" as const, changedById: supervisor.id },
    ]);
    await t.db.insert(householdMembers).values([
      { caseId: c.id, relationship: "child" as const, sex: "female" as const, birthYear: 2019, createdById: worker.id },
      { caseId: c.id, relationship: "spouse" as const, sex: "male" as const, birthYear: null, createdById: worker.id },
    ]);
    await t.db.insert(caseMessages).values([
      { caseId: c.id, template: "appointment", sentById: worker.id },
      { caseId: c.id, template: "callBack", sentById: supervisor.id },
    ]);
    const page = (n: number) => ({ notes: n, services: n, aid: n });
    for (const [reader, pages] of [
      [supervisor, page(1)],
      [supervisor, page(2)],
      [worker, page(1)],
      [supervisor, page(3)],
      [supervisor, { notes: 1, services: 2, aid: 3 }],
      [worker, { notes: 2, services: 1, aid: 2 }],
    ] as const) {
      const one = await ownerSections(t.db, c, reader.id, pages);
      expect(one).toEqual(await separately(c, reader.id, pages));
      expect(one.supervisor).toBe(reader === supervisor);
      // the counts are the case's, whatever the page
      expect([one.detail.serviceCount, one.distributionCount, one.voucherCount]).toEqual([
        SERVICES_PER_PAGE + 5,
        AID_PER_PAGE + 5,
        AID_PER_PAGE + 5,
      ]);
      if (pages.services === 2) expect(one.detail.services).toHaveLength(5);
      if (pages.aid === 2) expect([one.distributions.length, one.vouchers.length]).toEqual([5, 5]);
      // the comparison holds something in each list it checks
      if (pages.notes === 1 && pages.services === 1 && reader === supervisor) {
        expect(one.detail.notes).toHaveLength(20);
        expect(one.detail.services).toHaveLength(SERVICES_PER_PAGE);
        // those in progress first: the two of the case's own, then the six of the loop's
        expect(one.detail.services.slice(0, 6).map((s) => s.status)).toEqual([
          "requested",
          "open",
          "attended",
          "planned",
          "attended",
          "planned",
        ]);
        for (const list of [
          one.detail.services,
          one.detail.referrals,
          one.detail.staff,
          one.distributions,
          one.vouchers,
          one.history,
          one.household,
          one.consentPartners,
          one.sms,
        ])
          expect(list.length).toBeGreaterThanOrEqual(2);
        expect(one.detail.vulnerability?.assessedOn).toBe("2026-02-10");
      }
    }
  });
});
