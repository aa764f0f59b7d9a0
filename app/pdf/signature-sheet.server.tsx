/**
 * Sheets people sign on paper: a table whose last column is left empty for a signature or
 * a thumbprint, with rows tall enough to sign in, never split across pages, and a few
 * blank rows at the end for whoever is not on the list. The attendance sheet of a
 * training session and the signature sheet of an aid round are built on it.
 */
import { Text, View } from "@react-pdf/renderer";
import { pdfStyles } from "~/pdf/kit.server";

/** A column: its header and its share of the width (flex weight). */
export type SheetColumn = { header: string; weight: number };

const line = { borderWidth: 0.5, borderColor: "#8a94a3" } as const;
const cell = { paddingHorizontal: 4, paddingVertical: 3, borderRightWidth: 0.5, borderRightColor: "#8a94a3" } as const;

/** A column's width: its share of the table, whatever its content (flex-basis 0). */
const share = (column: SheetColumn) => ({ flexGrow: column.weight, flexShrink: 1, flexBasis: 0 });

/** One row: its cells, then the empty signature cell. */
function SheetRow({
  columns,
  cells,
  height,
}: {
  columns: readonly SheetColumn[];
  cells: readonly string[];
  height: number;
}) {
  return (
    <View
      style={{ flexDirection: "row", minHeight: height, borderBottomWidth: 0.5, borderBottomColor: "#8a94a3" }}
      wrap={false}
    >
      {columns.map((column, i) => (
        <Text key={i} style={[cell, share(column)]}>
          {cells[i] ?? ""}
        </Text>
      ))}
    </View>
  );
}

/**
 * The table: `columns` includes the signature column (last, left empty in every row);
 * `rows` give the other cells; `blankRows` empty rows follow them.
 */
export function SignatureTable({
  columns,
  rows,
  blankRows = 3,
  rowHeight = 30,
}: {
  columns: readonly SheetColumn[];
  rows: readonly (readonly string[])[];
  blankRows?: number;
  rowHeight?: number;
}) {
  return (
    <View style={line}>
      <View
        style={{
          flexDirection: "row",
          backgroundColor: "#eef2f5",
          borderBottomWidth: 0.5,
          borderBottomColor: "#8a94a3",
        }}
        fixed
      >
        {columns.map((column, i) => (
          <Text key={i} style={[cell, pdfStyles.headerCell, share(column)]}>
            {column.header}
          </Text>
        ))}
      </View>
      {rows.map((cells, r) => (
        <SheetRow key={r} columns={columns} cells={cells} height={rowHeight} />
      ))}
      {Array.from({ length: blankRows }, (_, r) => (
        <SheetRow key={`blank-${r}`} columns={columns} cells={[String(rows.length + r + 1)]} height={rowHeight} />
      ))}
    </View>
  );
}
