/**
 * Pure rules of imports: which column of an uploaded list is which field (the documented
 * French and English names, and the names a KoBo export uses), how a cell's text becomes
 * a value (KoBo's select_one answers, dates as people and spreadsheets write them), and
 * what makes two rows of a file the same row (docs/modules/imports.md).
 */
import { foldName, normaliseDocument, normalisePhone } from "~/modules/protection/rules";
import type { MessageKey } from "~/i18n/translate";
import { LOCALES, type Locale } from "~/i18n/config";
import { can, type Action, type Actor } from "~/modules/auth/permissions";
import { NOTICE_LANGUAGES, type NoticeLanguage } from "~/modules/office/constants";
import type { AttendanceMark } from "~/modules/trainings/rules";

export const IMPORT_KINDS = ["cases", "applicants", "attendance"] as const;
export type ImportKind = (typeof IMPORT_KINDS)[number];

/**
 * Who imports what: a kind is open to whoever may do its work by hand (register a case,
 * register a person in the office, take a session's attendance), and for the same records.
 */
const KIND_PERMISSION: Record<ImportKind, Action> = {
  cases: "protection:use",
  applicants: "office:act",
  attendance: "trainings:attendance",
};

export function importKindsFor(actor: Actor): ImportKind[] {
  return actor.organisationId ? IMPORT_KINDS.filter((kind) => can(actor, KIND_PERMISSION[kind])) : [];
}

/** The largest file taken (about 20,000 rows of a case list) and the most rows read from it. */
export const MAX_IMPORT_BYTES = 2 * 1024 * 1024;
export const MAX_IMPORT_ROWS = 5000;

/**
 * The fields of a case list and the headers each is read from, first the documented ones
 * (English, French), then the usual KoBo names. A header is compared folded: lower case,
 * no accents, spaces and dashes as "_"; a KoBo group prefix ("identite/prenom") is dropped.
 */
export const CASE_COLUMNS = {
  firstName: ["first_name", "prenom", "firstname", "given_name"],
  lastName: ["last_name", "nom", "lastname", "family_name", "surname", "nom_de_famille"],
  nameArabic: ["name_arabic", "nom_arabe", "arabic_name", "name_ar"],
  sex: ["sex", "sexe", "gender", "genre"],
  dateOfBirth: ["date_of_birth", "date_de_naissance", "dob", "birth_date", "birthdate", "date_naissance"],
  estimatedAge: ["estimated_age", "age_estime", "age"],
  nationality: ["nationality", "nationalite"],
  languages: ["languages", "langues"],
  phone: ["phone", "telephone", "tel", "phone_number", "numero_de_telephone"],
  documentNumber: ["document_number", "numero_de_document", "id_number", "passport_number", "numero_piece"],
  city: ["city", "ville"],
  householdSize: ["household_size", "taille_du_menage", "taille_menage", "household"],
  consentServices: ["consent_services", "consentement_services", "consent", "consentement"],
  consentReporting: ["consent_reporting", "consentement_statistiques"],
  consentSms: ["consent_sms", "consentement_sms"],
  consentLanguage: ["consent_language", "langue_du_consentement"],
  sourceId: ["source_id", "identifiant_source", "_uuid", "uuid", "instanceid", "meta/instanceid"],
} as const satisfies Record<string, readonly string[]>;
export type CaseField = keyof typeof CASE_COLUMNS;
export const CASE_FIELDS = Object.keys(CASE_COLUMNS) as CaseField[];
/** Without these a case list cannot be read at all. */
export const REQUIRED_CASE_FIELDS: readonly CaseField[] = ["firstName", "lastName", "sex", "consentServices"];

/**
 * A list of people to register as applicants, as the office registers a walk-in
 * (docs/decisions/0132-import-applicants-and-attendance.md): names, and the notice read to
 * each (its language, and yes) are required; phone and e-mail only when the person has one.
 */
export const APPLICANT_COLUMNS = {
  firstName: CASE_COLUMNS.firstName,
  lastName: CASE_COLUMNS.lastName,
  sex: CASE_COLUMNS.sex,
  nationality: ["nationality", "nationalite", "country", "pays"],
  residentStatus: ["resident_status", "statut", "status", "migrant_ou_marocain"],
  phone: CASE_COLUMNS.phone,
  email: ["email", "e_mail", "courriel", "adresse_email"],
  locale: ["portal_language", "langue_du_portail", "langue", "language"],
  noticeLanguage: ["notice_language", "langue_de_la_notice", "notice_lue_en"],
  noticeRead: ["notice_read", "notice_lue", "notice_acceptee"],
  sourceId: CASE_COLUMNS.sourceId,
} as const satisfies Record<string, readonly string[]>;
export type ApplicantField = keyof typeof APPLICANT_COLUMNS;

/** Attendance of training sessions: one row per person and session. */
export const ATTENDANCE_COLUMNS = {
  session: ["session", "seance", "session_id", "reference_de_la_seance", "session_reference"],
  person: ["person", "personne", "identifier", "identifiant", "participant", "login_id"],
  mark: ["attendance", "presence", "mark", "present"],
  sourceId: CASE_COLUMNS.sourceId,
} as const satisfies Record<string, readonly string[]>;
export type AttendanceField = keyof typeof ATTENDANCE_COLUMNS;

export type ImportField = CaseField | ApplicantField | AttendanceField;

export const COLUMNS_OF: Record<ImportKind, Readonly<Partial<Record<ImportField, readonly string[]>>>> = {
  cases: CASE_COLUMNS,
  applicants: APPLICANT_COLUMNS,
  attendance: ATTENDANCE_COLUMNS,
};
export const REQUIRED_OF: Record<ImportKind, readonly ImportField[]> = {
  cases: REQUIRED_CASE_FIELDS,
  applicants: ["firstName", "lastName", "noticeLanguage", "noticeRead"],
  attendance: ["session", "person", "mark"],
};
export const fieldsOf = (kind: ImportKind) => Object.keys(COLUMNS_OF[kind]) as ImportField[];

/** KoBo's own bookkeeping columns: known, and left out without a word. */
const KOBO_META = new Set([
  "_id",
  "_submission_time",
  "_index",
  "_parent_index",
  "_parent_table_name",
  "_validation_status",
  "_submitted_by",
  "_status",
  "_notes",
  "_tags",
  "_version_",
  "__version__",
  "_xform_id_string",
  "_attachments",
  "_geolocation",
  "formhub/uuid",
  "start",
  "end",
  "today",
  "deviceid",
  "username",
]);

export function foldHeader(header: string): string {
  return header
    .replace(/^\ufeff/, "")
    .trim()
    .toLowerCase()
    .normalize("NFD")
    .replace(/\p{M}/gu, "")
    .replace(/[\s.-]+/g, "_");
}

const HEADER_FIELD = Object.fromEntries(
  IMPORT_KINDS.map((kind) => [
    kind,
    new Map<string, ImportField>(
      fieldsOf(kind).flatMap((field) => (COLUMNS_OF[kind][field] ?? []).map((name) => [name, field] as const)),
    ),
  ]),
) as Record<ImportKind, Map<string, ImportField>>;

/** The field a header names in a list of that kind, "meta" for a KoBo bookkeeping column, null when unknown. */
export function fieldOfHeader(header: string, kind: ImportKind = "cases"): ImportField | "meta" | null {
  const folded = foldHeader(header);
  const last = folded.split("/").pop() ?? folded;
  const field = HEADER_FIELD[kind].get(folded) ?? HEADER_FIELD[kind].get(last);
  if (field) return field;
  return KOBO_META.has(folded) || KOBO_META.has(last) ? "meta" : null;
}

export type ColumnMapping = {
  /** per column of the file, the field it fills (null: ignored) */
  fields: (ImportField | null)[];
  /** headers of the file that fill no field (KoBo's bookkeeping columns left out) */
  ignored: string[];
  missing: ImportField[];
  /** a field two columns claim: the first is read, the second is listed here */
  repeated: string[];
};

export function mapColumns(headers: readonly string[], kind: ImportKind = "cases"): ColumnMapping {
  const taken = new Set<ImportField>();
  const mapping: ColumnMapping = { fields: [], ignored: [], missing: [], repeated: [] };
  for (const header of headers) {
    const field = fieldOfHeader(header, kind);
    if (field === null || field === "meta") {
      if (field === null && header.trim()) mapping.ignored.push(header.trim());
      mapping.fields.push(null);
    } else if (taken.has(field)) {
      mapping.repeated.push(header.trim());
      mapping.fields.push(null);
    } else {
      taken.add(field);
      mapping.fields.push(field);
    }
  }
  mapping.missing = REQUIRED_OF[kind].filter((f) => !taken.has(f));
  return mapping;
}

const fold = (value: string) => foldHeader(value).replace(/_/g, " ");

const SEX: Record<string, "female" | "male" | "other"> = {
  female: "female",
  f: "female",
  femme: "female",
  feminin: "female",
  woman: "female",
  fille: "female",
  girl: "female",
  أنثى: "female",
  انثى: "female",
  امرأة: "female",
  male: "male",
  m: "male",
  h: "male",
  homme: "male",
  masculin: "male",
  man: "male",
  garcon: "male",
  boy: "male",
  ذكر: "male",
  رجل: "male",
  other: "other",
  autre: "other",
  آخر: "other",
  اخر: "other",
};

/** A sex as a list writes it (a KoBo select_one gives its name or its label); undefined when unknown. */
export function readSex(value: string): "female" | "male" | "other" | undefined {
  return SEX[fold(value)];
}

const YES = new Set(["yes", "y", "oui", "o", "true", "vrai", "1", "x", "نعم"]);
const NO = new Set(["", "no", "n", "non", "false", "faux", "0", "لا"]);

/** A yes/no answer; null when it is neither. */
export function readYesNo(value: string): boolean | null {
  const v = fold(value);
  if (YES.has(v)) return true;
  return NO.has(v) ? false : null;
}

const LANGUAGE_NAMES: Record<string, Locale> = {
  french: "fr",
  francais: "fr",
  arabic: "ar",
  arabe: "ar",
  العربية: "ar",
  english: "en",
  anglais: "en",
};

export function readLanguage(value: string, fallback: Locale): Locale | null {
  const v = fold(value);
  if (!v) return fallback;
  return (LOCALES as readonly string[]).includes(v) ? (v as Locale) : (LANGUAGE_NAMES[v] ?? null);
}

const pad = (n: number) => String(n).padStart(2, "0");
function isoDay(year: number, month: number, day: number): string | null {
  const date = new Date(Date.UTC(year, month - 1, day));
  if (date.getUTCFullYear() !== year || date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) return null;
  return `${year}-${pad(month)}-${pad(day)}`;
}

/**
 * A day as lists write it: ISO (KoBo, with or without a time), day/month/year (French
 * spreadsheets), or the serial number a spreadsheet stores a date cell as. "" is no
 * date; null is a date that cannot be read.
 */
export function readDay(value: string): string | null | "" {
  const v = value.trim();
  if (!v) return "";
  let m = /^(\d{4})-(\d{1,2})-(\d{1,2})(?:[T ][\d:.+\-Z]*)?$/.exec(v);
  if (m) return isoDay(Number(m[1]), Number(m[2]), Number(m[3]));
  m = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/.exec(v);
  if (m) return isoDay(Number(m[3]), Number(m[2]), Number(m[1]));
  if (/^\d{1,5}(\.\d+)?$/.test(v)) {
    // spreadsheet serial: days since 1899-12-30 (the 1900 leap-year bug included)
    const serial = Math.floor(Number(v));
    if (serial < 1) return null;
    const date = new Date(Date.UTC(1899, 11, 30) + serial * 86_400_000);
    return isoDay(date.getUTCFullYear(), date.getUTCMonth() + 1, date.getUTCDate());
  }
  return null;
}

/** A whole number as text ("3", "3.0" from a spreadsheet), kept as text for the form schema. */
export function readWholeNumber(value: string): string {
  const v = value.trim();
  return /^\d+\.0+$/.test(v) ? v.replace(/\.0+$/, "") : v;
}

export type RowProblem = { field: ImportField | "row"; message: MessageKey; line?: number };
export type Cells = Partial<Record<ImportField, string>>;

/** A row's cells by field, as text, trimmed; the rows with no text at all are left out. */
export function rowsByField(table: readonly (readonly string[])[], mapping: ColumnMapping) {
  const rows: { line: number; cells: Cells }[] = [];
  table.forEach((cells, index) => {
    if (index === 0 || !cells.some((c) => c.trim())) return;
    const byField: Cells = {};
    mapping.fields.forEach((field, column) => {
      if (field) byField[field] = (cells[column] ?? "").trim();
    });
    // line as the spreadsheet numbers it: the header is line 1
    rows.push({ line: index + 1, cells: byField });
  });
  return rows;
}

/**
 * What makes a row the same row in another file: its source's id when it has one (KoBo's
 * `_uuid`), else the person it describes (folded names, date of birth or age, phone,
 * document). The service keys it (HMAC) before it is stored: it describes a person.
 */
export function rowIdentity(cells: Cells): string {
  if (cells.sourceId) return `source:${cells.sourceId.trim().toLowerCase()}`;
  return [
    "person",
    foldName(`${cells.firstName ?? ""} ${cells.lastName ?? ""}`),
    foldName(cells.nameArabic ?? ""),
    readDay(cells.dateOfBirth ?? "") ?? cells.dateOfBirth ?? "",
    cells.dateOfBirth ? "" : readWholeNumber(cells.estimatedAge ?? ""),
    normalisePhone(cells.phone) ?? "",
    normaliseDocument(cells.documentNumber) ?? "",
  ].join("|");
}

/**
 * The same for a list of applicants: its source's id, else the names as written (case,
 * accents and spaces aside: the folded name that finds likely duplicates is too loose to
 * hold two people as one), sex, nationality, phone and e-mail. Two people with the same
 * name and nothing else in two files are one row: a phone, an e-mail or a source id
 * tells them apart (decision: importing applicants and attendance).
 */
export function applicantIdentity(cells: Cells): string {
  if (cells.sourceId) return `source:${cells.sourceId.trim().toLowerCase()}`;
  return [
    "applicant",
    fold(`${cells.firstName ?? ""} ${cells.lastName ?? ""}`),
    readSex(cells.sex ?? "") ?? "",
    (cells.nationality ?? "").trim().toUpperCase(),
    normalisePhone(cells.phone) ?? "",
    (cells.email ?? "").trim().toLowerCase(),
  ].join("|");
}

/**
 * A mark of attendance is the same row when it says the same thing of the same person at
 * the same session: a later list that changes a mark is a correction, written and audited.
 */
export function attendanceIdentity(mark: { sessionId: string; userId: string; status: AttendanceMark }): string {
  return `attendance|${mark.sessionId}|${mark.userId}|${mark.status}`;
}

const MARKS: Record<string, AttendanceMark> = {
  present: "present",
  presente: "present",
  p: "present",
  yes: "present",
  oui: "present",
  "1": "present",
  x: "present",
  حاضر: "present",
  حاضرة: "present",
  absent: "absent",
  absente: "absent",
  a: "absent",
  no: "absent",
  non: "absent",
  "0": "absent",
  غائب: "absent",
  غائبة: "absent",
  excused: "excused",
  excuse: "excused",
  excusee: "excused",
  e: "excused",
  معذور: "excused",
  معذورة: "excused",
};

/** A mark as a sheet writes it (present/absent/excused, in fr, en or ar, or P/A/E); undefined when unknown. */
export function readMark(value: string): AttendanceMark | undefined {
  return MARKS[fold(value)];
}

/** A notice language as a list writes it: its code (fr, ary, bm…) or a language name the portal knows. */
export function readNoticeLanguage(value: string): NoticeLanguage | null {
  const v = fold(value);
  const code = NOTICE_LANGUAGES.find((l) => l === v);
  if (code) return code;
  const portal = LANGUAGE_NAMES[v];
  return portal ?? (v === "darija" ? "ary" : null);
}

const RESIDENT: Record<string, "migrant" | "moroccan"> = {
  migrant: "migrant",
  migrante: "migrant",
  مهاجر: "migrant",
  مهاجرة: "migrant",
  moroccan: "moroccan",
  marocain: "moroccan",
  marocaine: "moroccan",
  مغربي: "moroccan",
  مغربية: "moroccan",
};
export function readResidentStatus(value: string): "migrant" | "moroccan" | undefined {
  return RESIDENT[fold(value)];
}

/** Rows after the first with the same identity: each points to the line it repeats. */
export function repeatedRows(rows: readonly { line: number; identity: string }[]): Map<number, number> {
  const first = new Map<string, number>();
  const repeats = new Map<number, number>();
  for (const row of rows) {
    const seen = first.get(row.identity);
    if (seen === undefined) first.set(row.identity, row.line);
    else repeats.set(row.line, seen);
  }
  return repeats;
}

/** Where a file stands once read: refused as a whole (with why), or rows to check. */
export type FileProblem =
  | "imports.errors.type"
  | "imports.errors.empty"
  | "imports.errors.size"
  | "imports.errors.malformed"
  | "imports.errors.tooManyRows"
  | "imports.errors.noRows"
  | "imports.errors.missingColumns"
  | "imports.errors.sameFile";

export function fileKindOf(filename: string, bytes: Uint8Array): "csv" | "xlsx" | null {
  const name = filename.toLowerCase();
  const zip = bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04;
  if (name.endsWith(".xlsx")) return zip ? "xlsx" : null;
  if (name.endsWith(".csv") || name.endsWith(".txt")) return zip ? null : "csv";
  return null;
}

/**
 * The text of an uploaded CSV: UTF-8 (with or without a BOM), UTF-16 when it starts with
 * its BOM (Excel's "Unicode text"), else Windows-1252 (Excel's "CSV" in French).
 */
export function decodeText(bytes: Uint8Array): string {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return new TextDecoder("utf-16le").decode(bytes.subarray(2));
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return new TextDecoder("utf-16be").decode(bytes.subarray(2));
  try {
    return new TextDecoder("utf-8", { fatal: true }).decode(bytes);
  } catch {
    return new TextDecoder("windows-1252").decode(bytes);
  }
}

/** A row as checked at preview: ready, or not, and the cases it may repeat. */
export type CheckedRow = { line: number; problems: readonly RowProblem[]; duplicates: readonly unknown[] };

/**
 * The rows a confirmation writes: those without a problem, and of those with a likely
 * duplicate only the ones the person confirming ticked as someone else (never merged).
 */
export function rowsToWrite<R extends CheckedRow>(rows: readonly R[], distinctLines: ReadonlySet<number>): R[] {
  return rows.filter((r) => r.problems.length === 0 && (r.duplicates.length === 0 || distinctLines.has(r.line)));
}

/** How many rows a preview page lists at most (the others are counted). */
export const ROWS_SHOWN = 300;

/** The counts a preview opens with, and the rows to check (a problem or a likely duplicate), first ones first. */
export function previewSummary<R extends CheckedRow>(rows: readonly R[]) {
  const withProblem = rows.filter((r) => r.problems.length > 0);
  const withDuplicate = rows.filter((r) => r.problems.length === 0 && r.duplicates.length > 0);
  const toCheck = rows.filter((r) => r.problems.length > 0 || r.duplicates.length > 0);
  return {
    rows: rows.length,
    ready: rows.length - withProblem.length - withDuplicate.length,
    problems: withProblem.length,
    duplicates: withDuplicate.length,
    shown: toCheck.slice(0, ROWS_SHOWN),
    hidden: Math.max(0, toCheck.length - ROWS_SHOWN),
  };
}
