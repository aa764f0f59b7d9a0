/**
 * The files one end-to-end run shares between tests/e2e/server.ts and the specs, in the
 * system's temporary folder, one set per E2E_PORT so that runs side by side do not meet:
 * the demo fixture's ids, the database's address (mode 600), the French-only copies'
 * ids. The server removes them all when it stops.
 */
import os from "node:os";
import path from "node:path";

export const RUN_FILES = ["fixture", "database", "french-only"] as const;

export function runFile(kind: (typeof RUN_FILES)[number], port: number | string): string {
  return path.join(os.tmpdir(), `masar-e2e-${kind}-${port}.json`);
}
