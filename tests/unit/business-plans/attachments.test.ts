import { describe, expect, it } from "vitest";
import { safeFilename, sniffType } from "../../../app/modules/business-plans/attachments";

const ascii = (s: string) => [...Buffer.from(s, "latin1")];

describe("file type by first bytes", () => {
  it("knows PDF, JPEG and PNG, whatever the name", () => {
    expect(sniffType(new Uint8Array(ascii("%PDF-1.7\n")))).toBe("application/pdf");
    expect(sniffType(new Uint8Array([0xff, 0xd8, 0xff, 0xe0]))).toBe("image/jpeg");
    expect(sniffType(new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]))).toBe("image/png");
  });
  it("refuses HTML, SVG, executables and empty files", () => {
    for (const s of ["<html>", "<svg xmlns", "MZ\x90\0", "", " %PDF-"])
      expect(sniffType(new Uint8Array(ascii(s)))).toBeNull();
  });
});

describe("file names", () => {
  it("keeps a readable base and the extension of the real type", () => {
    expect(safeFilename("devis four.PDF", "application/pdf")).toBe("devis-four.pdf");
    expect(safeFilename("../../etc/passwd", "image/png")).toBe("etc-passwd.png");
    expect(safeFilename("صورة.jpg", "image/jpeg")).toBe("file.jpg");
    expect(safeFilename('a"b;c.html', "application/pdf")).toBe("a-b-c.pdf");
  });
});
