/** A V8 heap snapshot's self sizes summed by node type and constructor name. */
import fs from "node:fs";

type Snapshot = {
  snapshot: { meta: { node_fields: string[]; node_types: [string[]] } };
  nodes: number[];
  strings: string[];
};

export function heapByConstructor(file: string): { total: number; sizes: Map<string, number> } {
  const heap = JSON.parse(fs.readFileSync(file, "utf8")) as Snapshot;
  const fields = heap.snapshot.meta.node_fields;
  const types = heap.snapshot.meta.node_types[0];
  const width = fields.length;
  const typeAt = fields.indexOf("type");
  const nameAt = fields.indexOf("name");
  const sizeAt = fields.indexOf("self_size");
  const sizes = new Map<string, number>();
  let total = 0;
  for (let i = 0; i < heap.nodes.length; i += width) {
    const type = types[heap.nodes[i + typeAt]!]!;
    const size = heap.nodes[i + sizeAt]!;
    const name = type === "object" || type === "native" ? heap.strings[heap.nodes[i + nameAt]!]! : `(${type})`;
    total += size;
    sizes.set(name, (sizes.get(name) ?? 0) + size);
  }
  return { total, sizes };
}
