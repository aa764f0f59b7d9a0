/**
 * Uploaded files: recognised by their first bytes, never by their name. Their metadata
 * is stripped before they are stored by app/lib/file-metadata.server.ts.
 */
export type AttachmentType = "application/pdf" | "image/jpeg" | "image/png";

export function sniffType(bytes: Uint8Array): AttachmentType | null {
  const starts = (sig: number[]) => sig.every((b, i) => bytes[i] === b);
  if (starts([0x25, 0x50, 0x44, 0x46, 0x2d])) return "application/pdf"; // %PDF-
  if (starts([0xff, 0xd8, 0xff])) return "image/jpeg";
  if (starts([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return "image/png";
  return null;
}

/** A name safe to show and to put in a Content-Disposition header. */
export function safeFilename(name: string, type: AttachmentType): string {
  const ext = type === "application/pdf" ? ".pdf" : type === "image/png" ? ".png" : ".jpg";
  const base = name
    .replace(/\.[^./\\]*$/, "")
    .normalize("NFKD")
    .replace(/[^A-Za-z0-9_-]+/g, "-")
    .replace(/^-+|-+$/g, "")
    .slice(0, 80);
  return `${base || "file"}${ext}`;
}
