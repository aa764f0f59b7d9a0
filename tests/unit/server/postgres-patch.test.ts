/**
 * postgres.js is patched (patches/, applied by `npm ci`'s postinstall) with the guard of
 * porsager/postgres#1209 until a release carries it, and so that statements prepared
 * again together do not hang their connection (docs/decisions/0218-postgres-prepared-again.md). These checks fail when the driver
 * moves past the patched version, so whoever upgrades it decides: drop the patch (the
 * release has the fix) or port it. See docs/decisions/0059-patch-postgres-js.md.
 */
import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";

const root = path.resolve(import.meta.dirname, "../../..");
const read = (file: string) => fs.readFileSync(path.join(root, file), "utf8");
const patches = fs.readdirSync(path.join(root, "patches")).filter((f) => f.startsWith("postgres+"));
const patchedVersion = patches[0]?.replace(/^postgres\+/, "").replace(/\.patch$/, "");

describe("the postgres.js patch", () => {
  it("exists once, for the version package.json pins exactly", () => {
    expect(patches).toHaveLength(1);
    const pkg = JSON.parse(read("package.json")) as { dependencies: Record<string, string> };
    expect(pkg.dependencies.postgres, "postgres.js moved: is porsager/postgres#1209 released?").toBe(patchedVersion);
  });

  it("matches the installed driver, and npm ci applied it", () => {
    const installed = JSON.parse(read("node_modules/postgres/package.json")) as { version: string };
    expect(installed.version).toBe(patchedVersion);
    // both builds a Node process may load: the ESM source and the CommonJS copy
    for (const file of ["node_modules/postgres/src/connection.js", "node_modules/postgres/cjs/src/connection.js"]) {
      const source = read(file);
      expect(source, `${file} is not patched: run npm ci (postinstall)`).toMatch(
        /function nextWrite\(fn\) \{[^}]*if \(!socket\) \{/,
      );
      // a connection torn down with a write buffered must not keep a stale timer
      expect(source.match(/^ +clearImmediate\(nextWriteTimer\)\n\s*chunk = nextWriteTimer = null/gm)).toHaveLength(2);
      // a statement prepared again goes in one go (tests/integration/postgres-prepared-again.test.ts)
      expect(source).toMatch(/function retry\(q, error\) \{[^}]*q\.retryTypes = q\.statement\.types/);
    }
  });
});
