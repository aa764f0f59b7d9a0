import { useActionData, useSearchParams } from "@remix-run/react";
import type { MessageKey } from "~/i18n/translate";
import { FormAlert } from "./form";

/**
 * The success note a page reads from its address after a redirect (`?done=corrected`), on
 * a page whose action answers only refusals (every success redirects). The form posts to
 * the page's own address, note included, so a refusal comes back under the note of the
 * earlier act: while the action has answered, no note is shown, with JavaScript and
 * without (decision 0163).
 */
export function DoneNote<K extends string>({
  notes,
  param = "done",
}: {
  notes: Record<K, MessageKey>;
  param?: string;
}) {
  const [params] = useSearchParams();
  const refused = useActionData() !== undefined;
  const done = params.get(param);
  if (refused || done === null || !Object.hasOwn(notes, done)) return null;
  return <FormAlert tone="success" message={notes[done as K]} />;
}
