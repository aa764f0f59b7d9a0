import { direction, type Locale } from "~/i18n/config";
import { useI18n } from "~/i18n/i18n-context";
import type { MessageKey, TParams } from "~/i18n/translate";

/**
 * A message with each value in its own `<bdi>`: a Latin name, a call's French title or
 * a file name inside an Arabic sentence keeps its own direction, and the sentence its
 * order ("هل تريد إلغاء متابعة Awa Diallo؟" does not move the question mark or the name).
 * The text is the same as `t(id, values)`. A value in another language than the page's
 * (a language named in itself: "Français") says so in `langs`: its `<bdi>` carries that
 * lang and direction.
 */
export function Message({
  id,
  values,
  langs,
}: {
  id: MessageKey;
  values?: TParams;
  langs?: Partial<Record<string, Locale>>;
}) {
  const { tParts } = useI18n();
  return (
    <>
      {tParts(id, values).map((part, i) =>
        typeof part === "string" ? (
          part
        ) : (
          <bdi
            key={`${i}-${part.param}`}
            lang={langs?.[part.param]}
            dir={langs?.[part.param] ? direction(langs[part.param]!) : undefined}
          >
            {part.value}
          </bdi>
        ),
      )}
    </>
  );
}
