/**
 * The duplicate check: cases that may be the same person as one being registered (or
 * imported). Never a merge: the person deciding opens the existing case, or confirms
 * this is someone else.
 */
import { and, desc, inArray, isNotNull, isNull, not, or, sql, type SQL } from "drizzle-orm";
import type { SelectResultFields } from "drizzle-orm/query-builders/select.types";
import { runPrepared, type Executor } from "~db/client";
import { beneficiaryCases } from "~db/schema";
import type { Actor } from "~/modules/auth/permissions";
import { decrypt } from "./crypto.server";
import {
  documentHashes,
  documentIs,
  nameWordHashes,
  openNames,
  phoneHashes,
  phoneIs,
  sealedNameColumns,
  type PersonHashes,
} from "./identity.server";
import { sectionScope, sectionScopeOf } from "./reach.server";
import {
  birthYearOf,
  dayMonthSwapped,
  duplicateReasons,
  ESTIMATED_BIRTH_YEAR_SLACK,
  normaliseDocument,
  normalisePhone,
  type DuplicateReason,
  type PersonKey,
} from "./rules";
import { moroccoToday } from "~/lib/morocco-time";

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

/** The year a stored case's estimated age was given in: the year it was registered. */
const estimatedBirthYear = sql<number>`extract(year from ${beneficiaryCases.createdAt})::int - ${beneficiaryCases.estimatedAge}`;

/**
 * What `bornNear` asks of cases born near `person` when one side only has an estimated
 * age (rules.ts birthsAgree): a folded name word in common (their keyed hashes), since a
 * window of five years is wide, and a birth year in the window, an estimated one or, when
 * the person's own is estimated, a dated one too. Null without a birth or a name word.
 * `names`: the name words' hashes when the caller has them (a stored case's, `storedPersonHashes`).
 */
function bornNearWindow(
  person: PersonKey,
  names = nameWordHashes([`${person.firstName} ${person.lastName}`, person.nameArabic]),
) {
  const born = birthYearOf(person);
  if (!born || !names.length) return null;
  const [from, to] = [born.year - ESTIMATED_BIRTH_YEAR_SLACK, born.year + ESTIMATED_BIRTH_YEAR_SLACK];
  return { names, from, to, dated: born.estimated };
}

type BornNear = { names: unknown; from: unknown; to: unknown; dated: unknown };

/** The condition of a `bornNearWindow`, its values given or a prepared statement's placeholders. */
function bornNearSql(w: BornNear): SQL {
  const estimated = and(
    isNotNull(beneficiaryCases.estimatedAge),
    sql`${estimatedBirthYear} between ${w.from}::int and ${w.to}::int`,
  );
  const dated = sql`(${w.dated}::boolean and ${beneficiaryCases.dateOfBirth} between make_date(${w.from}::int, 1, 1) and make_date(${w.to}::int, 12, 31))`;
  return sql`(${beneficiaryCases.nameKeys} && ${w.names}::text[] and ${or(estimated, dated)})`;
}

/** Cases born near `person`, as `bornNearWindow` says; null when it asks nothing. */
function bornNear(person: PersonKey): SQL | null {
  const w = bornNearWindow(person);
  // the hashes as one array parameter (an array given to sql`` is written as a list of them)
  return w ? bornNearSql({ ...w, names: sql.param(w.names) }) : null;
}

/** What a candidate case is read with: its names sealed, its birth, its phone and document sealed. */
const candidateColumns = {
  id: beneficiaryCases.id,
  reference: beneficiaryCases.reference,
  ...sealedNameColumns,
  dateOfBirth: beneficiaryCases.dateOfBirth,
  estimatedAge: beneficiaryCases.estimatedAge,
  createdAt: beneficiaryCases.createdAt,
  phoneEnc: beneficiaryCases.phoneEnc,
  documentNumberEnc: beneficiaryCases.documentNumberEnc,
};

type SealedCandidate = SelectResultFields<typeof candidateColumns>;

/** Candidates decrypted, with the year their estimated age was given in, for `duplicateReasons`. */
function openCandidates(sealed: readonly SealedCandidate[]) {
  return sealed.map(({ phoneEnc, documentNumberEnc, createdAt, ...row }) => ({
    ...row,
    ...openNames(row),
    ageGivenIn: createdAt.getUTCFullYear(),
    phone: phoneEnc ? decrypt(phoneEnc) : null,
    documentNumber: documentNumberEnc ? decrypt(documentNumberEnc) : null,
  }));
}

/** The day of birth as typed, and with its day and month swapped (rules.ts birthsAgree). */
function birthDays(persons: readonly PersonKey[]): string[] {
  return [
    ...new Set(persons.flatMap((p) => (p.dateOfBirth ? [p.dateOfBirth, dayMonthSwapped(p.dateOfBirth)] : []))),
  ].filter((d): d is string => !!d);
}

/** The cases in `scope` whose phone, document or birth any of `persons` has, decrypted. */
async function casesMatchingAny(db: Executor, scope: SQL | undefined, persons: readonly PersonKey[], limit: number) {
  const matches = persons
    .flatMap((person) => [phoneIs(person.phone), documentIs(person.documentNumber), bornNear(person)])
    .filter((c) => c !== null);
  const days = birthDays(persons);
  if (days.length) matches.push(inArray(beneficiaryCases.dateOfBirth, days));
  if (!matches.length) return [];
  const sealed = await db
    .select(candidateColumns)
    .from(beneficiaryCases)
    .where(and(scope, isNull(beneficiaryCases.anonymisedAt), or(...matches)))
    .orderBy(desc(beneficiaryCases.createdAt))
    .limit(limit);
  return openCandidates(sealed);
}

/** An estimated age typed today was given this year (a stored case's, the year it was registered). */
function withAgeYear(person: PersonKey): PersonKey {
  if (person.estimatedAge == null || person.ageGivenIn != null) return person;
  return { ...person, ageGivenIn: Number(moroccoToday().slice(0, 4)) };
}

/**
 * The candidates filed under each phone, document and day of birth, and under their birth
 * year (an estimated one apart from a dated one), newest first. A year brings candidates
 * only where `birthsAgree` can answer "near": one side of the pair estimated. Two dated
 * people agree only on the day (or its swap): filing everyone under the years around
 * each person's made a 5,000-row list compare each row with every case born within five
 * years of it.
 */
function indexCandidates(rows: readonly Candidate[]) {
  const order = new Map(rows.map((row, i) => [row, i]));
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
    const born = birthYearOf(row);
    add(born ? `${born.estimated ? "e" : "y"}:${born.year}` : null, row);
  }
  return (person: PersonKey): Candidate[] => {
    const keys = [
      person.phone ? `p:${normalisePhone(person.phone)}` : null,
      person.documentNumber ? `d:${normaliseDocument(person.documentNumber)}` : null,
      person.dateOfBirth ? `b:${person.dateOfBirth}` : null,
      person.dateOfBirth ? `b:${dayMonthSwapped(person.dateOfBirth)}` : null,
    ];
    const born = birthYearOf(person);
    if (born)
      for (let y = born.year - ESTIMATED_BIRTH_YEAR_SLACK; y <= born.year + ESTIMATED_BIRTH_YEAR_SLACK; y++) {
        keys.push(`e:${y}`);
        if (born.estimated) keys.push(`y:${y}`);
      }
    const seen = new Set<Candidate>(keys.flatMap((k) => (k ? (index.get(k) ?? []) : [])));
    return [...seen].sort((a, b) => order.get(a)! - order.get(b)!);
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
  // only identities the actor already sees: the check itself reveals nothing
  const scope = sectionScope(actor, "identity");
  for (let from = 0; from < persons.length; from += CHUNK) {
    const chunk = persons.slice(from, from + CHUNK).map(withAgeYear);
    // one person: the 500 latest matches, as registration always had; a list: as many for each
    const rows = await casesMatchingAny(db, scope, chunk, 500 * chunk.length);
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

/**
 * Whether a case of another association, out of the actor's reach, may be the same
 * person (the same rule, on identity only). Answers yes or no and nothing else: never
 * which association, which case or why (docs/decisions/0135-linking-and-dedup-across.md).
 * Asked on every view of a case file: one statement built once (`runPrepared`), its
 * person's hashes, days and years as placeholders, an empty list where a search by
 * phone, document, name or day asks nothing. `hashes`: the person's keyed hashes as its
 * stored case holds them (`storedPersonHashes`), else computed from `person`.
 */
export async function possibleMatchElsewhere(
  db: Executor,
  actor: Actor,
  person: PersonKey,
  exceptCaseId?: string,
  hashes?: PersonHashes | null,
): Promise<boolean> {
  if (actor.role !== "case_worker" || !actor.organisationId) return false;
  const key = withAgeYear(person);
  const near = hashes ? bornNearWindow(key, hashes.names) : bornNearWindow(key);
  const values = {
    org: actor.organisationId,
    except: exceptCaseId ?? null,
    phones: hashes ? hashes.phones : phoneHashes(key.phone),
    documents: hashes ? hashes.documents : documentHashes(key.documentNumber),
    days: birthDays([key]),
    names: near?.names ?? [],
    from: near?.from ?? 0,
    to: near?.to ?? 0,
    dated: near?.dated ?? false,
  };
  if (!values.phones.length && !values.documents.length && !values.days.length && !near) return false;
  const sealed = await runPrepared(db, "protection_match_elsewhere", elsewhereQuery, values);
  return openCandidates(sealed).some((row) => duplicateReasons(key, row).length > 0);
}

const placeholder = sql.placeholder;

/** `possibleMatchElsewhere`'s statement: `casesMatchingAny` for one person, out of the reach of association `org`. */
const elsewhereQuery = (db: Executor) => {
  const org = placeholder("org");
  const except = placeholder("except");
  return db
    .select(candidateColumns)
    .from(beneficiaryCases)
    .where(
      and(
        sql`${beneficiaryCases.organisationId} <> ${org}::uuid`,
        not(sectionScopeOf(org, "identity")),
        sql`(${except}::uuid is null or ${beneficiaryCases.id} <> ${except}::uuid)`,
        isNull(beneficiaryCases.anonymisedAt),
        or(
          sql`${beneficiaryCases.phoneHash} = any(${placeholder("phones")}::text[])`,
          sql`${beneficiaryCases.documentHash} = any(${placeholder("documents")}::text[])`,
          bornNearSql({
            names: placeholder("names"),
            from: placeholder("from"),
            to: placeholder("to"),
            dated: placeholder("dated"),
          }),
          // typed text[] first: the driver has no serializer for date[]
          sql`${beneficiaryCases.dateOfBirth} = any(${placeholder("days")}::text[]::date[])`,
        ),
      ),
    )
    .orderBy(desc(beneficiaryCases.createdAt))
    .limit(500);
};
