/**
 * Pages rendered in turn (app/server/admission.server.ts): never more than `max` at once,
 * the others in their order of arrival, a place freed by a failure too, and the work of a
 * client that left while waiting never done.
 */
import { describe, expect, it } from "vitest";
import { createAdmission } from "~/server/admission.server";

/** A piece of work that ends when told to. */
function gate() {
  let open!: () => void;
  const opened = new Promise<void>((resolve) => (open = resolve));
  return { open, opened };
}

const tick = () => new Promise((resolve) => setImmediate(resolve));

describe("pages rendered in turn", () => {
  it("runs at most `max` at once, and the rest in their order of arrival", async () => {
    const admission = createAdmission(2);
    const gates = Array.from({ length: 6 }, gate);
    const started: number[] = [];
    let running = 0;
    let most = 0;
    const all = gates.map((g, i) =>
      admission.run(
        async () => {
          started.push(i);
          running++;
          most = Math.max(most, running);
          await g.opened;
          running--;
          return i;
        },
        () => false,
      ),
    );
    await tick();
    expect(started).toEqual([0, 1]);
    expect(admission.load).toEqual({ active: 2, waiting: 4 });
    // the second ends first: the third in line takes its place, not a newcomer
    gates[1]!.open();
    await tick();
    const late = admission.run(
      async () => "late",
      () => false,
    );
    await tick();
    expect(started).toEqual([0, 1, 2]);
    for (const g of gates) g.open();
    expect(await Promise.all(all)).toEqual([0, 1, 2, 3, 4, 5]);
    expect(await late).toBe("late");
    expect(started).toEqual([0, 1, 2, 3, 4, 5]);
    expect(most).toBe(2);
    expect(admission.load).toEqual({ active: 0, waiting: 0 });
  });

  it("frees the place of a render that fails", async () => {
    const admission = createAdmission(1);
    const failing = admission.run(
      async () => {
        throw new Error("render failed");
      },
      () => false,
    );
    const next = admission.run(
      async () => "next",
      () => false,
    );
    await expect(failing).rejects.toThrow("render failed");
    expect(await next).toBe("next");
    expect(admission.load).toEqual({ active: 0, waiting: 0 });
  });

  it("does not do the work of a client that left while it waited, and its place goes on", async () => {
    const admission = createAdmission(1);
    const first = gate();
    let left = false;
    let done = 0;
    const a = admission.run(
      async () => {
        await first.opened;
        done++;
      },
      () => false,
    );
    const b = admission.run(
      async () => {
        done++;
        return "b";
      },
      () => left,
    );
    const c = admission.run(
      async () => {
        done++;
        return "c";
      },
      () => false,
    );
    left = true;
    first.open();
    await a;
    expect(await b).toBeUndefined();
    expect(await c).toBe("c");
    expect(done).toBe(2);
    expect(admission.load).toEqual({ active: 0, waiting: 0 });
  });
});
