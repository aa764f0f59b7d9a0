/**
 * The duplicate check: cases that may be the same person as one being registered (or
 * imported). Never a merge: the person deciding opens the existing case, or confirms
 * this is someone else.
 */
import { and, desc, inArray, isNull, or } from "drizzle-orm";
import type { Executor } from "~db/client";
import { beneficiaryCases } from "~db/schema";
import type { Actor } from "~/modules/auth/permissions";
import { decrypt } from "./crypto.server";
import { documentIs, openNames, phoneIs, sealedNameColumns } from "./identity.server";
import { sectionScope } from "./reach.server";
import { duplicateReasons, normaliseDocument, normalisePhone, type DuplicateReason, type PersonKey } from "./rules";

export type DuplicateCandidate = {
  id: string;
  reference: string;
  firstName: string;
  lastName: string;
  nameArabic: string | null;
  dateOfBirth: string | null;
  reasons: DuplicateReason[];
};

/**
 * Cases that may be the same person: same phone, same document number, or a close
 * name with the same date of birth. Looked for among the cases the actor can reach
 * only, so the check itself never reveals another association's cases. Phone and
 * document are found by their keyed hashes; the names are encrypted, so the candidates
 * born the same day are decrypted and compared in memory (rules.ts duplicateReasons).
 */
export async function findDuplicateCandidates(
  db: Executor,
  actor: Actor,
  person: PersonKey,
): Promise<DuplicateCandidate[]> {
  const [found = []] = await findDuplicatesOfEach(db, actor, [person]);
  return found;
}

type Candidate = Awaited<ReturnType<typeof casesMatchingAny>>[number];

/** The cases the actor sees whose phone, document or date of birth any of `persons` has, decrypted. */
async function casesMatchingAny(db: Executor, actor: Actor, persons: readonly PersonKey[], limit: number) {
  const matches = persons
    .flatMap((person) => [phoneIs(person.phone), documentIs(person.documentNumber)])
    .filter((c) => c !== null);
  const days = [...new Set(persons.map((p) => p.dateOfBirth).filter((d): d is string => !!d))];
  if (days.length) matches.push(inArray(beneficiaryCases.dateOfBirth, days));
  if (!matches.length) return [];
  const sealed = await db
    .select({
      id: beneficiaryCases.id,
      reference: beneficiaryCases.reference,
      ...sealedNameColumns,
      dateOfBirth: beneficiaryCases.dateOfBirth,
      phoneEnc: beneficiaryCases.phoneEnc,
      documentNumberEnc: beneficiaryCases.documentNumberEnc,
    })
    .from(beneficiaryCases)
    // only identities the actor already sees: the check itself reveals nothing
    .where(and(sectionScope(actor, "identity"), isNull(beneficiaryCases.anonymisedAt), or(...matches)))
    .orderBy(desc(beneficiaryCases.createdAt))
    .limit(limit);
  return sealed.map(({ phoneEnc, documentNumberEnc, ...row }) => ({
    ...row,
    ...openNames(row),
    phone: phoneEnc ? decrypt(phoneEnc) : null,
    documentNumber: documentNumberEnc ? decrypt(documentNumberEnc) : null,
  }));
}

/** The candidates filed under each phone, document and day of birth, newest first. */
function indexCandidates(rows: readonly Candidate[]) {
  const index = new Map<string, Candidate[]>();
  const add = (key: string | null, row: Candidate) => {
    if (!key) return;
    const list = index.get(key);
    if (list) list.push(row);
    else index.set(key, [row]);
  };
  for (const row of rows) {
    add(row.phone ? `p:${normalisePhone(row.phone)}` : null, row);
    add(row.documentNumber ? `d:${normaliseDocument(row.documentNumber)}` : null, row);
    add(row.dateOfBirth ? `b:${row.dateOfBirth}` : null, row);
  }
  return (person: PersonKey): Candidate[] => {
    const keys = [
      person.phone ? `p:${normalisePhone(person.phone)}` : null,
      person.documentNumber ? `d:${normaliseDocument(person.documentNumber)}` : null,
      person.dateOfBirth ? `b:${person.dateOfBirth}` : null,
    ];
    const seen = new Set<Candidate>(keys.flatMap((k) => (k ? (index.get(k) ?? []) : [])));
    return rows.filter((row) => seen.has(row));
  };
}

/**
 * `findDuplicateCandidates` for many people at once (an imported list): one query per
 * thousand people rather than one each, the same rule (rules.ts duplicateReasons) per pair.
 */
export async function findDuplicatesOfEach(
  db: Executor,
  actor: Actor,
  persons: readonly PersonKey[],
): Promise<DuplicateCandidate[][]> {
  const result: DuplicateCandidate[][] = [];
  const CHUNK = 1000;
  for (let from = 0; from < persons.length; from += CHUNK) {
    const chunk = persons.slice(from, from + CHUNK);
    // one person: the 500 latest matches, as registration always had; a list: as many for each
    const rows = await casesMatchingAny(db, actor, chunk, 500 * chunk.length);
    const candidatesOf = indexCandidates(rows);
    for (const person of chunk) {
      const found: DuplicateCandidate[] = [];
      for (const row of candidatesOf(person)) {
        const reasons = duplicateReasons(person, row);
        if (reasons.length)
          found.push({
            id: row.id,
            reference: row.reference,
            firstName: row.firstName,
            lastName: row.lastName,
            nameArabic: row.nameArabic,
            dateOfBirth: row.dateOfBirth,
            reasons,
          });
        if (found.length === 20) break;
      }
      result.push(found);
    }
  }
  return result;
}
