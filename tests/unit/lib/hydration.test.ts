import { describe, expect, it } from "vitest";
import { pageHydrates } from "~/lib/hydration";

describe("pageHydrates", () => {
  it("is true when one matched route asks for the app's scripts", () => {
    expect(pageHydrates([undefined, { hydrate: true }])).toBe(true);
    expect(pageHydrates([{ hydrate: true }, { other: 1 }])).toBe(true);
  });

  it("is false for every other page: no handle, another handle, or anything but true", () => {
    expect(pageHydrates([])).toBe(false);
    expect(pageHydrates([undefined, null, 3, "hydrate"])).toBe(false);
    expect(pageHydrates([{ hydrate: false }, { hydrate: "true" }, { hydrate: 1 }])).toBe(false);
  });
});
