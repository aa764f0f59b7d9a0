/**
 * A list of people registered as applicants, as the office registers a walk-in
 * (docs/decisions/0132-import-applicants-and-attendance.md): each row checked with the
 * office form's schema, its phone or e-mail refused when an account holds it, its likely
 * duplicates among the people this association's office registered; on confirmation each
 * becomes a staff-managed account (no password, a sign-in identifier, the notice recorded).
 */
import { randomInt } from "node:crypto";
import { inArray, or } from "drizzle-orm";
import type { Executor } from "~db/client";
import { isUniqueViolation } from "~db/errors";
import {
  actsForPeople,
  importedRows,
  officeRegistrations,
  privacyAcceptances,
  profiles,
  users,
  type ImportBatch,
} from "~db/schema";
import type { Locale } from "~/i18n/config";
import type { MessageKey } from "~/i18n/translate";
import type { Meta } from "~/lib/result";
import { audit } from "~/modules/audit/service.server";
import { PRIVACY_NOTICE_VERSION } from "~/modules/auth/constants";
import type { Actor } from "~/modules/auth/permissions";
import { formatLoginId, LOGIN_ID_LENGTH, loginIdFrom } from "~/modules/auth/rules";
import { officeRegisteredByName } from "~/modules/office/queries.server";
import { RegisterPersonSchema, type RegisterPersonInput } from "~/modules/office/schemas.server";
import { decryptJson } from "~/modules/protection/crypto.server";
import { foldName } from "~/modules/protection/rules";
import {
  readLanguage,
  readNoticeLanguage,
  readResidentStatus,
  readSex,
  readYesNo,
  rowsToWrite,
  type Cells,
  type ImportField,
  type RowProblem,
} from "./rules";
import type { PreviewRow, StoredRows } from "./types";

export type ImportedApplicant = RegisterPersonInput;

const SCHEMA_FIELD: Record<string, ImportField> = { givenName: "firstName", familyName: "lastName" };

/** The applicant of a row, or every problem that keeps it out. */
export function checkApplicantRow(
  cells: Cells,
  locale: Locale,
): { person: ImportedApplicant | null; problems: RowProblem[] } {
  const problems: RowProblem[] = [];
  if (Object.values(cells).some((v) => v?.includes("\u0000")))
    return { person: null, problems: [{ field: "row", message: "errors.invalid" }] };
  const input: Record<string, string> = {};
  const put = (field: string, value: string | undefined) => {
    if (value) input[field] = value;
  };
  put("givenName", cells.firstName);
  put("familyName", cells.lastName);
  if (cells.sex) {
    const sex = readSex(cells.sex);
    if (sex === "female" || sex === "male") input.sex = sex;
    else problems.push({ field: "sex", message: "imports.problems.sexApplicant" });
  }
  if (cells.nationality) put("nationality", cells.nationality.trim().toUpperCase());
  if (cells.residentStatus) {
    const status = readResidentStatus(cells.residentStatus);
    if (status) input.residentStatus = status;
    else problems.push({ field: "residentStatus", message: "imports.problems.residentStatus" });
  }
  put("phone", cells.phone);
  put("email", cells.email);
  const portal = readLanguage(cells.locale ?? "", locale);
  if (portal) input.locale = portal;
  else problems.push({ field: "locale", message: "imports.problems.language" });
  const notice = readNoticeLanguage(cells.noticeLanguage ?? "");
  if (notice) input.noticeLanguage = notice;
  // the notice read to the person is the consent an account is opened on: a yes, nothing less
  if (readYesNo(cells.noticeRead ?? "") === true) input.noticeRead = "on";
  const parsed = RegisterPersonSchema.safeParse(input);
  if (!parsed.success)
    for (const issue of parsed.error.issues) {
      const key = String(issue.path[0] ?? "row");
      const field = SCHEMA_FIELD[key] ?? (key as ImportField);
      if (!problems.some((p) => p.field === field)) problems.push({ field, message: issue.message as MessageKey });
    }
  if (!parsed.success || problems.length) return { person: null, problems };
  return { person: parsed.data, problems };
}

/**
 * Rows whose phone or e-mail an account already holds get a problem (an account has one
 * of each); the others, the people this association's office registered with the same
 * folded name as likely duplicates (a name is all a walk-in may have).
 */
export async function markApplicantDuplicates(
  db: Executor,
  organisationId: string,
  rows: PreviewRow<ImportedApplicant>[],
) {
  const ready = rows.filter((r) => r.person && r.problems.length === 0);
  const phones = ready.flatMap((r) => (r.person!.phone ? [r.person!.phone] : []));
  const emails = ready.flatMap((r) => (r.person!.email ? [r.person!.email] : []));
  const taken = new Set<string>();
  for (let i = 0; i < Math.max(phones.length, emails.length); i += 1000) {
    const p = phones.slice(i, i + 1000);
    const e = emails.slice(i, i + 1000);
    const found = await db
      .select({ phone: users.phone, email: users.email })
      .from(users)
      .where(or(p.length ? inArray(users.phone, p) : undefined, e.length ? inArray(users.email, e) : undefined));
    for (const f of found) {
      if (f.phone) taken.add(`p:${f.phone}`);
      if (f.email) taken.add(`e:${f.email}`);
    }
  }
  const byName = await officeRegisteredByName(db, organisationId);
  for (const row of ready) {
    const p = row.person!;
    if (p.phone && taken.has(`p:${p.phone}`))
      row.problems.push({ field: "phone", message: "imports.problems.phoneTaken" });
    if (p.email && taken.has(`e:${p.email}`))
      row.problems.push({ field: "email", message: "imports.problems.emailTaken" });
    if (row.problems.length) continue;
    row.duplicates = (byName.get(foldName(`${p.givenName} ${p.familyName}`)) ?? []).map((k) => ({
      id: k.id,
      reference: k.loginId ? formatLoginId(k.loginId) : "",
      name: [k.givenName, k.familyName].filter(Boolean).join(" "),
      reasons: ["name"],
    }));
  }
}

function newLoginId(): string {
  return loginIdFrom(Array.from({ length: LOGIN_ID_LENGTH }, () => randomInt(0, 1 << 30)));
}

/**
 * Each row's key first (imported once per association, whatever file brings it), then the
 * account as the office writes it: no password, an identifier, the profile, the notice
 * read (in the list's language for it, vouched for by the person confirming), the
 * acceptance, an act "registration" the person reads, an audit row. Each person in a
 * savepoint: a phone or e-mail taken since the preview leaves that row out, not the list.
 */
export async function writeApplicantRows(
  tx: Executor,
  actor: Actor,
  batch: Pick<ImportBatch, "id" | "organisationId">,
  rowsEnc: string,
  distinctLines: ReadonlySet<number>,
  meta: Meta,
): Promise<number> {
  const stored = decryptJson<StoredRows<ImportedApplicant>>(rowsEnc);
  const rows = rowsToWrite(stored.rows, distinctLines).filter((r) => r.person);
  const now = meta.now ?? new Date();
  let written = 0;
  for (const row of rows) {
    for (let attempt = 0; ; attempt++) {
      try {
        await tx.transaction((sp) => writeApplicant(sp, actor, batch, row, now, meta));
        written++;
        break;
      } catch (error) {
        if (error instanceof AlreadyImported) break;
        if (isUniqueViolation(error, "users_login_id_key") && attempt < 4) continue;
        if (isUniqueViolation(error, "users_phone_key") || isUniqueViolation(error, "users_email_key")) break;
        throw error;
      }
    }
  }
  return written;
}

/** One person of the list, in its savepoint: the key first, then the account as the office writes it. */
async function writeApplicant(
  sp: Executor,
  actor: Actor,
  batch: Pick<ImportBatch, "id" | "organisationId">,
  row: PreviewRow<ImportedApplicant>,
  now: Date,
  meta: Meta,
): Promise<void> {
  const p = row.person!;
  const [person] = await sp
    .insert(users)
    .values({
      displayName: `${p.givenName} ${p.familyName}`,
      phone: p.phone,
      email: p.email,
      loginId: newLoginId(),
      role: "applicant",
      locale: p.locale,
    })
    .returning({ id: users.id });
  if (!person) throw new Error("insert returned no row");
  const [fresh] = await sp
    .insert(importedRows)
    .values({
      organisationId: batch.organisationId,
      kind: "applicants",
      rowKey: row.key,
      batchId: batch.id,
      entityId: person.id,
    })
    .onConflictDoNothing()
    .returning({ entityId: importedRows.entityId });
  // imported meanwhile by another list: undo this account (the savepoint rolls back)
  if (!fresh) throw new AlreadyImported();
  await sp.insert(profiles).values({
    userId: person.id,
    givenName: p.givenName,
    familyName: p.familyName,
    sex: p.sex ?? null,
    nationality: p.nationality ?? null,
    residentStatus: p.residentStatus ?? null,
  });
  await sp.insert(officeRegistrations).values({
    userId: person.id,
    registeredById: actor.id,
    organisationId: batch.organisationId,
    noticeVersion: PRIVACY_NOTICE_VERSION,
    noticeLanguage: p.noticeLanguage,
    noticeReadById: actor.id,
    noticeReadAt: now,
  });
  await sp
    .insert(privacyAcceptances)
    .values({ userId: person.id, noticeVersion: PRIVACY_NOTICE_VERSION, locale: p.locale, acceptedAt: now });
  await sp.insert(actsForPeople).values({
    personId: person.id,
    staffId: actor.id,
    staffOrganisationId: batch.organisationId,
    kind: "registration",
    entityId: null,
    agreedAt: now,
    createdAt: now,
  });
  await audit(sp, {
    actor,
    action: "office.registration.import",
    entityType: "user",
    entityId: person.id,
    ip: meta.ip,
  });
}

class AlreadyImported extends Error {}
