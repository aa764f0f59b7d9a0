import type { DuplicateReason } from "~/modules/protection/rules";
import type { ImportedPerson } from "./rows.server";
import type { RowProblem } from "./rules";

/** A row of a previewed file as the batch keeps it (sealed: it holds an identity). */
export type PreviewRow<P = ImportedPerson> = {
  /** the line of the file (the header is line 1) */
  line: number;
  /** the row's key in imported_rows: a keyed hash of its identity (rules.ts rowIdentity) */
  key: string;
  /** what the row becomes: a case's person, an applicant, a mark of attendance */
  person: P | null;
  /** the names as typed, to find the row in the file */
  label: string;
  problems: RowProblem[];
  duplicates: { id: string; reference: string; name: string; reasons: (DuplicateReason | "name")[] }[];
};

export type StoredRows<P = ImportedPerson> = { ignored: string[]; repeated: string[]; rows: PreviewRow<P>[] };
