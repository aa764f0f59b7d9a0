import { describe, expect, it } from "vitest";
import { parseForm, z } from "~/lib/forms.server";

const Schema = z.object({ name: z.string().min(1).max(50) });

function form(fields: Record<string, string>) {
  const f = new FormData();
  for (const [k, v] of Object.entries(fields)) f.append(k, v);
  return f;
}

describe("parseForm", () => {
  it("refuses a NUL character with a field error (PostgreSQL text cannot hold it)", () => {
    const result = parseForm(Schema, form({ name: "a\u0000b" }));
    expect(result).toMatchObject({ ok: false, errors: { name: "errors.invalid" } });
  });

  it("refuses a NUL character in a field the schema does not know", () => {
    const result = parseForm(Schema, form({ name: "Awa", forged: "\u0000" }));
    expect(result).toMatchObject({ ok: false, errors: { forged: "errors.invalid" } });
  });

  it("accepts Arabic and emoji", () => {
    expect(parseForm(Schema, form({ name: "مريم 🙂" }))).toEqual({ ok: true, data: { name: "مريم 🙂" } });
  });
});
