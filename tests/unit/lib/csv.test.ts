import { describe, expect, it } from "vitest";
import { csvCell, csvResponse, parseCsv, toCsv } from "../../../app/lib/csv";

describe("CSV", () => {
  it("defuses cells a spreadsheet would run as formulas", () => {
    expect(csvCell('=HYPERLINK("http://x")')).toBe(`"'=HYPERLINK(""http://x"")"`);
    expect(csvCell("+212600")).toBe("'+212600");
    expect(csvCell("-1")).toBe("'-1");
    expect(csvCell("@SUM(A1)")).toBe("'@SUM(A1)");
    expect(csvCell("\tx")).toBe("'\tx");
    expect(csvCell(-5)).toBe("-5");
    expect(csvCell(Number.NaN)).toBe("");
    expect(csvCell(null)).toBe("");
    expect(csvCell("Rabat")).toBe("Rabat");
  });
  it("writes a BOM and CRLF lines that read back the same, with commas, quotes, Arabic and new lines", () => {
    const csv = toCsv([
      ["Région", "Femmes"],
      ["Rabat, Salé", 12],
      ['Dit "Oujda"\nligne', "<5"],
      ["الرباط", 0],
    ]);
    expect(csv.startsWith("\ufeff")).toBe(true);
    expect(csv.endsWith("\r\n")).toBe(true);
    expect(parseCsv(csv)).toEqual([
      ["Région", "Femmes"],
      ["Rabat, Salé", "12"],
      ['Dit "Oujda"\nligne', "<5"],
      ["الرباط", "0"],
    ]);
  });
  it("answers a download whose file name cannot break the header", async () => {
    const response = csvResponse(toCsv([["a"]]), 'x"; evil=1\r\n.csv');
    expect(response.headers.get("content-type")).toBe("text/csv; charset=utf-8");
    expect(response.headers.get("content-disposition")).toBe('attachment; filename="x-evil-1-.csv"');
    // text() would drop the BOM: read the bytes
    expect([...new Uint8Array(await response.arrayBuffer())]).toEqual([0xef, 0xbb, 0xbf, 0x61, 0x0d, 0x0a]);
  });
});
