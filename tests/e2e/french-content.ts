/**
 * Staff content typed in French only, made by the text crawl itself (text-crawl.spec.ts)
 * so that its check does not rest on the demo, which names everything in three languages:
 * a training with its cohort, session place and a certificate of the demo applicant, a
 * grant call with a criterion, an internship offer, and an aid item stocked in
 * association A's warehouse and given out by a round of its own.
 *
 * Each record is a copy of the demo record the access matrix opens (same owner, same
 * dates, same people), with its texts replaced, so each role may open the copy exactly
 * as it opens the original. Made once per run (an advisory lock and the item's unique
 * name keep two workers from making it twice).
 */
import { randomBytes } from "node:crypto";
import fs from "node:fs";
import postgres from "postgres";
import { formatVerificationCode } from "../../app/modules/trainings/rules";
import type { Fixture } from "../access/types";
import { e2eDatabaseUrl } from "./fixtures";
import { runFile } from "./run-files";

/** The French texts, none holding a demo item's name, none with a translation. */
export const FRENCH_ONLY = {
  training: "Formation témoin jamais traduite",
  trainingDescription: "Description de la formation témoin, jamais traduite",
  cohort: "Promotion témoin jamais traduite",
  place: "Salle témoin jamais traduite",
  call: "Appel témoin jamais traduit",
  callDescription: "Présentation de l'appel témoin, jamais traduite",
  criterion: "Critère témoin jamais traduit",
  criterionDescription: "Explication du critère témoin, jamais traduite",
  offer: "Stage témoin jamais traduit",
  requirements: "Exigences du stage témoin, jamais traduites",
  item: "Colis témoin jamais traduit",
} as const;

/** The copied round's name: a round has one name (no translations), so it is not checked, only told apart. */
const ROUND_NAME = "Tournée de la copie sans traduction";

/** A verification code as the app prints them (app/modules/trainings/rules.ts), new for the run. */
function verificationCode(): string {
  return formatVerificationCode(randomBytes(12));
}

type Sql = postgres.TransactionSql;

/** A copy of one row of `table` with a new id and the columns of `set` replaced; its id. */
async function copy(sql: Sql, table: string, id: string, set: Record<string, unknown>): Promise<string> {
  const [row] = await sql<{ id: string }[]>`
    insert into ${sql(table)}
    select (jsonb_populate_record(null::${sql(table)},
      to_jsonb(t) || ${sql.json({ ...set } as postgres.JSONValue)} || jsonb_build_object('id', gen_random_uuid()))).*
    from ${sql(table)} t where t.id = ${id}
    returning id`;
  if (!row) throw new Error(`no ${table} ${id} to copy`);
  return row.id;
}

type Made = Record<
  | "trainingId"
  | "cohortId"
  | "sessionId"
  | "openSessionId"
  | "certificateId"
  | "certificateCode"
  | "callId"
  | "offerId"
  | "roundId",
  string
>;

/** Where the copies' ids are kept for the run's other tests (a file of an earlier run names rows that no longer exist). */
const madeFile = () => runFile("french-only", process.env.E2E_PORT ?? 3210);

function madeBefore(): Made | null {
  try {
    return JSON.parse(fs.readFileSync(madeFile(), "utf8")) as Made;
  } catch {
    return null;
  }
}

const noTranslation = (name: string, fr: string) => ({ [`${name}_fr`]: fr, [`${name}_ar`]: "", [`${name}_en`]: "" });

/** The demo fixture with its training, cohort, sessions, certificate, call, offer and round replaced by French-only copies. */
export async function frenchOnlyFixture(demo: Fixture): Promise<Fixture> {
  const sql = postgres(e2eDatabaseUrl(), { max: 1, onnotice: () => {} });
  try {
    const ids = await sql.begin(async (tx): Promise<Made> => {
      await tx`select pg_advisory_xact_lock(hashtext('e2e french-only content'))`;
      const made = madeBefore();
      if (made) {
        const [still] = await tx`select 1 from trainings where id = ${made.trainingId}`;
        if (still) return made;
      }
      const e = demo.employability;
      const trainingId = await copy(tx, "trainings", e.trainingId, {
        ...noTranslation("title", FRENCH_ONLY.training),
        ...noTranslation("description", FRENCH_ONLY.trainingDescription),
      });
      const [demoCert] = await tx<{ registrationId: string }[]>`
        select registration_id as "registrationId" from training_certificates where id = ${e.certificateId}`;
      if (!demoCert) throw new Error("no demo certificate");
      const cohortId = await copy(tx, "training_cohorts", e.cohortId, {
        training_id: trainingId,
        ...noTranslation("name", FRENCH_ONLY.cohort),
      });
      const place = { place_fr: FRENCH_ONLY.place, place_ar: null, place_en: null, cohort_id: cohortId };
      const sessionId = await copy(tx, "training_sessions", e.sessionId, place);
      const [openCohort] = await tx<{ cohortId: string }[]>`
        select cohort_id as "cohortId" from training_sessions where id = ${e.openSessionId}`;
      const openCohortId = await copy(tx, "training_cohorts", openCohort!.cohortId, {
        training_id: trainingId,
        confirmed_count: 0,
        ...noTranslation("name", FRENCH_ONLY.cohort),
      });
      const openSessionId = await copy(tx, "training_sessions", e.openSessionId, { ...place, cohort_id: openCohortId });
      // the demo applicant's certificate of the copied training: the certificate, the CV, /verify
      const [seq] = await tx<
        { n: string }[]
      >`select nextval(pg_get_serial_sequence('training_registrations', 'seq')) as n`;
      const registrationId = await copy(tx, "training_registrations", demoCert.registrationId, {
        cohort_id: cohortId,
        seq: Number(seq!.n),
      });
      const certificateCode = verificationCode();
      const certificateId = await copy(tx, "training_certificates", e.certificateId, {
        registration_id: registrationId,
        cohort_id: cohortId,
        code: certificateCode,
      });
      const callId = await copy(tx, "grant_calls", demo.grants.reviewCall.id, {
        ...noTranslation("title", FRENCH_ONLY.call),
        ...noTranslation("description", FRENCH_ONLY.callDescription),
        awarded_centimes: 0,
      });
      await tx`
        insert into grant_criteria (call_id, position, label_fr, description_fr, max_score, weight)
        values (${callId}, 1, ${FRENCH_ONLY.criterion}, ${FRENCH_ONLY.criterionDescription}, 10, 100)`;
      const offerId = await copy(tx, "internship_offers", e.offerId, {
        ...noTranslation("title", FRENCH_ONLY.offer),
        ...noTranslation("requirements", FRENCH_ONLY.requirements),
      });
      const [item] = await tx<{ id: string }[]>`
        insert into aid_items (kind, name_fr) values ('food_kit', ${FRENCH_ONLY.item}) returning id`;
      const warehouseId = demo.protection.warehouses.a.id;
      await tx`insert into stock_balances (warehouse_id, item_id, quantity) values (${warehouseId}, ${item!.id}, 7)`;
      await tx`
        insert into stock_movements (warehouse_id, item_id, kind, quantity)
        values (${warehouseId}, ${item!.id}, 'receipt', 7)`;
      // its own name: specs that open the demo round by its name must find one link
      const roundId = await copy(tx, "distribution_rounds", demo.protection.roundId, { name: ROUND_NAME });
      await tx`insert into round_items (round_id, item_id, quantity) values (${roundId}, ${item!.id}, 1)`;
      const ids: Made = {
        trainingId,
        cohortId,
        sessionId,
        openSessionId,
        certificateId,
        certificateCode,
        callId,
        offerId,
        roundId,
      };
      fs.writeFileSync(madeFile(), JSON.stringify(ids));
      return ids;
    });
    const e = demo.employability;
    return {
      ...demo,
      employability: {
        ...e,
        trainingId: ids.trainingId,
        cohortId: ids.cohortId,
        sessionId: ids.sessionId,
        openSessionId: ids.openSessionId,
        certificateId: ids.certificateId,
        certificateCode: ids.certificateCode,
        offerId: ids.offerId,
      },
      grants: { ...demo.grants, reviewCall: { ...demo.grants.reviewCall, id: ids.callId } },
      protection: { ...demo.protection, roundId: ids.roundId },
    };
  } finally {
    await sql.end({ timeout: 2 });
  }
}
