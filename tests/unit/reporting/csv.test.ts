import { describe, expect, it } from "vitest";
import { parseCsv } from "../../../app/lib/csv";
import { isHxlTag, toHxlCsv } from "../../../app/modules/reporting/csv";

describe("CSV with HXL", () => {
  it("round-trips headers, the HXL row and values with commas, quotes, Arabic and new lines", () => {
    const csv = toHxlCsv(
      [
        { header: "Région", hxl: "#adm1 +name" },
        { header: "Femmes", hxl: "#reached +f" },
      ],
      [
        ["Rabat, Salé", 12],
        ['Dit "Oujda"\nligne', "<5"],
        ["الرباط", 0],
      ],
    );
    expect(csv.startsWith("\ufeff")).toBe(true);
    const rows = parseCsv(csv);
    expect(rows[0]).toEqual(["Région", "Femmes"]);
    expect(rows[1]).toEqual(["#adm1 +name", "#reached +f"]);
    expect(rows[2]).toEqual(["Rabat, Salé", "12"]);
    expect(rows[3]).toEqual(['Dit "Oujda"\nligne', "<5"]);
    expect(rows[4]).toEqual(["الرباط", "0"]);
    expect(rows).toHaveLength(5);
  });
  it("tells well-formed HXL tags", () => {
    expect(isHxlTag("#affected +f +children")).toBe(true);
    expect(isHxlTag("#date +start")).toBe(true);
    expect(isHxlTag("affected")).toBe(false);
    expect(isHxlTag("#Affected")).toBe(false);
  });
});
