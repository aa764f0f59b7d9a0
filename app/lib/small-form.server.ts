/**
 * A posted form read only up to a size, for pages anyone may post to without an account
 * (the footer's feedback form): a larger body is refused after `maxBytes` bytes, before
 * it is parsed, and what is left of it is drained by the server (dropUnreadBody).
 */
export async function readSmallForm(request: Request, maxBytes: number): Promise<FormData | null> {
  const declared = Number(request.headers.get("content-length"));
  if (Number.isFinite(declared) && declared > maxBytes) return null;
  const chunks: Uint8Array[] = [];
  let size = 0;
  if (request.body) {
    const reader = request.body.getReader();
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      size += value.byteLength;
      if (size > maxBytes) {
        await reader.cancel();
        return null;
      }
      chunks.push(value);
    }
  }
  const body = new Uint8Array(size);
  let offset = 0;
  for (const chunk of chunks) {
    body.set(chunk, offset);
    offset += chunk.byteLength;
  }
  const headers = new Headers();
  const type = request.headers.get("content-type");
  if (type) headers.set("content-type", type);
  try {
    return await new Request(request.url, { method: "POST", headers, body }).formData();
  } catch {
    // not a form at all (a wrong content type, a broken multipart body): an empty one, which the schema refuses
    return new FormData();
  }
}
