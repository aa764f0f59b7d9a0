/**
 * Factories for protection and aid, shared by the demo seed and the tests. A case
 * comes with its consent to services (and to referral unless told otherwise).
 */
import { randomBytes } from "node:crypto";
import { eq, sql } from "drizzle-orm";
import type { Executor } from "../../db/client";
import {
  aidItems,
  beneficiaryCases,
  caseConsentPartners,
  caseConsents,
  caseNotes,
  caseServices,
  distributionRounds,
  protectionSupervisors,
  roundItems,
  stockBalances,
  shops,
  stockMovements,
  vouchers,
  vulnerabilityAssessments,
  warehouses,
  type AidItem,
  type BeneficiaryCase,
  type NewBeneficiaryCase,
} from "../../db/schema";
import { encrypt, encryptJson } from "../../app/modules/protection/crypto.server";
import { openCase, sealIdentity, sealServiceFields } from "../../app/modules/protection/identity.server";
import type { Vulnerability } from "../../app/modules/protection/rules";
import { voucherCodeFrom, voucherExpiresOn } from "../../app/modules/aid/rules";
import { addDays, moroccoToday } from "../../app/lib/morocco-time";
import { makeUser, uniqueSuffix } from "./index";

export async function makeCase(
  db: Executor,
  values: Partial<NewBeneficiaryCase> & { organisationId: string; createdById: string },
  consent: {
    services?: boolean;
    referral?: boolean;
    /** the partner associations a consent to referral names */
    partners?: string[];
    sms?: boolean;
    language?: "fr" | "ar" | "en";
  } = {},
): Promise<BeneficiaryCase> {
  const { firstName, lastName, nameArabic, phone, documentNumber, householdNotes, ...columns } = values;
  const identity = {
    firstName: firstName ?? `Prenom${uniqueSuffix()}`,
    lastName: lastName ?? `Nom${uniqueSuffix()}`,
    nameArabic: nameArabic ?? null,
    phone: phone ?? null,
    documentNumber: documentNumber ?? null,
    householdNotes: householdNotes ?? null,
  };
  const [sealed] = await db
    .insert(beneficiaryCases)
    .values({
      reference: `PR-T-${randomBytes(4).toString("hex").toUpperCase()}`,
      sex: "female",
      estimatedAge: 30,
      assignedToId: values.createdById,
      ...columns,
      ...sealIdentity(identity),
    })
    .returning();
  if (!sealed) throw new Error("case not created");
  const row = openCase(sealed);
  const [given] = await db
    .insert(caseConsents)
    .values({
      caseId: row.id,
      services: consent.services ?? true,
      referral: consent.referral ?? true,
      anonymisedReporting: true,
      contactBySms: consent.sms ?? false,
      noticeVersion: "protection-2026-11",
      language: consent.language ?? "fr",
      collectedById: values.createdById,
    })
    .returning({ id: caseConsents.id });
  const partners = consent.referral === false ? [] : (consent.partners ?? []);
  if (partners.length)
    await db
      .insert(caseConsentPartners)
      .values(partners.map((organisationId) => ({ consentId: given!.id, organisationId })));
  return row;
}

export async function makeNote(db: Executor, caseId: string, authorId: string, body: string) {
  await db.insert(caseNotes).values({ caseId, authorId, bodyEnc: encrypt(body) });
}

export async function makeAssessment(
  db: Executor,
  caseId: string,
  assessorId: string,
  flags: Vulnerability[],
  notes = "",
) {
  await db.insert(vulnerabilityAssessments).values({
    caseId,
    assessorId,
    assessedOn: new Date().toISOString().slice(0, 10),
    dataEnc: encryptJson({ flags, notes }),
  });
}

/** A service, its free text (provider, facility, place...) sealed as the application stores it. */
export async function makeService(
  db: Executor,
  values: Omit<typeof caseServices.$inferInsert, "details" | "detailsEnc"> & {
    provider?: string | null;
    details?: Record<string, string | number | null>;
  },
  notes?: string,
) {
  const { provider, details, ...columns } = values;
  const [row] = await db
    .insert(caseServices)
    .values({
      ...columns,
      ...sealServiceFields({ ...details, provider: provider ?? null }),
      notesEnc: notes ? encrypt(notes) : null,
    })
    .returning();
  return row!;
}

export async function makeSupervisor(db: Executor, userId: string) {
  await db.insert(protectionSupervisors).values({ userId }).onConflictDoNothing();
}

export async function findOrMakeItem(
  db: Executor,
  kind: AidItem["kind"],
  name: string,
  faceValueCentimes: number | null = null,
  translations: { nameAr: string; nameEn: string } = { nameAr: "", nameEn: "" },
): Promise<AidItem> {
  const [found] = await db.select().from(aidItems).where(eq(aidItems.nameFr, name));
  if (found) return found;
  const [row] = await db
    .insert(aidItems)
    .values({ kind, nameFr: name, ...translations, faceValueCentimes })
    .returning();
  return row!;
}

export async function makeWarehouse(db: Executor, organisationId: string, name = `Entrepôt ${uniqueSuffix()}`) {
  const [row] = await db.insert(warehouses).values({ organisationId, name }).returning();
  return row!;
}

/** Stock received the way the service does it: the balance and its ledger movement together. */
export async function receiveStock(
  db: Executor,
  warehouseId: string,
  itemId: string,
  quantity: number,
  actorId: string,
) {
  await db
    .insert(stockBalances)
    .values({ warehouseId, itemId, quantity })
    .onConflictDoUpdate({
      target: [stockBalances.warehouseId, stockBalances.itemId],
      set: { quantity: sql`${stockBalances.quantity} + ${quantity}` },
    });
  await db.insert(stockMovements).values({ warehouseId, itemId, kind: "receipt", quantity, actorId });
}

/** A round of one item running for 30 days from today; from a new, empty warehouse unless one is given. */
export async function makeRound(
  db: Executor,
  values: {
    organisationId: string;
    warehouseId?: string;
    itemId: string;
    quantity?: number;
    perHousehold?: boolean;
    eligibilityVulnerability?: string | null;
    createdById: string;
    name?: string;
  },
) {
  const today = moroccoToday();
  const end = addDays(today, 30);
  const [round] = await db
    .insert(distributionRounds)
    .values({
      organisationId: values.organisationId,
      warehouseId: values.warehouseId ?? (await makeWarehouse(db, values.organisationId)).id,
      name: values.name ?? `Tournée ${uniqueSuffix()}`,
      startsOn: today,
      endsOn: end,
      perHousehold: values.perHousehold ?? false,
      eligibilityVulnerability: values.eligibilityVulnerability ?? null,
      createdById: values.createdById,
    })
    .returning();
  await db.insert(roundItems).values({ roundId: round!.id, itemId: values.itemId, quantity: values.quantity ?? 1 });
  return round!;
}

/** A round handing out one item, from a new warehouse of the association holding `stock` units of it. */
export async function makeStockedRound(
  db: Executor,
  values: Omit<Parameters<typeof makeRound>[1], "warehouseId"> & { stock: number },
) {
  const warehouse = await makeWarehouse(db, values.organisationId);
  await receiveStock(db, warehouse.id, values.itemId, values.stock, values.createdById);
  const round = await makeRound(db, { ...values, warehouseId: warehouse.id });
  return { warehouse, round };
}

/** A partner shop of an association's voucher scheme, and (optionally) its account. */
export async function makeShop(
  db: Executor,
  organisationId: string,
  values: { name?: string; isActive?: boolean } = {},
) {
  const [row] = await db
    .insert(shops)
    .values({ organisationId, name: values.name ?? `Boutique ${uniqueSuffix()}`, isActive: values.isActive ?? true })
    .returning();
  return row!;
}

export async function makeVendor(db: Executor, shop: { id: string; organisationId: string }) {
  return makeUser(db, { role: "vendor", organisationId: shop.organisationId, shopId: shop.id });
}

/** A voucher as the service issues it: a fresh code, valid from today unless told. */
export async function makeVoucher(
  db: Executor,
  values: { caseId: string; organisationId: string; issuedById: string; valueCentimes?: number; expiresOn?: string },
) {
  const [row] = await db
    .insert(vouchers)
    .values({
      ...values,
      code: voucherCodeFrom(randomBytes(13)),
      valueCentimes: values.valueCentimes ?? 20_000,
      expiresOn: values.expiresOn ?? voucherExpiresOn(moroccoToday()),
    })
    .returning();
  return row!;
}
