import { useActionData, useSearchParams } from "@remix-run/react";
import type { ReactNode } from "react";
import type { MessageKey } from "~/i18n/translate";
import type { FieldErrors } from "~/lib/forms";
import { ErrorSummary } from "./error-summary";
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
  const refused = useRefused();
  const done = params.get(param);
  if (refused || done === null || !Object.hasOwn(notes, done)) return null;
  return <FormAlert tone="success" message={notes[done as K]} />;
}

/**
 * Whether the page's action has answered: on a page whose every success redirects, that
 * answer is a refusal, and no note of an earlier act may sit above it (decision 0163).
 */
export function useRefused(): boolean {
  return useActionData() !== undefined;
}

/**
 * A note of an earlier act that is not one message of the address (it holds a figure, or
 * the address's flag is bare: `?uploaded`): shown when `when` holds and, as DoneNote,
 * never above a refusal.
 */
export function EarlierActNote({ when, children }: { when: unknown; children: ReactNode }) {
  const refused = useRefused();
  return when && !refused ? <>{children}</> : null;
}

/**
 * The summary of a refusal that no form of the page can show: a form the page does not know
 * (`refuseUnknownForm`), or one the page no longer offers at this address. Under the page's
 * title, with JavaScript and without (decision 0171-placeless-refusals).
 */
export function PlacelessRefusal() {
  const answer = useActionData();
  return <ErrorSummary errors={isPlaceless(answer) ? answer.errors : null} />;
}

function isPlaceless(answer: unknown): answer is { errors: FieldErrors } {
  return typeof answer === "object" && answer !== null && "placeless" in answer && answer.placeless === true;
}
