/**
 * A case file's form page reads only what it shows (0215): after the
 * access check and the audited opening (the file's own), one statement of its own parts
 * of the file (the account's page: the account panel's reads), and none of the file's
 * other sections (notes, services, aid, history, SMS history, the other forms' parts),
 * which are therefore neither read nor decrypted. What it shows is what the file's data
 * gives for it (the form pages took it from `loadCaseFile` until then).
 */
import type { AppLoadContext, LoaderFunctionArgs } from "@remix-run/node";
import { describe, expect, it } from "vitest";
import type { Database } from "../../../db/client";
import * as schema from "../../../db/schema";
import { accountPanel } from "~/modules/protection/account-links.server";
import { loadCaseFile } from "~/modules/protection/case-file/data.server";
import { caseFormPageLoader, type CaseFormPageName } from "~/modules/protection/case-file/form-page.server";
import { partnerAssociations } from "~/modules/protection/queries.server";
import { getCaseForActor } from "~/modules/protection/reach.server";
import { referralConsentLive, referralTargets } from "~/modules/protection/rules";
import { asActor, makeOrganisation, makeUser } from "../../factories";
import { makeAssessment, makeCase, makeNote, makeService, makeSupervisor } from "../../factories/protection";
import { countingDb, useTestDb } from "../helpers/test-db";

const t = useTestDb();

const PAGES = ["consent", "assessment", "household", "referral", "sms", "account"] as const;

/** What of the file each section reads that the access check and the opening never do. */
const SECTIONS = {
  notes: /"case_notes"/,
  services: /"case_services"/,
  assessment: /"vulnerability_assessments"/,
  household: /"household_members"/,
  aid: /"distributions"|"vouchers"|"aid_items"/,
  history: /"case_status_changes"/,
  smsHistory: /"case_messages"/,
  supervisor: /"protection_supervisors"/,
  partners: /"organisations"\."kind"/,
};
type Section = keyof typeof SECTIONS;

/** The sections each page shows (its consent's and SMS's permission come from the latest consent). */
const SHOWN: Record<CaseFormPageName, Section[]> = {
  consent: ["partners"],
  assessment: ["assessment"],
  household: ["household"],
  referral: ["partners", "supervisor"],
  sms: [],
  account: [],
};

type Reader = Awaited<ReturnType<typeof makeUser>>;

/** The page's loader, as the route calls it, for `user` over `db`. */
function openPage<P extends CaseFormPageName>(db: Database, user: Reader, caseId: string, page: P) {
  const context = {
    db,
    auth: {
      user: { ...asActor(user), caseAccessPending: false, displayName: user.displayName, locale: "fr" },
      sessionId: "test",
      expiresAt: new Date(Date.now() + 3600_000),
      unread: 0,
    },
    locale: "fr",
    ip: "10.1.2.3",
  } as unknown as AppLoadContext;
  const url = `http://portal.test/protection/cases/${caseId}/${page}`;
  const args: LoaderFunctionArgs = { request: new Request(url), params: { caseId }, context };
  return caseFormPageLoader(args, page);
}

async function scene() {
  const org = await makeOrganisation(t.db);
  const partnerB = await makeOrganisation(t.db);
  const partnerC = await makeOrganisation(t.db);
  const worker = await makeUser(t.db, { role: "case_worker", organisationId: org.id });
  const supervisor = await makeUser(t.db, { role: "case_worker", organisationId: org.id });
  await makeSupervisor(t.db, supervisor.id);
  // something in every section, the consent naming B only (C is the supervisor's override)
  const c = await makeCase(
    t.db,
    { organisationId: org.id, createdById: worker.id, phone: "+212600445566" },
    { sms: true, language: "ar", partners: [partnerB.id] },
  );
  await makeNote(t.db, c.id, worker.id, "Note du dossier");
  await makeAssessment(t.db, c.id, worker.id, ["irregular_situation", "unaccompanied_child"], "Évaluation");
  await makeService(t.db, {
    caseId: c.id,
    kind: "legal",
    serviceDate: "2026-11-02",
    status: "open",
    recordedById: worker.id,
  });
  await t.db.insert(schema.householdMembers).values([
    { caseId: c.id, relationship: "child", sex: "female", birthYear: 2019, createdById: worker.id },
    { caseId: c.id, relationship: "spouse", sex: "male", birthYear: null, createdById: worker.id },
  ]);
  return { org, partnerB, partnerC, worker, supervisor, c };
}

describe("a case file's form page", () => {
  it("reads its own part in one statement after the opening, and no other section of the file", async () => {
    const { worker, c } = await scene();
    const { db: counted, statements } = countingDb(t.sql);
    for (const page of PAGES) {
      await openPage(counted, worker, c.id, page); // statements built once per handle: not counted
      statements.length = 0;
      await openPage(counted, worker, c.id, page);
      // requireOwnCase's read, the opening (the case with its audit row), the page's part
      if (page !== "account") expect(statements, page).toHaveLength(3);
      for (const [section, pattern] of Object.entries(SECTIONS)) {
        const read = statements.some((q) => pattern.test(q));
        expect(read, `${page} reads ${section}`).toBe(SHOWN[page].includes(section as Section));
      }
    }
  });

  it("shows what the file's own data gives for it, to a case worker and to a supervisor", async () => {
    const { org, partnerB, partnerC, worker, supervisor, c } = await scene();
    for (const reader of [worker, supervisor]) {
      const actor = asActor(reader);
      const file = await loadCaseFile(t.db, actor, c.id, { ip: null, locale: "fr" });
      const partners = await partnerAssociations(t.db, org.id);
      const header = { case: { id: c.id, reference: c.reference }, name: file.name };
      expect(await openPage(t.db, reader, c.id, "consent")).toEqual({ ...header, partners });
      expect(await openPage(t.db, reader, c.id, "assessment")).toEqual({
        ...header,
        flags: file.vulnerability?.flags,
        today: file.today,
      });
      expect(await openPage(t.db, reader, c.id, "household")).toEqual({ ...header, household: file.household });
      const referral = await openPage(t.db, reader, c.id, "referral");
      expect(referral).toEqual({
        ...header,
        targets: referralTargets(file.consent, partners, file.supervisor),
        consentLive: referralConsentLive(file.consent),
        supervisor: file.supervisor,
      });
      // the case worker may send to B only (the consent names it), the supervisor to C too (the override)
      const ids = referral.targets.map((p) => p.id);
      if (reader === supervisor) expect(ids).toEqual(expect.arrayContaining([partnerB.id, partnerC.id]));
      else expect(ids).toEqual([partnerB.id]);
      expect(await openPage(t.db, reader, c.id, "sms")).toEqual({
        ...header,
        sms: { blocker: file.sms?.blocker, language: "ar" },
      });
      const opened = await getCaseForActor(t.db, actor, c.id);
      expect(await openPage(t.db, reader, c.id, "account")).toEqual({
        ...header,
        account: await accountPanel(t.db, actor, opened!, { suggest: true }),
      });
    }
  });
});
