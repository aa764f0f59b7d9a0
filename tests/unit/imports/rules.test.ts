import { describe, expect, it } from "vitest";
import {
  decodeText,
  fieldOfHeader,
  fileKindOf,
  mapColumns,
  previewSummary,
  readDay,
  readLanguage,
  readSex,
  readYesNo,
  repeatedRows,
  rowIdentity,
  rowsByField,
  rowsToWrite,
} from "../../../app/modules/imports/rules";

describe("column mapping", () => {
  it("reads the documented French and English headers, folded (case, accents, spaces)", () => {
    expect(fieldOfHeader("Prénom")).toBe("firstName");
    expect(fieldOfHeader("first name")).toBe("firstName");
    expect(fieldOfHeader(" Date de naissance ")).toBe("dateOfBirth");
    expect(fieldOfHeader("\ufeffNOM")).toBe("lastName");
    expect(fieldOfHeader("Téléphone")).toBe("phone");
  });

  it("reads KoBo's names with their group, keeps _uuid as the source id and drops KoBo's bookkeeping", () => {
    expect(fieldOfHeader("identite/prenom")).toBe("firstName");
    expect(fieldOfHeader("group_person/sex")).toBe("sex");
    expect(fieldOfHeader("_uuid")).toBe("sourceId");
    expect(fieldOfHeader("meta/instanceID")).toBe("sourceId");
    expect(fieldOfHeader("_submission_time")).toBe("meta");
    expect(fieldOfHeader("favourite_colour")).toBeNull();
  });

  it("lists the missing required columns, the ignored ones and a field given twice", () => {
    const mapping = mapColumns(["prenom", "first_name", "nom", "couleur", "_id"]);
    expect(mapping.fields).toEqual(["firstName", null, "lastName", null, null]);
    expect(mapping.missing).toEqual(["sex", "consentServices"]);
    expect(mapping.ignored).toEqual(["couleur"]);
    expect(mapping.repeated).toEqual(["first_name"]);
  });
});

describe("cell values", () => {
  it("reads a sex as KoBo's select_one names or labels write it, in three languages", () => {
    expect(["female", "F", "Femme", "féminin", "أنثى"].map(readSex)).toEqual(Array(5).fill("female"));
    expect(["male", "M", "Homme", "ذكر"].map(readSex)).toEqual(Array(4).fill("male"));
    expect(readSex("autre")).toBe("other");
    expect(readSex("3")).toBeUndefined();
  });

  it("reads yes and no, and nothing else", () => {
    expect(["oui", "Yes", "1", "TRUE", "نعم"].map(readYesNo)).toEqual(Array(5).fill(true));
    expect(["non", "no", "0", "", "لا"].map(readYesNo)).toEqual(Array(5).fill(false));
    expect(readYesNo("peut-être")).toBeNull();
  });

  it("reads days as ISO, KoBo's ISO with a time, French day/month/year and spreadsheet serials", () => {
    expect(readDay("2001-03-27")).toBe("2001-03-27");
    expect(readDay("2001-03-27T00:00:00.000+01:00")).toBe("2001-03-27");
    expect(readDay("27/03/2001")).toBe("2001-03-27");
    expect(readDay("36977")).toBe("2001-03-27");
    expect(readDay("")).toBe("");
    expect(readDay("31/02/2001")).toBeNull();
    expect(readDay("hier")).toBeNull();
  });

  it("reads a consent language, the preview's language when blank", () => {
    expect(readLanguage("", "ar")).toBe("ar");
    expect(readLanguage("Français", "ar")).toBe("fr");
    expect(readLanguage("EN", "fr")).toBe("en");
    expect(readLanguage("wolof", "fr")).toBeNull();
  });
});

describe("files", () => {
  it("tells CSV from XLSX by name and content, and refuses the rest", () => {
    const zip = new Uint8Array([0x50, 0x4b, 0x03, 0x04, 0]);
    const text = new TextEncoder().encode("a,b");
    expect(fileKindOf("liste.CSV", text)).toBe("csv");
    expect(fileKindOf("liste.xlsx", zip)).toBe("xlsx");
    expect(fileKindOf("liste.xlsx", text)).toBeNull();
    expect(fileKindOf("liste.csv", zip)).toBeNull();
    expect(fileKindOf("photo.png", text)).toBeNull();
  });

  it("decodes UTF-8, UTF-16 with its BOM and Excel's Windows-1252", () => {
    expect(decodeText(new TextEncoder().encode("Prénom"))).toBe("Prénom");
    expect(decodeText(new Uint8Array([0x50, 0x72, 0xe9, 0x6e, 0x6f, 0x6d]))).toBe("Prénom");
    expect(decodeText(new Uint8Array([0xff, 0xfe, 0x41, 0x00, 0x27, 0x06]))).toBe("Aا");
  });
});

describe("rows", () => {
  const mapping = mapColumns(["prenom", "nom", "telephone", "_uuid"]);

  it("numbers rows as the spreadsheet does and leaves blank rows out", () => {
    const rows = rowsByField(
      [
        ["prenom", "nom", "telephone", "_uuid"],
        ["A", "B", "06", ""],
        [" ", "", "", ""],
        ["C", "D", "", "u-1"],
      ],
      mapping,
    );
    expect(rows.map((r) => r.line)).toEqual([2, 4]);
    expect(rows[1]!.cells).toEqual({ firstName: "C", lastName: "D", phone: "", sourceId: "u-1" });
  });

  it("keys a row by its source id, else by the person: spelling and phone format do not matter", () => {
    expect(rowIdentity({ sourceId: "ABC", firstName: "x" })).toBe("source:abc");
    const a = rowIdentity({ firstName: "Mohamed", lastName: "Diallo", phone: "06 12 34 56 78" });
    const b = rowIdentity({ firstName: "Muhammad", lastName: "DIALLO", phone: "+212612345678" });
    expect(a).toBe(b);
    expect(rowIdentity({ firstName: "Mohamed", lastName: "Diallo", phone: "0699999999" })).not.toBe(a);
  });

  it("marks the later rows that repeat an earlier one", () => {
    const repeats = repeatedRows([
      { line: 2, identity: "x" },
      { line: 3, identity: "y" },
      { line: 4, identity: "x" },
    ]);
    expect([...repeats]).toEqual([[4, 2]]);
  });

  it("writes ready rows, and rows with a likely duplicate only when ticked; never rows with a problem", () => {
    const rows = [
      { line: 2, problems: [], duplicates: [] },
      { line: 3, problems: [{ field: "sex" as const, message: "errors.invalid" as const }], duplicates: [] },
      { line: 4, problems: [], duplicates: [{}] },
      { line: 5, problems: [], duplicates: [{}] },
    ];
    expect(rowsToWrite(rows, new Set([5, 3])).map((r) => r.line)).toEqual([2, 5]);
    const summary = previewSummary(rows);
    expect(summary).toMatchObject({ rows: 4, ready: 1, problems: 1, duplicates: 2, hidden: 0 });
    expect(summary.shown.map((r) => r.line)).toEqual([3, 4, 5]);
  });
});
