import { LocalizedText } from "~/components/localized-text";
import { useI18n } from "~/i18n/i18n-context";
import type { Trilingual } from "~/lib/localized";

/** The items of a hand-out, each with its quantity (the hand-out's check, and its correction's). */
export function ItemQuantities({
  items,
  testId,
}: {
  items: readonly (Trilingual<"name"> & { itemId: string; quantity: number })[];
  testId: string;
}) {
  const { formatNumber } = useI18n();
  return (
    <ul data-testid={testId}>
      {items.map((i) => (
        <li key={i.itemId}>
          <bdi>
            <LocalizedText row={i} field="name" />
          </bdi>{" "}
          × <strong>{formatNumber(i.quantity)}</strong>
        </li>
      ))}
    </ul>
  );
}
