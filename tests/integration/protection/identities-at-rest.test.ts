/**
 * A case's names, phone, document number and household notes, and a service's free
 * text (provider, hospital, shelter place, country of return), are stored encrypted:
 * the raw rows hold none of them, yet search by name, phone or document still finds the
 * case, and the case worker reads them all (docs/decisions/0101-identifiers-encrypted.md).
 */
import { beforeAll, describe, expect, it } from "vitest";
import { useTestApp } from "../helpers/app";
import { useTestDb } from "../helpers/test-db";
import { caseIdFrom, registration, twoAssociations } from "./setup";

const t = useTestDb();
const app = useTestApp(t);
let s: Awaited<ReturnType<typeof twoAssociations>>;
let caseId: string;
let reference: string;

const CANARY = {
  firstName: "Canaryfirstqx",
  lastName: "Canarylastqx",
  nameArabic: "كناريقكس",
  phone: "0677 12 34 59",
  documentNumber: "ab-778899-qx",
  householdNotes: "Canaryhouseholdqx",
};
const SERVICE_TEXT = {
  provider: "Canaryproviderqx",
  facility: "Canaryhospitalqx",
  specialty: "Canaryspecialtyqx",
  place: "Canaryshelterqx",
  countryOfReturn: "Canarycountryqx",
};
// every form in which the values could leak: as typed, normalised, folded
const LEAKS = [
  ...Object.values(CANARY),
  ...Object.values(SERVICE_TEXT),
  "+212677123459",
  "677123459",
  "AB778899QX",
  "778899",
  "canary",
  "Canary",
];

beforeAll(async () => {
  s = await twoAssociations(t.db, app);
  caseId = caseIdFrom(
    await s.clients.workerA.post("/protection/cases/new", registration({ ...CANARY, city: "oujda" })),
  );
  const services: Record<string, string>[] = [
    {
      kind: "hospital_referral",
      facility: SERVICE_TEXT.facility,
      specialty: SERVICE_TEXT.specialty,
      urgency: "urgent",
      provider: SERVICE_TEXT.provider,
    },
    { kind: "shelter", place: SERVICE_TEXT.place, checkIn: "2026-11-02", checkOut: "2026-11-05" },
    { kind: "avrr", countryOfReturn: SERVICE_TEXT.countryOfReturn },
  ];
  for (const service of services) {
    const response = await s.clients.workerA.post(`/protection/cases/${caseId}/services/new`, {
      serviceDate: "2026-11-02",
      ...service,
    });
    expect(response.status, service.kind).toBe(302);
  }
  const [row] = await t.sql<{ reference: string }[]>`select reference from beneficiary_cases where id = ${caseId}`;
  reference = row!.reference;
});

describe("identities at rest", () => {
  it("leaves no name, phone, document, household note or service detail in clear in the raw rows", async () => {
    const rows = await t.sql<{ row: string }[]>`
      select t::text as row from beneficiary_cases t
      union all select t::text from case_services t
      union all select t::text from audit_log t`;
    const dump = rows.map((r) => r.row).join("\n");
    expect(dump).toContain(reference); // the control: this is the case's row
    for (const leak of LEAKS) expect(dump, leak).not.toContain(leak);
    // the structured fields the reports read stay as they were
    const [shelter] = await t.sql<{ nights: string }[]>`
      select details->>'nights' as nights from case_services where case_id = ${caseId} and kind = 'shelter'`;
    expect(shelter!.nights).toBe("3");
  });

  it("refuses clear text in an identity column at the database itself", async () => {
    await expect(
      t.sql`update beneficiary_cases set first_name_enc = 'Canaryfirstqx' where id = ${caseId}`,
    ).rejects.toThrow(/beneficiary_cases_enc_check/);
    await expect(
      t.sql`update case_services set details_enc = '{"place":"x"}' where case_id = ${caseId}`,
    ).rejects.toThrow(/case_services_details_enc_check/);
  });

  it("shows the case worker every value, decrypted", async () => {
    const html = await (await s.clients.workerA.get(`/protection/cases/${caseId}`)).text();
    for (const value of [
      CANARY.firstName,
      CANARY.lastName,
      CANARY.nameArabic,
      CANARY.householdNotes,
      "AB778899QX",
      ...Object.values(SERVICE_TEXT),
    ])
      expect(html, value).toContain(value);
  });

  it("finds the case by a name, the phone or the document number as a person types them", async () => {
    for (const q of [
      CANARY.firstName,
      CANARY.lastName.toUpperCase(),
      `${CANARY.lastName} ${CANARY.firstName}`,
      CANARY.nameArabic,
      "+212 677 123 459",
      "0677123459",
      "AB 778899 QX",
      "ab778899qx",
    ]) {
      const html = await (await s.clients.workerA.get(`/protection?q=${encodeURIComponent(q)}`)).text();
      expect(html, q).toContain(reference);
    }
    const other = await (await s.clients.workerA.get(`/protection?q=${encodeURIComponent("0677123450")}`)).text();
    expect(other).not.toContain(reference);
  });

  it("never finds it for another association, by any of them", async () => {
    for (const q of [CANARY.firstName, "0677123459", "AB778899QX"]) {
      const html = await (await s.clients.workerB.get(`/protection?q=${encodeURIComponent(q)}`)).text();
      expect(html, q).not.toContain(reference);
    }
  });

  it("warns of a duplicate by phone or document, typed another way", async () => {
    for (const [field, value] of [
      ["phone", "+212-677-123-459"],
      ["documentNumber", "AB 778899 QX"],
    ] as const) {
      const response = await s.clients.workerA.post(
        "/protection/cases/new",
        registration({ firstName: "Quelquun", lastName: "Dautre", dateOfBirth: "1980-01-01", [field]: value }),
      );
      expect(response.status, field).toBe(409);
      const html = await response.text();
      expect(html, field).toContain('data-testid="duplicates"');
      expect(html, field).toContain(reference);
    }
  });
});
