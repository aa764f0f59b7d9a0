/**
 * Uploaded files: recognised by their first bytes, never by their name, and JPEG
 * photos stripped of their metadata (EXIF with GPS position, XMP, comments) before
 * they are stored. Pure TypeScript, no native package.
 */
export type AttachmentType = "application/pdf" | "image/jpeg" | "image/png";

export function sniffType(bytes: Uint8Array): AttachmentType | null {
  const starts = (sig: number[]) => sig.every((b, i) => bytes[i] === b);
  if (starts([0x25, 0x50, 0x44, 0x46, 0x2d])) return "application/pdf"; // %PDF-
  if (starts([0xff, 0xd8, 0xff])) return "image/jpeg";
  if (starts([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return "image/png";
  return null;
}

/**
 * Keep a JPEG's image and drop what describes the person: every APPn segment but
 * APP0 (JFIF) and APP14 (Adobe colour transform, needed to decode some files), and
 * every COM segment. Segments after start-of-scan are copied as they are. Returns
 * null when the file is not a well-formed JPEG.
 */
export function stripJpegMetadata(input: Uint8Array): Uint8Array | null {
  if (input[0] !== 0xff || input[1] !== 0xd8) return null;
  const out: Uint8Array[] = [input.subarray(0, 2)];
  let i = 2;
  while (i < input.length) {
    if (input[i] !== 0xff) return null;
    // fill bytes
    while (input[i + 1] === 0xff) i++;
    const marker = input[i + 1];
    if (marker === undefined) return null;
    // standalone markers without a length
    if (marker === 0xd8 || marker === 0x01 || (marker >= 0xd0 && marker <= 0xd7)) {
      out.push(input.subarray(i, i + 2));
      i += 2;
      continue;
    }
    if (marker === 0xd9) {
      out.push(input.subarray(i, i + 2));
      break;
    }
    if (i + 3 >= input.length) return null;
    const length = ((input[i + 2] ?? 0) << 8) | (input[i + 3] ?? 0);
    if (length < 2 || i + 2 + length > input.length) return null;
    if (marker === 0xda) {
      // start of scan: the rest is image data (and possibly trailing bytes we keep as is)
      out.push(input.subarray(i));
      break;
    }
    const isApp = marker >= 0xe0 && marker <= 0xef;
    const keep = !(isApp && marker !== 0xe0 && marker !== 0xee) && marker !== 0xfe;
    if (keep) out.push(input.subarray(i, i + 2 + length));
    i += 2 + length;
  }
  const total = out.reduce((n, part) => n + part.length, 0);
  const result = new Uint8Array(total);
  let offset = 0;
  for (const part of out) {
    result.set(part, offset);
    offset += part.length;
  }
  return result;
}

/** A name safe to show and to put in a Content-Disposition header. */
export function safeFilename(name: string, type: AttachmentType): string {
  const ext = type === "application/pdf" ? ".pdf" : type === "image/png" ? ".png" : ".jpg";
  const base = name
    .replace(/\.[^.]*$/, "")
    .normalize("NFKD")
    .replace(/[^A-Za-z0-9_-]+/g, "-")
    .replace(/^-+|-+$/g, "")
    .slice(0, 80);
  return `${base || "file"}${ext}`;
}
