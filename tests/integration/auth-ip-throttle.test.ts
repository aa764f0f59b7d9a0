import { describe, expect, it } from "vitest";
import { DEMO_PASSWORD, makeUser } from "../factories";
import { useTestApp } from "./helpers/app";
import { useTestDb } from "./helpers/test-db";

// its own file: it locks the test client's address for the rest of the database's life
const t = useTestDb();
const app = useTestApp(t);

describe("throttling by address", () => {
  it("lets successful sign-ins through, and locks an address after 100 failures across many identifiers", async () => {
    const user = await makeUser(t.db);
    // a busy office: successful sign-ins from one address do not count
    for (let i = 0; i < 3; i++) {
      expect((await app.client().post("/login", { identifier: user.email!, password: DEMO_PASSWORD })).status).toBe(
        302,
      );
    }
    for (let batch = 0; batch < 10; batch++) {
      const answers = await Promise.all(
        Array.from({ length: 10 }, (_, i) =>
          app.client().post("/login", { identifier: `guess-${batch}-${i}@masar.test`, password: "wrong guess!" }),
        ),
      );
      for (const answer of answers) expect(answer.status).toBe(400);
    }
    const locked = await app.client().post("/login", { identifier: user.email!, password: DEMO_PASSWORD });
    expect(locked.status).toBe(429);
  });
});
