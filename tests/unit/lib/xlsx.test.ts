import { describe, expect, it } from "vitest";
import { MAX_XLSX_UNPACKED_BYTES, readXlsx } from "../../../app/lib/xlsx.server";
import { readCsvFile } from "../../../app/lib/csv";
import { makeXlsx } from "../../helpers/xlsx";

describe("readXlsx", () => {
  it("reads the first sheet's text, shared or inline, numbers as written, gaps as blanks", () => {
    const rows = [
      ["prenom", "nom", "age"],
      ["Aïcha", "Ben <Ali> & co", 34],
      ["محمد", "", 7],
    ];
    expect(readXlsx(makeXlsx(rows))).toEqual([
      ["prenom", "nom", "age"],
      ["Aïcha", "Ben <Ali> & co", "34"],
      ["محمد", "", "7"],
    ]);
    expect(readXlsx(makeXlsx(rows, { inline: true }))?.[2]).toEqual(["محمد", "", "7"]);
  });

  it("answers null for what is not a workbook: random bytes, a truncated file, a zip without a sheet", () => {
    const good = makeXlsx([["a"]]);
    expect(readXlsx(new Uint8Array([0x50, 0x4b, 0x03, 0x04, 1, 2, 3]))).toBeNull();
    expect(readXlsx(good.subarray(0, good.length - 40))).toBeNull();
    expect(readXlsx(new TextEncoder().encode("not a zip at all"))).toBeNull();
  });

  it("refuses a sheet that would unpack past the limit (a zip bomb) rather than inflate it", () => {
    const bomb = makeXlsx([["x".repeat(MAX_XLSX_UNPACKED_BYTES)]]);
    expect(bomb.length).toBeLessThan(MAX_XLSX_UNPACKED_BYTES / 100);
    expect(readXlsx(bomb)).toBeNull();
    expect(readXlsx(makeXlsx([["x".repeat(1000)]]))?.[0]?.[0]).toHaveLength(1000);
  });
});

describe("readCsvFile", () => {
  it("finds the delimiter (comma, semicolon, tab) and reads quoted cells", () => {
    expect(readCsvFile('a;b\r\n"x;y";"say ""hi"""\r\n')).toEqual([
      ["a", "b"],
      ["x;y", 'say "hi"'],
    ]);
    expect(readCsvFile("a\tb\n1\t2")).toEqual([
      ["a", "b"],
      ["1", "2"],
    ]);
  });

  it("answers null to a quote never closed or text after a closing quote", () => {
    expect(readCsvFile('a,b\n"open,2\n')).toBeNull();
    expect(readCsvFile('a,b\n"x"y,2\n')).toBeNull();
  });
});
