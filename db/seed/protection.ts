/**
 * Demo data for protection and aid: case files of associations A (Rabat) and B
 * (Oujda) with consent, assessments, notes and services (one hospital referral
 * overdue), a transfer waiting for A, the catalogue, a warehouse per association
 * with stock, a distribution round and vouchers. caseworker@masar.test is also a
 * supervisor. Idempotent: cases are found by their fixed reference.
 */
import { and, eq } from "drizzle-orm";
import type { Database } from "../client";
import {
  beneficiaryCases,
  caseReferrals,
  caseServices,
  distributions,
  vouchers,
  warehouses,
  type BeneficiaryCase,
} from "../schema";
import { openCase } from "../../app/modules/protection/identity.server";
import { voucherCodeFrom, voucherExpiresOn } from "../../app/modules/aid/rules";
import { moroccoToday } from "../../app/lib/morocco-time";
import { randomBytes } from "node:crypto";
import type { FoundationSeed } from "./foundation";
import { isoDay } from "./days";
import {
  findOrMakeItem,
  makeAssessment,
  makeCase,
  makeNote,
  makeRound,
  makeService,
  makeSupervisor,
  makeWarehouse,
  receiveStock,
} from "../../tests/factories/protection";

const daysAgo = (n: number) => isoDay(-n);
const daysAhead = (n: number) => isoDay(n);

export async function seedProtection(db: Database, foundation: FoundationSeed) {
  const { orgs, accounts } = foundation;
  const cwA = accounts.caseworker;
  const cwB = accounts.caseworker2;
  await makeSupervisor(db, cwA.id);

  async function demoCase(
    reference: string,
    values: Omit<Parameters<typeof makeCase>[1], "reference">,
    setup?: (c: BeneficiaryCase) => Promise<void>,
  ) {
    const [found] = await db.select().from(beneficiaryCases).where(eq(beneficiaryCases.reference, reference));
    if (found) return openCase(found);
    // consent to referral names the other demo association (the one cases go to and come from)
    const partner = values.organisationId === orgs.assocA.id ? orgs.assocB.id : orgs.assocA.id;
    const created = await makeCase(db, { ...values, reference }, { partners: [partner] });
    await setup?.(created);
    return created;
  }

  const a1 = await demoCase(
    "PR-DEMO-A1",
    {
      organisationId: orgs.assocA.id,
      createdById: cwA.id,
      firstName: "Aissatou",
      lastName: "Barry",
      nameArabic: "عائشة باري",
      sex: "female",
      dateOfBirth: "1996-04-12",
      estimatedAge: null,
      nationality: "GN",
      languages: "Français, Peul",
      phone: "+212611000101",
      city: "rabat",
      householdSize: 2,
      householdNotes: "Avec sa fille de 3 ans",
    },
    async (c) => {
      await makeAssessment(
        db,
        c.id,
        cwA.id,
        ["irregular_situation", "woman_at_risk", "pregnant_lactating"],
        "Arrivée récente, enceinte de 6 mois.",
      );
      await makeNote(db, c.id, cwA.id, "Premier entretien : besoin de suivi prénatal et d'un hébergement.");
      await makeService(db, {
        caseId: c.id,
        kind: "medical",
        serviceDate: daysAgo(20),
        status: "done",
        provider: "Centre de santé Yacoub El Mansour",
        recordedById: cwA.id,
        details: { reasonCategory: "maternal", outcome: "referred" },
      });
      await makeService(
        db,
        {
          caseId: c.id,
          kind: "hospital_referral",
          serviceDate: daysAgo(20),
          status: "requested",
          recordedById: cwA.id,
          details: { facility: "Maternité Souissi", specialty: "Obstétrique", urgency: "urgent" },
        },
        "Rendez-vous à confirmer par téléphone.",
      );
      await makeService(db, {
        caseId: c.id,
        kind: "shelter",
        serviceDate: daysAgo(10),
        status: "done",
        recordedById: cwA.id,
        dueDate: daysAhead(4),
        details: { place: "Foyer partenaire Hay Riad", checkIn: daysAgo(10), checkOut: daysAhead(4), nights: 14 },
      });
    },
  );
  const a2 = await demoCase(
    "PR-DEMO-A2",
    {
      organisationId: orgs.assocA.id,
      createdById: cwA.id,
      firstName: "Moussa",
      lastName: "Keita",
      sex: "male",
      dateOfBirth: "2008-09-01",
      estimatedAge: null,
      nationality: "ML",
      languages: "Bambara, Français",
      city: "rabat",
    },
    async (c) => {
      await makeAssessment(db, c.id, cwA.id, ["unaccompanied_child", "irregular_situation"]);
      await makeService(db, {
        caseId: c.id,
        kind: "legal",
        serviceDate: daysAgo(5),
        status: "open",
        recordedById: cwA.id,
        details: { legalType: "documents" },
      });
      await makeService(db, {
        caseId: c.id,
        kind: "mental_health",
        serviceDate: daysAgo(3),
        status: "done",
        recordedById: cwA.id,
        details: { sessionType: "individual" },
      });
    },
  );
  const a3 = await demoCase(
    "PR-DEMO-A3",
    {
      organisationId: orgs.assocA.id,
      createdById: cwA.id,
      firstName: "Chinedu",
      lastName: "Okeke",
      sex: "male",
      estimatedAge: 34,
      nationality: "NG",
      city: "sale",
      phone: "+212611000103",
    },
    async (c) => {
      await makeService(db, {
        caseId: c.id,
        kind: "avrr",
        serviceDate: daysAgo(15),
        status: "counselling",
        recordedById: cwA.id,
        details: { countryOfReturn: "Nigeria" },
      });
    },
  );
  const a4 = await demoCase(
    "PR-DEMO-A4",
    {
      organisationId: orgs.assocA.id,
      createdById: cwA.id,
      firstName: "Hawa",
      lastName: "Camara",
      nameArabic: "حواء كامارا",
      sex: "female",
      dateOfBirth: "1990-01-20",
      estimatedAge: null,
      nationality: "CI",
      city: "rabat",
      householdSize: 4,
    },
    async (c) => {
      await makeAssessment(db, c.id, cwA.id, ["gbv_survivor"]);
    },
  );
  const b1 = await demoCase(
    "PR-DEMO-B1",
    {
      organisationId: orgs.assocB.id,
      createdById: cwB.id,
      firstName: "Ibrahim",
      lastName: "Adam",
      nameArabic: "إبراهيم آدم",
      sex: "male",
      dateOfBirth: "1999-06-30",
      estimatedAge: null,
      nationality: "SD",
      city: "oujda",
    },
    async (c) => {
      await makeAssessment(db, c.id, cwB.id, ["asylum_seeker_refugee", "serious_medical"]);
      await makeNote(db, c.id, cwB.id, "Blessure au pied lors du passage ; soins en cours.");
      await makeService(db, {
        caseId: c.id,
        kind: "medical",
        serviceDate: daysAgo(2),
        status: "done",
        recordedById: cwB.id,
        details: { reasonCategory: "injury", outcome: "follow_up" },
      });
    },
  );
  const b2 = await demoCase("PR-DEMO-B2", {
    organisationId: orgs.assocB.id,
    createdById: cwB.id,
    firstName: "Mariam",
    lastName: "Yousif",
    nameArabic: "مريم يوسف",
    sex: "female",
    estimatedAge: 27,
    nationality: "SD",
    city: "oujda",
  });
  // B asks A to take over a person who moved to Rabat
  const b3 = await demoCase(
    "PR-DEMO-B3",
    {
      organisationId: orgs.assocB.id,
      createdById: cwB.id,
      firstName: "Blessing",
      lastName: "Eze",
      sex: "female",
      estimatedAge: 22,
      nationality: "NG",
      city: "rabat",
    },
    async (c) => {
      await db.insert(caseReferrals).values({
        caseId: c.id,
        kind: "transfer",
        fromOrganisationId: orgs.assocB.id,
        toOrganisationId: orgs.assocA.id,
        requestedById: cwB.id,
        reason: "person_moved",
        urgency: "urgent",
        requestedServices: ["shelter", "legal"],
        shareIdentity: true,
        shareServices: true,
      });
    },
  );

  // aid: catalogue, a warehouse per partner association, stock
  const items = {
    // staff name the items in the three languages (decision 0071)
    food: await findOrMakeItem(db, "food_kit", "Kit alimentaire familial", null, {
      nameAr: "سلة غذائية عائلية",
      nameEn: "Family food kit",
    }),
    hygiene: await findOrMakeItem(db, "hygiene_kit", "Kit d'hygiène", null, {
      nameAr: "عدة النظافة",
      nameEn: "Hygiene kit",
    }),
    nfi: await findOrMakeItem(db, "nfi_kit", "Kit d'articles non alimentaires", null, {
      nameAr: "عدة مواد غير غذائية",
      nameEn: "Non-food items kit",
    }),
    blanket: await findOrMakeItem(db, "blanket", "Couverture", null, { nameAr: "غطاء", nameEn: "Blanket" }),
    clothing: await findOrMakeItem(db, "clothing", "Lot de vêtements", null, {
      nameAr: "مجموعة ملابس",
      nameEn: "Set of clothes",
    }),
    baby: await findOrMakeItem(db, "baby_kit", "Kit bébé", null, { nameAr: "عدة الرضيع", nameEn: "Baby kit" }),
    voucher200: await findOrMakeItem(db, "voucher", "Bon d'achat 200 MAD", 20_000, {
      nameAr: "قسيمة شراء 200 درهم",
      nameEn: "Purchase voucher 200 MAD",
    }),
    voucher500: await findOrMakeItem(db, "voucher", "Bon d'achat 500 MAD", 50_000, {
      nameAr: "قسيمة شراء 500 درهم",
      nameEn: "Purchase voucher 500 MAD",
    }),
  };
  const whs: Record<string, typeof warehouses.$inferSelect> = {};
  for (const key of ["assocA", "assocB", "assocCasa", "assocTanger", "assocFes"] as const) {
    const org = orgs[key];
    const [found] = await db
      .select()
      .from(warehouses)
      .where(and(eq(warehouses.organisationId, org.id), eq(warehouses.name, `Entrepôt ${org.city}`)));
    if (found) {
      whs[key] = found;
      continue;
    }
    const w = await makeWarehouse(db, org.id, `Entrepôt ${org.city}`);
    whs[key] = w;
    if (key === "assocA" || key === "assocB") {
      const actor = key === "assocA" ? cwA.id : cwB.id;
      await receiveStock(db, w.id, items.food.id, 80, actor);
      await receiveStock(db, w.id, items.hygiene.id, 120, actor);
      await receiveStock(db, w.id, items.blanket.id, 60, actor);
      await receiveStock(db, w.id, items.baby.id, 15, actor);
    }
  }

  const [existingRound] = await db.select().from(distributions).where(eq(distributions.caseId, a1.id));
  let roundId = existingRound?.roundId;
  if (!roundId) {
    const round = await makeRound(db, {
      organisationId: orgs.assocA.id,
      warehouseId: whs.assocA!.id,
      itemId: items.hygiene.id,
      quantity: 1,
      createdById: cwA.id,
      name: "Kits d'hygiène — novembre",
    });
    roundId = round.id;
    // handed out to A1 through the ledger, as the service does
    const { recordDistribution } = await import("../../app/modules/aid/service.server");
    await recordDistribution(
      db,
      { id: cwA.id, role: "case_worker", organisationId: orgs.assocA.id },
      round.id,
      a1.id,
      {},
    );
  }

  // vouchers of A4: one to redeem, one the demo shop already took; one of B
  const expiresOn = voucherExpiresOn(moroccoToday());
  const voucherRows = await db.select().from(vouchers).where(eq(vouchers.caseId, a4.id));
  let openVoucher = voucherRows.find((v) => !v.redeemedAt);
  let usedVoucher = voucherRows.find((v) => v.redeemedAt);
  if (!openVoucher) {
    [openVoucher] = await db
      .insert(vouchers)
      .values({
        caseId: a4.id,
        organisationId: orgs.assocA.id,
        code: voucherCodeFrom(randomBytes(13)),
        valueCentimes: 50_000,
        issuedById: cwA.id,
        expiresOn,
      })
      .returning();
  }
  if (!usedVoucher) {
    [usedVoucher] = await db
      .insert(vouchers)
      .values({
        caseId: a4.id,
        organisationId: orgs.assocA.id,
        code: voucherCodeFrom(randomBytes(13)),
        valueCentimes: 20_000,
        issuedById: cwA.id,
        expiresOn,
        redeemedAt: new Date(),
        redeemedById: accounts.vendor.id,
        shopId: foundation.shops.baraka.id,
      })
      .returning();
  }
  const [bVoucher] = await db.select().from(vouchers).where(eq(vouchers.caseId, b1.id));
  const voucherB =
    bVoucher ??
    (
      await db
        .insert(vouchers)
        .values({
          caseId: b1.id,
          organisationId: orgs.assocB.id,
          code: voucherCodeFrom(randomBytes(13)),
          valueCentimes: 20_000,
          issuedById: cwB.id,
          expiresOn,
        })
        .returning()
    )[0]!;

  // a service of each association's first case (the access matrix corrects them)
  const firstService = async (caseId: string) =>
    (await db.select({ id: caseServices.id }).from(caseServices).where(eq(caseServices.caseId, caseId)).limit(1))[0]!;
  return {
    cases: { a1, a2, a3, a4, b1, b2, b3 },
    services: { a1: await firstService(a1.id), b1: await firstService(b1.id) },
    // B's transfer of B3, waiting for A
    referrals: {
      b3: (await db.select({ id: caseReferrals.id }).from(caseReferrals).where(eq(caseReferrals.caseId, b3.id)))[0]!,
    },
    items,
    warehouses: { a: whs.assocA!, b: whs.assocB! },
    roundId,
    vouchers: { open: openVoucher!, used: usedVoucher!, b: voucherB },
  };
}
