/**
 * A form with one file, read as a browser without JavaScript posts it (multipart). The
 * body as a whole is limited before it is read (app/server/middleware.server.ts
 * UPLOAD_BODY_LIMITS); here the file itself is: past `maxBytes` it is dropped, and the
 * rest is read up to three times the limit, so the browser gets our page ("too large")
 * rather than a reset connection. Other fields are small text (64 KiB each at most).
 */
import {
  MaxPartSizeExceededError,
  unstable_composeUploadHandlers,
  unstable_createMemoryUploadHandler,
  unstable_parseMultipartFormData,
} from "@remix-run/node";

export type Upload =
  | { ok: true; form: FormData; file: { name: string; bytes: Uint8Array } | null }
  /** over the limit; `closeConnection` when the rest of the body was left unread */
  | { ok: false; closeConnection: boolean };

export async function readUpload(request: Request, options: { field: string; maxBytes: number }): Promise<Upload> {
  const { field, maxBytes } = options;
  let tooLarge = false;
  let form: FormData;
  try {
    form = await unstable_parseMultipartFormData(
      request,
      unstable_composeUploadHandlers(
        async (part) => {
          if (part.name !== field || !part.filename) return undefined;
          const chunks: Uint8Array<ArrayBuffer>[] = [];
          let size = 0;
          for await (const chunk of part.data) {
            size += chunk.length;
            if (size > maxBytes) tooLarge = true;
            else chunks.push(new Uint8Array(chunk));
            if (size > 3 * maxBytes) throw new MaxPartSizeExceededError(part.name, maxBytes);
          }
          if (tooLarge) return undefined;
          return new File(chunks, part.filename, { type: part.contentType });
        },
        unstable_createMemoryUploadHandler({ maxPartSize: 64 * 1024 }),
      ),
    );
  } catch (error) {
    if (error instanceof MaxPartSizeExceededError) return { ok: false, closeConnection: true };
    throw error;
  }
  if (tooLarge) return { ok: false, closeConnection: false };
  const file = form.get(field);
  // no file chosen: null; an empty file chosen: its name and no bytes (the caller says which)
  if (!file || typeof file === "string" || (file.size === 0 && !file.name)) return { ok: true, form, file: null };
  return { ok: true, form, file: { name: file.name, bytes: new Uint8Array(await file.arrayBuffer()) } };
}
