import { describe, expect, it } from "vitest";
import { capacityProblem, seatsFreed } from "../../../app/modules/trainings/rules";

describe("a cohort's corrected capacity", () => {
  it("may come down to the seats taken, never below", () => {
    expect(capacityProblem(5, 5)).toBeNull();
    expect(capacityProblem(8, 5)).toBeNull();
    expect(capacityProblem(4, 5)).toBe("belowSeats");
  });

  it("frees as many seats as it adds above those taken", () => {
    expect(seatsFreed(8, 5)).toBe(3);
    expect(seatsFreed(5, 5)).toBe(0);
    expect(seatsFreed(3, 5)).toBe(0);
  });
});
