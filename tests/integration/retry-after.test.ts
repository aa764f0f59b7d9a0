/**
 * Every throttled answer says how long to wait: a 429 from each page that can throttle
 * carries Retry-After (whole seconds), through the one helper (`refusal` in
 * app/lib/retry-after.ts), and the page says it in the visitor's language.
 */
import { describe, expect, it } from "vitest";
import { CODES } from "../../app/modules/auth/rules";
import { makeUser } from "../factories";
import { type TestClient, useTestApp } from "./helpers/app";
import { uniquePhoneNumber } from "./helpers/messages";
import { useTestDb } from "./helpers/test-db";

const t = useTestDb();
const app = useTestApp(t);

const newPhone = () => uniquePhoneNumber("5");

/** Post until the page throttles (a code a minute per number: the second one does), and return the 429. */
async function throttledAnswer(post: () => Promise<Response>): Promise<Response> {
  for (let i = 0; i < CODES.perIdentifier + 1; i++) {
    const answer = await post();
    if (answer.status === 429) return answer;
    expect(answer.status).toBeLessThan(400);
  }
  throw new Error("never throttled");
}

async function expectRetryAfter(answer: Response, message: string) {
  expect(answer.status).toBe(429);
  const seconds = Number(answer.headers.get("Retry-After"));
  expect(Number.isInteger(seconds)).toBe(true);
  expect(seconds).toBeGreaterThanOrEqual(1);
  expect(seconds).toBeLessThanOrEqual(CODES.windowMs / 1000);
  expect((await answer.text()).replace(/&#x27;/g, "'")).toContain(message);
}

describe("a 429 says when to try again", () => {
  it("/account: a change of number asked for again at once", async () => {
    const { client } = await app.asNewUser({ phone: newPhone().e164 });
    const phone = newPhone().local;
    const answer = await throttledAnswer(() => client.post("/account", { intent: "phone", phone }));
    await expectRetryAfter(answer, "Trop de codes demandés");
  });

  it("/confirm-phone: a new code asked for again at once", async () => {
    const { client } = await app.asNewUser({ phone: newPhone().e164, phoneConfirmedAt: null });
    const answer = await throttledAnswer(() => client.post("/confirm-phone", { intent: "resend" }));
    await expectRetryAfter(answer, "Trop de codes demandés");
  });

  it("/reset-password and /forgot-password: a recovery code asked for again at once", async () => {
    const user = await makeUser(t.db, { phone: newPhone().e164 });
    const client: TestClient = app.client();
    const reset = await throttledAnswer(() =>
      client.post("/reset-password", { intent: "resend", identifier: user.phone! }),
    );
    await expectRetryAfter(reset, "Trop de codes demandés");
    const forgot = await client.post("/forgot-password", { identifier: user.phone! });
    await expectRetryAfter(forgot, "Trop de codes demandés");
  });

  it("/signup and /login", async () => {
    const phone = newPhone().local;
    const fields = {
      displayName: "Awa",
      phone,
      password: "une phrase assez longue",
      passwordConfirm: "une phrase assez longue",
      acceptPrivacy: "on",
    };
    const signup = await throttledAnswer(() => app.client().post("/signup", fields));
    await expectRetryAfter(signup, "Trop d'inscriptions pour ce numéro");
    const user = await makeUser(t.db, {});
    const client = app.client();
    let login: Response | null = null;
    for (let i = 0; i < 6 && login?.status !== 429; i++) {
      login = await client.post("/login", { identifier: user.email!, password: "wrong password" });
    }
    await expectRetryAfter(login!, "Trop de tentatives");
  });
});
