/**
 * Demo organisations and accounts: partner associations in five cities, the
 * programme, a host company, the donor, one account per role, and applicants of the
 * nationalities the programme serves. Idempotent: records are found by their
 * unique name, e-mail or phone before anything is created.
 */
import { and, eq } from "drizzle-orm";
import type { Database } from "../client";
import { organisations, shops, users, type NewUser, type Organisation, type Shop, type User } from "../schema";
import { DEMO_PASSWORD, makeOrganisation, makeUser } from "../../tests/factories";
import type { Code } from "../../app/i18n/codes";

export const DEMO_ORGANISATIONS = {
  programme: { name: "Programme Masar", kind: "programme", city: "rabat" },
  assocA: { name: "Association Tadamon Rabat", kind: "partner_association", city: "rabat" },
  assocB: { name: "Association Al Amal Oujda", kind: "partner_association", city: "oujda" },
  assocCasa: { name: "Association Bayti Casablanca", kind: "partner_association", city: "casablanca" },
  assocTanger: { name: "Association Boughaz Tanger", kind: "partner_association", city: "tanger" },
  assocFes: { name: "Association Atlas Fès", kind: "partner_association", city: "fes" },
  host: { name: "Coopérative Argane Souss", kind: "host_company", city: "agadir" },
  donor: { name: "Ambassade du Japon au Maroc", kind: "donor", city: "rabat" },
} as const;

type OrgKey = keyof typeof DEMO_ORGANISATIONS;

/** Partner shops of the voucher schemes: two take association A's vouchers, one B's. */
export const DEMO_SHOPS = {
  baraka: { name: "Épicerie Al Baraka", org: "assocA", city: "rabat" },
  takaddoum: { name: "Marché solidaire Takaddoum", org: "assocA", city: "rabat" },
  oujda: { name: "Hanout Al Wahda", org: "assocB", city: "oujda" },
} as const satisfies Record<string, { name: string; org: OrgKey; city: Code<"city"> }>;
type ShopKey = keyof typeof DEMO_SHOPS;

export const DEMO_ACCOUNTS = [
  { key: "admin", email: "admin@masar.test", displayName: "Samira Benali", role: "admin", org: "programme" },
  {
    key: "caseworker",
    email: "caseworker@masar.test",
    displayName: "Youssef El Idrissi",
    role: "case_worker",
    org: "assocA",
  },
  {
    key: "caseworker2",
    email: "caseworker2@masar.test",
    displayName: "Fatima Zahra Ouali",
    role: "case_worker",
    org: "assocB",
  },
  { key: "coach", email: "coach@masar.test", displayName: "Karim Tazi", role: "coach", org: "programme" },
  {
    key: "committee",
    email: "committee@masar.test",
    displayName: "Nadia Berrada",
    role: "committee_member",
    org: "programme",
  },
  {
    key: "committee2",
    email: "committee2@masar.test",
    displayName: "Omar Chraibi",
    role: "committee_member",
    org: "assocCasa",
  },
  { key: "donor", email: "donor@masar.test", displayName: "Haruto Sato", role: "donor_viewer", org: "donor" },
  { key: "focal", email: "focal@masar.test", displayName: "Leila Amrani", role: "focal_point", org: "programme" },
  {
    key: "vendor",
    email: "vendor@masar.test",
    displayName: "Rachid Bennani",
    role: "vendor",
    org: "assocA",
    shop: "baraka",
  },
  { key: "applicant", email: "applicant@masar.test", displayName: "Aminata Diallo", role: "applicant", org: null },
  { key: "applicantPhone", phone: "+212600000001", displayName: "محمد أمين الصديقي", role: "applicant", org: null },
] as const;

/** More applicants, of the nationalities in the brief and young Moroccans, women and men. */
export const DEMO_APPLICANTS = [
  { phone: "+212600000002", displayName: "Mamadou Camara" },
  { phone: "+212600000003", displayName: "Chioma Okafor" },
  { phone: "+212600000004", displayName: "Moussa Traoré" },
  { phone: "+212600000005", displayName: "Aya Kouassi" },
  { phone: "+212600000006", displayName: "Jean-Paul Mbarga" },
  { phone: "+212600000007", displayName: "أحمد الحميري" },
  { phone: "+212600000008", displayName: "مريم عبد الله" },
  { phone: "+212600000009", displayName: "Salma El Amrani" },
  { phone: "+212600000010", displayName: "Hamza Boukili" },
  { phone: "+212600000011", displayName: "خديجة الإدريسي" },
  { phone: "+224620000012", displayName: "Fatoumata Bah" },
] as const;

export type FoundationSeed = {
  orgs: Record<OrgKey, Organisation>;
  shops: Record<ShopKey, Shop>;
  accounts: Record<(typeof DEMO_ACCOUNTS)[number]["key"], User>;
  applicants: User[];
};

async function organisation(db: Database, key: OrgKey): Promise<Organisation> {
  const spec = DEMO_ORGANISATIONS[key];
  const [found] = await db.select().from(organisations).where(eq(organisations.name, spec.name));
  return found ?? makeOrganisation(db, spec);
}

async function shop(db: Database, key: ShopKey, orgs: Record<OrgKey, Organisation>): Promise<Shop> {
  const spec = DEMO_SHOPS[key];
  const organisationId = orgs[spec.org].id;
  const [found] = await db
    .select()
    .from(shops)
    .where(and(eq(shops.organisationId, organisationId), eq(shops.name, spec.name)));
  if (found) return found;
  const [made] = await db.insert(shops).values({ name: spec.name, organisationId, city: spec.city }).returning();
  return made!;
}

type AccountSpec = { email?: string; phone?: string } & Omit<NewUser, "email" | "phone">;

async function account(db: Database, spec: AccountSpec) {
  const where = spec.email ? eq(users.email, spec.email) : eq(users.phone, spec.phone ?? "");
  const [found] = await db.select().from(users).where(where);
  return (
    found ?? makeUser(db, { ...spec, email: spec.email ?? null, phone: spec.phone ?? null, password: DEMO_PASSWORD })
  );
}

export async function seedFoundation(db: Database): Promise<FoundationSeed> {
  const orgs = {} as Record<OrgKey, Organisation>;
  for (const key of Object.keys(DEMO_ORGANISATIONS) as OrgKey[]) orgs[key] = await organisation(db, key);
  const shopRows = {} as Record<ShopKey, Shop>;
  for (const key of Object.keys(DEMO_SHOPS) as ShopKey[]) shopRows[key] = await shop(db, key, orgs);
  const accounts = {} as FoundationSeed["accounts"];
  for (const spec of DEMO_ACCOUNTS) {
    accounts[spec.key] = await account(db, {
      email: "email" in spec ? spec.email : undefined,
      phone: "phone" in spec ? spec.phone : undefined,
      displayName: spec.displayName,
      role: spec.role,
      organisationId: spec.org ? orgs[spec.org].id : null,
      shopId: "shop" in spec ? shopRows[spec.shop].id : null,
      locale: spec.key === "applicantPhone" ? "ar" : "fr",
    });
  }
  const applicants: User[] = [];
  for (const spec of DEMO_APPLICANTS) {
    applicants.push(
      await account(db, { phone: spec.phone, displayName: spec.displayName, role: "applicant", organisationId: null }),
    );
  }
  return { orgs, shops: shopRows, accounts, applicants };
}
