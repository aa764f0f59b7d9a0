import { describe, expect, it } from "vitest";
import { formValues, isTicked, parseForm, z } from "~/lib/forms.server";

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

describe("boxes ticked under one name, on a refused form", () => {
  const Boxes = z.object({ reason: z.string().min(1), share: z.array(z.string()) });
  const ticks = () => {
    const f = new FormData();
    for (const v of ["identity", "notes", "vulnerability"]) f.append("share", v);
    f.append("partner", "b");
    return f;
  };

  it("come back all ticked, not only the first", () => {
    const result = parseForm(Boxes, ticks());
    if (result.ok) throw new Error("accepted");
    for (const v of ["identity", "notes", "vulnerability"]) expect(isTicked(result.values, "share", v), v).toBe(true);
    expect(isTicked(result.values, "share", "services")).toBe(false);
    // a field posted once reads as before, and is ticked alone
    expect(result.values.partner).toBe("b");
    expect(isTicked(result.values, "partner", "b")).toBe(true);
    expect(result.values.share).toBe("identity");
  });

  it("a value's line break cannot tick another box", () => {
    const f = new FormData();
    f.append("share", "identity");
    f.append("share", "x\nnotes");
    expect(isTicked(formValues(f), "share", "notes")).toBe(false);
    expect(isTicked(formValues(f), "share", "identity")).toBe(true);
    expect(isTicked(undefined, "share", "notes")).toBe(false);
  });
});
