/**
 * A demo list previewed (not confirmed) by each association's case worker: the import
 * pages have something to show, and the access matrix a batch of each association.
 * Safe to run again: a batch already there is kept.
 */
import { and, eq } from "drizzle-orm";
import type { Database } from "../client";
import { importBatches, type User } from "../schema";
import { previewImport } from "../../app/modules/imports/service.server";
import type { FoundationSeed } from "./foundation";

const DEMO_FILE = "liste-demo.csv";
const DEMO_LIST = [
  "prenom;nom;sexe;date_de_naissance;telephone;consentement_services",
  "Mariam;Koné;femme;12/04/1998;0612000111;oui",
  "Ibrahima;Sow;homme;;0612000222;oui",
].join("\r\n");

async function demoBatch(db: Database, caseWorker: User) {
  const organisationId = caseWorker.organisationId!;
  const [found] = await db
    .select()
    .from(importBatches)
    .where(and(eq(importBatches.organisationId, organisationId), eq(importBatches.filename, DEMO_FILE)));
  if (found) return found;
  const result = await previewImport(
    db,
    { id: caseWorker.id, role: "case_worker", organisationId },
    { kind: "cases", filename: DEMO_FILE, bytes: new TextEncoder().encode(DEMO_LIST), locale: "fr" },
    {},
  );
  if (!result.ok) throw new Error("demo import not previewed");
  const [batch] = await db.select().from(importBatches).where(eq(importBatches.id, result.importId));
  return batch!;
}

export async function seedImports(db: Database, foundation: FoundationSeed) {
  return {
    a: await demoBatch(db, foundation.accounts.caseworker),
    b: await demoBatch(db, foundation.accounts.caseworker2),
  };
}
