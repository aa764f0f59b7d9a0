import { randomBytes } from "node:crypto";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { defineConfig } from "vitest/config";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
// tests encrypt protection data with a key generated for the run
process.env.MASAR_ENCRYPTION_KEY ??= randomBytes(32).toString("base64");
const alias = { "~db": path.join(root, "db"), "~": path.join(root, "app") };

export default defineConfig({
  root,
  resolve: { alias },
  test: {
    projects: [
      {
        resolve: { alias },
        test: {
          name: "unit",
          root,
          include: ["tests/unit/**/*.test.ts", "tests/unit/**/*.test.tsx"],
          environment: "node",
        },
      },
      {
        resolve: { alias },
        test: {
          name: "integration",
          root,
          include: ["tests/integration/**/*.test.ts", "tests/integration/**/*.test.tsx"],
          environment: "node",
          globalSetup: ["tests/setup/global-setup.ts"],
          testTimeout: 60_000,
          hookTimeout: 120_000,
          // two cores: two workers, each test file with a database of its own
          pool: "forks",
          maxWorkers: 2,
        },
      },
    ],
  },
});
