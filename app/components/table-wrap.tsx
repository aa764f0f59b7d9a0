import type { ReactNode } from "react";

/**
 * A table that may scroll sideways on a phone. A scrollable region must be reachable
 * from the keyboard (axe: scrollable-region-focusable), so it takes focus and is named
 * (usually by the page's title).
 */
export function TableWrap({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div className="table-wrap" tabIndex={0} role="region" aria-label={label}>
      {children}
    </div>
  );
}
