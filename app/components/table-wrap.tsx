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

/**
 * A plain data table in its scrolling region: one header per column, one cell per column
 * of each row. Pages with cells that span or rows that differ write their own <table>.
 */
export function DataTable<Row>({
  label,
  headers,
  rows,
  rowKey,
  cells,
  rowClassName,
  numeric,
  testId,
}: {
  label: string;
  headers: readonly ReactNode[];
  rows: readonly Row[];
  rowKey: (row: Row, index: number) => string | number;
  cells: (row: Row) => readonly ReactNode[];
  rowClassName?: (row: Row) => string | undefined;
  /** The indexes of the columns of figures, aligned to the end with digits of one width. */
  numeric?: readonly number[];
  testId?: string;
}) {
  return (
    <TableWrap label={label}>
      <table data-testid={testId}>
        <thead>
          <tr>
            {headers.map((header, i) => (
              <th key={i} scope="col">
                {header}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((row, index) => (
            <tr key={rowKey(row, index)} className={rowClassName?.(row)}>
              {cells(row).map((cell, i) => (
                <td key={i} className={numeric?.includes(i) ? "num" : undefined}>
                  {cell}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </TableWrap>
  );
}
