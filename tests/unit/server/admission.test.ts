/**
 * Pages rendered in turn (app/server/admission.server.ts): never more than `max` at once,
 * the others in their order of arrival, a place freed by a failure too, the work of a
 * client that left while waiting never done, and a read that waited past the limit refused
 * unrendered (decision 0211).
 */
import { afterEach, describe, expect, it, vi } from "vitest";
import { createAdmission, WaitedTooLong } from "~/server/admission.server";

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
    expect(admission.load).toEqual({ active: 2, waiting: 4, refused: 0 });
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
    expect(admission.load).toEqual({ active: 0, waiting: 0, refused: 0 });
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
    expect(admission.load).toEqual({ active: 0, waiting: 0, refused: 0 });
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
    expect(admission.load).toEqual({ active: 0, waiting: 0, refused: 0 });
  });
});

describe("the limit on a read's wait for its turn", () => {
  // the limit's clock only: setImmediate (tick) still runs for real
  const clock = () => vi.useFakeTimers({ toFake: ["setTimeout", "clearTimeout"] });
  afterEach(() => {
    vi.useRealTimers();
  });

  /** What a run has come to so far: pending, its value, or its error */
  function watch<T>(run: Promise<T>) {
    const state: { settled: boolean; value?: T; error?: unknown } = { settled: false };
    run.then(
      (value) => Object.assign(state, { settled: true, value }),
      (error: unknown) => Object.assign(state, { settled: true, error }),
    );
    return state;
  }

  it("refuses, unrendered, a read still waiting at the limit, counts it, and the line goes on", async () => {
    clock();
    const admission = createAdmission(1, 1000);
    const first = gate();
    let done = 0;
    const held = admission.run(
      async () => {
        await first.opened;
        return "held";
      },
      () => false,
    );
    const waiting = watch(
      admission.run(
        async () => {
          done++;
          return "late";
        },
        () => false,
      ),
    );
    vi.advanceTimersByTime(999);
    await tick();
    expect(waiting.settled).toBe(false);
    expect(admission.load).toEqual({ active: 1, waiting: 1, refused: 0 });
    vi.advanceTimersByTime(1);
    await tick();
    expect(waiting.error).toBeInstanceOf(WaitedTooLong);
    expect((waiting.error as WaitedTooLong).waitedMs).toBe(1000);
    expect(admission.load).toEqual({ active: 1, waiting: 0, refused: 1 });
    // the place freed goes to the next read, not to the one refused
    const next = admission.run(
      async () => "next",
      () => false,
    );
    first.open();
    expect(await held).toBe("held");
    expect(await next).toBe("next");
    expect(done).toBe(0);
    expect(admission.load).toEqual({ active: 0, waiting: 0, refused: 1 });
  });

  it("does not refuse a read whose turn came before the limit, nor count a client that left", async () => {
    clock();
    const admission = createAdmission(1, 1000);
    const first = gate();
    const held = admission.run(
      () => first.opened,
      () => false,
    );
    const inTime = admission.run(
      async () => "in time",
      () => false,
    );
    vi.advanceTimersByTime(500);
    first.open();
    await held;
    expect(await inTime).toBe("in time");
    // its timer was cleared: past its limit nothing changes
    vi.advanceTimersByTime(5000);
    expect(admission.load).toEqual({ active: 0, waiting: 0, refused: 0 });

    const second = gate();
    const busy = admission.run(
      () => second.opened,
      () => false,
    );
    const left = admission.run(
      async () => "left",
      () => true,
    );
    vi.advanceTimersByTime(1000);
    // dropped as when its turn comes: no answer to give, no refusal to count
    expect(await left).toBeUndefined();
    expect(admission.load).toEqual({ active: 1, waiting: 0, refused: 0 });
    second.open();
    await busy;
  });

  it("lets a read wait however long with no limit (0)", async () => {
    clock();
    const admission = createAdmission(1, 0);
    const first = gate();
    const held = admission.run(
      () => first.opened,
      () => false,
    );
    const waiting = watch(
      admission.run(
        async () => "waited",
        () => false,
      ),
    );
    vi.advanceTimersByTime(3_600_000);
    await tick();
    expect(waiting.settled).toBe(false);
    first.open();
    await held;
    await tick();
    expect(waiting.value).toBe("waited");
    expect(admission.load).toEqual({ active: 0, waiting: 0, refused: 0 });
  });
});
