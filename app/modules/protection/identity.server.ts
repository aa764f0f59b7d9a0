/**
 * A case's identity (names, phone, document number, household notes) and a service's
 * free text (provider, facility, place, country of return...) are stored encrypted
 * (crypto.server.ts), with keyed hashes where search and the duplicate check need
 * equality: the normalised phone, the normalised document number, the folded words of
 * the names. Every write seals here, every read opens here
 * (docs/decisions/0101-identifiers-encrypted.md).
 */
import { and, inArray, or, sql, type SQL } from "drizzle-orm";
import {
  beneficiaryCases,
  type BeneficiaryCase,
  type BeneficiaryCaseRow,
  type SealedColumns,
  type CaseIdentity,
  type CaseService,
} from "~db/schema";
import {
  decrypt,
  decryptJson,
  encrypt,
  encryptJson,
  keyedHash,
  keyedHashes,
  keyIdOf,
  knownKeyIds,
} from "./crypto.server";
import { nameQueryWords, nameSearchWords, normaliseDocument, normalisePhone, splitServiceFields } from "./rules";

const sealOrNull = (value: string | null | undefined) => (value ? encrypt(value) : null);
const openOrNull = (value: string | null) => (value ? decrypt(value) : null);

/** The columns that store an identity: encrypted values and the keyed hashes of its normalised parts. */
export function sealIdentity(identity: CaseIdentity) {
  const phone = normalisePhone(identity.phone);
  const document = normaliseDocument(identity.documentNumber);
  return {
    firstNameEnc: encrypt(identity.firstName),
    lastNameEnc: encrypt(identity.lastName),
    nameArabicEnc: sealOrNull(identity.nameArabic),
    phoneEnc: sealOrNull(phone),
    documentNumberEnc: sealOrNull(document),
    householdNotesEnc: sealOrNull(identity.householdNotes),
    phoneHash: phone ? keyedHash("phone", phone) : null,
    documentHash: document ? keyedHash("document", document) : null,
    nameKeys: nameSearchWords([`${identity.firstName} ${identity.lastName}`, identity.nameArabic]).map((w) =>
      keyedHash("name", w),
    ),
  };
}

type SealedNames = Pick<BeneficiaryCaseRow, "firstNameEnc" | "lastNameEnc" | "nameArabicEnc">;

/** The names of a row, decrypted: what a list shows. */
export function openNames(row: SealedNames) {
  return {
    firstName: openOrNull(row.firstNameEnc) ?? "",
    lastName: openOrNull(row.lastNameEnc) ?? "",
    nameArabic: openOrNull(row.nameArabicEnc),
  };
}

const HIDDEN: CaseIdentity = {
  firstName: "",
  lastName: "",
  nameArabic: null,
  phone: null,
  documentNumber: null,
  householdNotes: null,
};

/**
 * A case as the application sees it: the stored row with its identity decrypted, or
 * left blank where the reader does not see the identity section (nothing decrypted).
 */
export function openCase(row: BeneficiaryCaseRow, identityVisible = true): BeneficiaryCase {
  const {
    firstNameEnc,
    lastNameEnc,
    nameArabicEnc,
    phoneEnc,
    documentNumberEnc,
    householdNotesEnc,
    phoneHash: _phoneHash,
    documentHash: _documentHash,
    nameKeys: _nameKeys,
    ...rest
  } = row;
  if (!identityVisible) return { ...rest, ...HIDDEN };
  return {
    ...rest,
    ...openNames({ firstNameEnc, lastNameEnc, nameArabicEnc }),
    phone: openOrNull(phoneEnc),
    documentNumber: openOrNull(documentNumberEnc),
    householdNotes: openOrNull(householdNotesEnc),
  };
}

/** The columns of the names, for a select that lists cases (decrypt them with `openNames`). */
export const sealedNameColumns = {
  firstNameEnc: beneficiaryCases.firstNameEnc,
  lastNameEnc: beneficiaryCases.lastNameEnc,
  nameArabicEnc: beneficiaryCases.nameArabicEnc,
};

/** The keyed hashes a phone is stored under (under every key held: a rotation may be under way); none when it is no phone. */
export function phoneHashes(phone: string | null | undefined): string[] {
  const normalised = normalisePhone(phone);
  return normalised ? keyedHashes("phone", normalised) : [];
}

/** The keyed hashes a document number is stored under, as `phoneHashes`. */
export function documentHashes(document: string | null | undefined): string[] {
  const normalised = normaliseDocument(document);
  return normalised ? keyedHashes("document", normalised) : [];
}

/** Cases whose phone is `phone` (under any key held: a rotation may be under way); null when it is no phone. */
export function phoneIs(phone: string | null | undefined): SQL | null {
  const hashes = phoneHashes(phone);
  return hashes.length ? inArray(beneficiaryCases.phoneHash, hashes) : null;
}

export function documentIs(document: string | null | undefined): SQL | null {
  const hashes = documentHashes(document);
  return hashes.length ? inArray(beneficiaryCases.documentHash, hashes) : null;
}

const textArray = (values: string[]) =>
  sql`array[${sql.join(
    values.map((v) => sql`${v}`),
    sql`, `,
  )}]::text[]`;

/** Cases whose names hold every folded word of `q` (or its compact form); null when `q` has none. */
export function namesMatch(q: string): SQL | null {
  const { all, compact } = nameQueryWords(q);
  const hasWord = (word: string) => sql`${beneficiaryCases.nameKeys} && ${textArray(keyedHashes("name", word))}`;
  const conditions = [all.length ? and(...all.map(hasWord)) : undefined, compact ? hasWord(compact) : undefined];
  return or(...conditions) ?? null;
}

/** The keyed hashes of the folded words of these names (under every key held), as `nameKeys` stores them. */
export function nameWordHashes(names: readonly (string | null | undefined)[]): string[] {
  return nameSearchWords(names).flatMap((word) => keyedHashes("name", word));
}

/** The columns of a case's identity encrypted under a key (a rotation rewrites them: at-rest.server.ts). */
export const SEALED_VALUES = [
  "firstNameEnc",
  "lastNameEnc",
  "nameArabicEnc",
  "phoneEnc",
  "documentNumberEnc",
  "householdNotesEnc",
] as const satisfies readonly SealedColumns[];

/** What a lookup of a person asks for: the keyed hashes of the phone, the document number and the name words. */
export type PersonHashes = { phones: string[]; documents: string[]; names: string[] };

type SealedIdentity = Pick<BeneficiaryCaseRow, SealedColumns>;

/**
 * The hashes a lookup of a stored case's own person asks for, read from its row: exactly
 * what `phoneHashes`, `documentHashes` and `nameWordHashes` compute from its decrypted
 * identity when this process holds one key and the row's values are under it, since
 * `sealIdentity` wrote the hashes with the ciphertexts under one key (`rotateKeys` renews
 * both together). Null otherwise: during a rotation a lookup asks for each value's hash
 * under every key held, and the caller computes them (docs/decisions/0206-elsewhere-check-stored-hashes.md).
 */
export function storedPersonHashes(row: SealedIdentity): PersonHashes | null {
  const held = knownKeyIds();
  if (held.length !== 1 || !row.firstNameEnc || !row.lastNameEnc) return null;
  if (SEALED_VALUES.some((column) => row[column] !== null && keyIdOf(row[column]) !== held[0])) return null;
  return {
    phones: row.phoneHash ? [row.phoneHash] : [],
    documents: row.documentHash ? [row.documentHash] : [],
    names: row.nameKeys,
  };
}

/** Cases sharing at least one folded word of any of these names (their keyed hashes); null when none has a letter. */
export function sharesANameWord(names: readonly (string | null | undefined)[]): SQL | null {
  const hashes = nameWordHashes(names);
  return hashes.length ? sql`${beneficiaryCases.nameKeys} && ${textArray(hashes)}` : null;
}

/** A service's fields as stored: the structured ones in the clear, the free text sealed. */
export function sealServiceFields(fields: Record<string, string | number | null | undefined>) {
  const { open, secret } = splitServiceFields(fields);
  return { details: open, detailsEnc: Object.keys(secret).length ? encryptJson(secret) : null };
}

/** A service as read: its free text decrypted back among its details (the provider apart). */
export function openService<S extends Pick<CaseService, "details" | "detailsEnc">>(service: S) {
  const { detailsEnc, ...rest } = service;
  const { provider, ...secret } = detailsEnc ? decryptJson<Record<string, string | number | null>>(detailsEnc) : {};
  return {
    ...rest,
    provider: typeof provider === "string" ? provider : null,
    details: { ...service.details, ...secret },
  };
}
