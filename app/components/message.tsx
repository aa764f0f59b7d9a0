import { useI18n } from "~/i18n/i18n-context";
import type { MessageKey, TParams } from "~/i18n/translate";

/**
 * A message with each value in its own `<bdi>`: a Latin name, a call's French title or
 * a file name inside an Arabic sentence keeps its own direction, and the sentence its
 * order ("هل تريد إلغاء متابعة Awa Diallo؟" does not move the question mark or the name).
 * The text is the same as `t(id, values)`.
 */
export function Message({ id, values }: { id: MessageKey; values?: TParams }) {
  const { tParts } = useI18n();
  return (
    <>
      {tParts(id, values).map((part, i) =>
        typeof part === "string" ? part : <bdi key={`${i}-${part.param}`}>{part.value}</bdi>,
      )}
    </>
  );
}
