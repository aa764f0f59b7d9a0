/**
 * What would give a confidential complaint away (issue 16: a report of sexual exploitation or
 * abuse, and one of staff misconduct, reach the focal point only), and the check of one answer
 * for it. Two walks run it: the access-matrix walk, on the answer of every matrix page to every
 * visitor it reads anyway for their statuses (access-matrix.test.ts), and the confidential
 * test, on the exports and lists outside the matrix (feedback/confidential-visibility.test.ts).
 * Each page is requested once for both checks (decision 0219).
 */
import type { FeedbackItem } from "../../../db/schema";
import { formatReference } from "../../../app/modules/feedback/rules";
import type { Fixture, Who } from "../../access/types";
import { readPdfText } from "../../helpers/pdf";

/** Its words, the contact, the reference (either way it is written), the id. */
export function confidentialMarkers(item: FeedbackItem): string[] {
  return [
    item.message.slice(0, 30),
    item.reference,
    formatReference(item.reference),
    item.id,
    ...(item.contactName ? [item.contactName] : []),
    ...(item.contactPhone ? [item.contactPhone, item.contactPhone.slice(4)] : []),
  ];
}

/** The body as text: PDFs through pdftotext, HTML entities of the markers' characters undone. */
export async function bodyText(response: Response): Promise<string> {
  const bytes = new Uint8Array(await response.arrayBuffer());
  if ((response.headers.get("content-type") ?? "").includes("pdf")) return readPdfText(bytes);
  return new TextDecoder().decode(bytes).replaceAll("&#x27;", "'").replaceAll("&quot;", '"').replaceAll("&amp;", "&");
}

/** The demo's two confidential complaints' markers found in `text`, the answer to `path` as `who`. */
export function confidentialLeaks(fixture: Fixture, path: string, who: Who, text: string): string[] {
  // the focal point's own pages are where they belong
  if (who === "focal_point" && path.startsWith("/complaints")) return [];
  const { psea, misconduct } = fixture.feedback;
  const ids = [psea.id, misconduct.id];
  const leaks: string[] = [];
  for (const marker of [...confidentialMarkers(psea), ...confidentialMarkers(misconduct)]) {
    // an id the visitor typed comes back in the page's own address; the audit log shows
    // admins which record the focal point opened, by id, as it does for case files
    const expected = path.includes(marker) || (path.startsWith("/admin/audit") && ids.includes(marker));
    if (!expected && text.includes(marker)) leaks.push(`${path} as ${who}: ${marker}`);
  }
  return leaks;
}
