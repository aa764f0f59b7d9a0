import { describe, expect, it } from "vitest";
import { isUuid } from "../../../app/lib/ids";

describe("isUuid", () => {
  it("takes a uuid in canonical form, in either case, any version", () => {
    expect(isUuid("3f2b8c1e-9d4a-4e6b-8f00-1a2b3c4d5e6f")).toBe(true);
    expect(isUuid("3F2B8C1E-9D4A-4E6B-8F00-1A2B3C4D5E6F")).toBe(true);
    expect(isUuid("00000000-0000-0000-0000-000000000000")).toBe(true);
  });
  it("refuses what a uuid column would throw on, or what is not a canonical uuid", () => {
    for (const bad of [
      "------------------------------------",
      "3f2b8c1e9d4a4e6b8f001a2b3c4d5e6f",
      "3f2b8c1e-9d4a-4e6b-8f00-1a2b3c4d5e6",
      "3f2b8c1e-9d4a-4e6b-8f00-1a2b3c4d5e6g",
      " 3f2b8c1e-9d4a-4e6b-8f00-1a2b3c4d5e6f",
      "3f2b8c1e-9d4a-4e6b-8f00-1a2b3c4d5e6f\n",
      "",
    ])
      expect(isUuid(bad), bad).toBe(false);
    expect(isUuid(undefined)).toBe(false);
    expect(isUuid(42)).toBe(false);
  });
});

describe("idField (form ids)", () => {
  it("accepts what isUuid accepts, also ids z.uuid() would refuse, and refuses the rest as a field error", async () => {
    const { idField } = await import("../../../app/lib/fields.server");
    const { CancelRegistrationSchema } = await import("../../../app/modules/trainings/schemas.server");
    // the nil uuid and a version-less one: PostgreSQL takes them, so the form does too
    for (const id of ["00000000-0000-0000-0000-000000000000", "3f2b8c1e-9d4a-0e6b-0f00-1a2b3c4d5e6f"])
      expect(idField().safeParse(id).success).toBe(true);
    // in capitals it is the same id, given back in lower case as the database writes it
    expect(idField().parse("3F2B8C1E-9D4A-4E6B-8F00-1A2B3C4D5E6F")).toBe("3f2b8c1e-9d4a-4e6b-8f00-1a2b3c4d5e6f");
    const refused = CancelRegistrationSchema.safeParse({ registrationId: "------------------------------------" });
    expect(refused.success).toBe(false);
    expect(refused.error?.issues[0]?.message).toBe("errors.invalid");
  });
});
