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

export type Admission = {
  /** `work` when its turn comes; never, if `gone()` says its client left while it waited */
  run<T>(work: () => Promise<T>, gone: () => boolean): Promise<T | undefined>;
  /** renders running, renders waiting */
  readonly load: { active: number; waiting: number };
};

export function createAdmission(max: number): Admission {
  let active = 0;
  const waiting: (() => void)[] = [];
  // a place freed goes to the first in line, never to a request that arrives meanwhile
  const release = () => {
    const next = waiting.shift();
    if (next) next();
    else active--;
  };
  return {
    async run(work, gone) {
      if (active < max) active++;
      else await new Promise<void>((resolve) => waiting.push(resolve));
      try {
        if (gone()) return undefined;
        return await work();
      } finally {
        release();
      }
    },
    get load() {
      return { active, waiting: waiting.length };
    },
  };
}
