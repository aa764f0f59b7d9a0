/**
 * At most `max` page renders at once; the others wait their turn in arrival order.
 *
 * Node interleaves every request in flight at each await (a statement, a gzip): with 50 in
 * flight, a page that waits on the database four times queues behind the others four
 * times, and its answer comes late, while requests that arrived after it are answered
 * first. Taken in turn, a few at a time, each is answered in about the time the ones ahead of
 * it cost: the same requests per second, a shorter tail (decision 0192-pages-rendered-in-turn).
 */
/**
 * The default: enough to keep the processor busy while some renders wait on the database,
 * few enough that a read is not interleaved with many others (decision 0198).
 */
export const RENDERS_AT_ONCE = 4;

/**
 * The default limit on a read's wait for its turn, in ms: past it the read leaves the line
 * unrendered and its reader is told the portal is busy (decision 0211).
 */
export const READ_WAIT_LIMIT_MS = 10_000;

/** A read that waited its turn longer than the admission's limit: it was not rendered. */
export class WaitedTooLong extends Error {
  constructor(readonly waitedMs: number) {
    super(`waited ${waitedMs} ms for its turn`);
    this.name = "WaitedTooLong";
  }
}

export const isWaitedTooLong = (error: unknown): error is WaitedTooLong => error instanceof WaitedTooLong;

export type Admission = {
  /**
   * `work` when its turn comes; never, if `gone()` says its client left while it waited.
   * Rejects with WaitedTooLong, `work` not done, when the turn has not come within the limit.
   */
  run<T>(work: () => Promise<T>, gone: () => boolean): Promise<T | undefined>;
  /** renders running, renders waiting, and reads refused since the start for waiting too long */
  readonly load: { active: number; waiting: number; refused: number };
};

/** `max` renders at once; a read waits at most `waitLimitMs` for its turn (0: however long). */
export function createAdmission(max: number, waitLimitMs = 0): Admission {
  let active = 0;
  let refused = 0;
  const waiting: (() => void)[] = [];
  // a place freed goes to the first in line, never to a request that arrives meanwhile
  const release = () => {
    const next = waiting.shift();
    if (next) next();
    else active--;
  };
  /** true when a place is given, false when the limit came first (the read has left the line) */
  const turn = () =>
    new Promise<boolean>((resolve) => {
      if (waitLimitMs <= 0) return void waiting.push(() => resolve(true));
      const admit = () => {
        clearTimeout(timer);
        resolve(true);
      };
      const timer = setTimeout(() => {
        // every read waits the same limit, so the one whose time is up is the first in line
        const at = waiting.indexOf(admit);
        if (at >= 0) waiting.splice(at, 1);
        resolve(false);
      }, waitLimitMs);
      waiting.push(admit);
    });
  return {
    async run(work, gone) {
      if (active < max) active++;
      else if (!(await turn())) {
        // left without a place: nothing to release. A client already gone is dropped as
        // when its turn comes; only a reader still there is told, and counted
        if (gone()) return undefined;
        refused++;
        throw new WaitedTooLong(waitLimitMs);
      }
      try {
        if (gone()) return undefined;
        return await work();
      } finally {
        release();
      }
    },
    get load() {
      return { active, waiting: waiting.length, refused };
    },
  };
}
