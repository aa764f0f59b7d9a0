/** People with a phone, and what the outbox holds for them: for tests of "every step leaves a message". */
import { and, eq } from "drizzle-orm";
import { afterEach } from "vitest";
import type { Executor } from "../../../db/client";
import { coachAssignments, notifications, outbox, type NewUser } from "../../../db/schema";
import { addDays, moroccoToday } from "../../../app/lib/morocco-time";
import { startFakeGateway, type FakeGateway } from "../../../scripts/sms-fake-gateway";
import { makeUser } from "../../factories";

let phoneSeq = 0;

/** A Moroccan mobile number no other test of the run uses. */
export function uniqueMobile(): string {
  phoneSeq = (phoneSeq + 1) % 100;
  const clock = String(Date.now() % 1e6).padStart(6, "0");
  return `+2126${clock}${String(phoneSeq).padStart(2, "0")}`;
}

let numberSeq = 0;

/**
 * A Moroccan number no other test of the file uses, as typed ("0612…") and in E.164
 * ("+212612…"). `operator` is its digit after the 0: each test file keeps its own, so
 * files running at the same time never draw the same number.
 */
export function uniquePhoneNumber(operator: "5" | "6" | "7"): { local: string; e164: string } {
  numberSeq += 1;
  const digits = `${String(Date.now() % 1e6).padStart(6, "0")}${String(numberSeq).padStart(2, "0")}`;
  return { local: `0${operator}${digits}`, e164: `+212${operator}${digits}` };
}

/** An applicant with a confirmed phone (and no e-mail unless given), reading `locale`. */
export async function personWithPhone(
  db: Executor,
  locale: "fr" | "ar" | "en" = "fr",
  overrides: Partial<NewUser> = {},
) {
  return makeUser(db, { phone: uniqueMobile(), locale, ...overrides });
}

/** The outbox messages a person was sent about one kind of event, on one channel. */
export async function outboxTo(db: Executor, userId: string, kind: string, channel: "sms" | "email" = "sms") {
  return db
    .select({
      id: outbox.id,
      body: outbox.body,
      locale: outbox.locale,
      recipient: outbox.recipient,
      segments: outbox.segments,
      state: outbox.state,
      actorId: outbox.actorId,
    })
    .from(outbox)
    .where(and(eq(outbox.userId, userId), eq(outbox.kind, kind), eq(outbox.channel, channel)));
}

/** The in-app notifications a person has of one kind. */
export async function inAppOf(db: Executor, userId: string, kind: string) {
  return db
    .select({ id: notifications.id, params: notifications.params, link: notifications.link })
    .from(notifications)
    .where(and(eq(notifications.userId, userId), eq(notifications.kind, kind)));
}

/** A coach, and a person with a phone (reading `locale`) whom the coach follows. */
export async function coachAndPerson(
  db: Executor,
  locale: "fr" | "ar" | "en" = "fr",
  overrides: Partial<NewUser> = {},
) {
  const coach = await makeUser(db, { role: "coach", displayName: "Youssef Amrani" });
  const person = await personWithPhone(db, locale, overrides);
  await db.insert(coachAssignments).values({ coachId: coach.id, beneficiaryId: person.id });
  return { coach, person };
}

/** A day ahead on Morocco's clock (`YYYY-MM-DD`), and as a message writes it (`DD/MM/YYYY`). */
export function dayAhead(days: number) {
  const date = addDays(moroccoToday(), days);
  const [y, m, d] = date.split("-");
  return { date, written: `${d}/${m}/${y}` };
}

/**
 * A fake SMS gateway that a test starts when it needs one and that is closed after each
 * test: `const startGateway = useFakeGateway();` at the top of the file, then
 * `const gateway = await startGateway();` in the test.
 */
export function useFakeGateway() {
  let gateway: FakeGateway | null = null;
  afterEach(async () => {
    await gateway?.close();
    gateway = null;
  });
  return async (options: Parameters<typeof startFakeGateway>[0] = { log: false }) => {
    gateway = await startFakeGateway(options);
    return gateway;
  };
}
