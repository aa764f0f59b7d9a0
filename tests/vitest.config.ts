import { randomBytes } from "node:crypto";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { configDefaults, defineConfig } from "vitest/config";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
// tests encrypt protection data with a key generated for the run
process.env.MASAR_ENCRYPTION_KEY ??= randomBytes(32).toString("base64");
const alias = { "~db": path.join(root, "db"), "~": path.join(root, "app") };

/**
 * CI runs the integration suite a second time, against the machine's PostgreSQL 15
 * (`.ci/run`, INTEGRATION_PASS=second-server). That pass leaves out the files whose outcome
 * cannot depend on which server answers: they ran whole against the embedded server in the
 * same CI run (decision 0146-second-server-pass). The README's test command runs them all.
 */
const SERVER_INDEPENDENT = [
  // the embedded server's own start, roles and authentication: it starts one itself, whatever the pass
  "tests/integration/embedded-postgres.test.ts",
  // the same, for a test of logs: it starts an embedded server of its own and reads its log
  "tests/integration/protection/logs.test.ts",
  // PDF layout: fonts, shaping, page breaks; the database only stores the rows they print
  "tests/integration/pdf/**",
  // documents rendered from values in the test, with no database (decision 0210)
  "tests/integration/pdf-kit.test.tsx",
  "tests/integration/aid/voucher-pdf.test.tsx",
  "tests/integration/grants/letters.test.tsx",
  "tests/integration/business-plans/pdf-render.test.tsx",
  // an app whose database is at a port where no server listens
  "tests/integration/db-down.test.ts",
  // whole-app crawls (every route, as every role, with malformed input or a canary): what they
  // check is the app's routing and access rules; each query they reach is run by the module's own tests
  "tests/integration/access-matrix.test.ts",
  "tests/integration/params-fuzz.test.ts",
  "tests/integration/fuzz.test.ts",
  "tests/integration/protection/canary.test.ts",
  "tests/integration/feedback/confidential-visibility.test.ts",
];
const secondServerPass = process.env.INTEGRATION_PASS === "second-server";

export default defineConfig({
  root,
  resolve: { alias },
  test: {
    projects: [
      {
        resolve: { alias },
        test: {
          name: "unit",
          sequence: { groupOrder: 0 },
          root,
          include: ["tests/unit/**/*.test.ts", "tests/unit/**/*.test.tsx"],
          environment: "node",
          // as the integration files below: a worker keeps the modules its files import (each
          // file importing them afresh was two thirds of the unit run: 48 s against 15 s); a
          // file that sets process-wide state restores it (decision 0200)
          pool: "forks",
          maxWorkers: 2,
          isolate: false,
        },
      },
      {
        resolve: { alias },
        test: {
          name: "integration",
          sequence: { groupOrder: 1 },
          root,
          include: ["tests/integration/**/*.test.ts", "tests/integration/**/*.test.tsx"],
          exclude: [...configDefaults.exclude, ...(secondServerPass ? SERVER_INDEPENDENT : [])],
          environment: "node",
          globalSetup: ["tests/setup/global-setup.ts"],
          testTimeout: 60_000,
          hookTimeout: 120_000,
          // two cores: two workers, each test file with a database of its own
          pool: "forks",
          maxWorkers: 2,
          // A worker runs its files one after the other in one process and keeps the modules they
          // import (the app, drizzle, the built app): importing them again for each of 130 files
          // cost about 1.5 s a file. A file's state lives in its own database; a file that sets
          // process-wide state (the environment, a spy) restores it when done (decision
          // 0159).
          isolate: false,
        },
      },
    ],
  },
});
