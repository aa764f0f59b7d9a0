import path from "node:path";
import { ESLint } from "eslint";
import { describe, expect, it } from "vitest";

// ESLint's own API over eslint.config.js, as `npm run lint` runs it, on a file in app/
const root = path.resolve(import.meta.dirname, "../../..");
const eslint = new ESLint({ cwd: root });

async function offsetProblems(code: string): Promise<number> {
  const [result] = await eslint.lintText(code, { filePath: path.join(root, "app/lib/sample.ts") });
  return (result?.messages ?? []).filter((m) => m.message.includes("A literal UTC offset")).length;
}

describe("the lint rule against a literal UTC offset", () => {
  it("refuses an offset in a string and in every piece of a template", async () => {
    expect(await offsetProblems(`export const a = new Date("2026-03-01T10:00:00+01:00");\n`)).toBe(1);
    expect(await offsetProblems(`export const b = (d: string) => new Date(\`\${d}T23:59:59+01:00\`);\n`)).toBe(1);
    expect(
      await offsetProblems(`export const c = (d: string, t: string) => new Date(\`\${d}T\${t}:00+01:00\`);\n`),
    ).toBe(1);
    expect(await offsetProblems(`export const d = (at: string) => new Date(\`\${at}-00:00\`);\n`)).toBe(1);
  }, 60_000); // the first lint loads the config and its plugins
  it("lets a day, a time, a UTC instant and other text through", async () => {
    expect(await offsetProblems(`export const e = new Date("2026-03-01T10:00:00Z");\n`)).toBe(0);
    expect(await offsetProblems(`export const f = (d: string) => \`\${d}T10:00\`;\n`)).toBe(0);
    expect(await offsetProblems(`export const g = "+212 6 12 34 56 78";\n`)).toBe(0);
  }, 60_000);
});
