/**
 * Codes people copy from paper (voucher codes, sign-in identifiers) must read back from a
 * PDF's text layer as printed; letter spacing once made pdftotext split some pairs. These
 * build codes in which every ordered pair of an alphabet stands inside a group.
 */

/** A de Bruijn sequence of order 2, closed: every ordered pair of symbols appears once. */
export function deBruijnPairs(alphabet: string): string {
  const k = alphabet.length;
  const a = new Array<number>(2 * k).fill(0);
  const out: number[] = [];
  const db = (t: number, p: number) => {
    if (t > 2) {
      if (2 % p === 0) out.push(...a.slice(1, p + 1));
      return;
    }
    a[t] = a[t - p]!;
    db(t + 1, p);
    for (let j = a[t - p]! + 1; j < k; j++) {
      a[t] = j;
      db(t + 1, t);
    }
  };
  db(1, 1);
  const seq = out.map((i) => alphabet[i]).join("");
  return seq + seq[0];
}

/**
 * Groups of `size` symbols, consecutive groups overlapping by one so no pair straddles a
 * dash, joined `perCode` at a time: every ordered pair stands inside some group.
 */
export function codesCoveringEveryPair(alphabet: string, size: number, perCode: number): string[][] {
  const seq = deBruijnPairs(alphabet);
  const groups: string[] = [];
  for (let i = 0; i + 1 < seq.length; i += size - 1) groups.push(seq.slice(i, i + size).padEnd(size, alphabet[0]));
  while (groups.length % perCode) groups.push(alphabet[0]!.repeat(size));
  const codes: string[][] = [];
  for (let i = 0; i < groups.length; i += perCode) codes.push(groups.slice(i, i + perCode));
  return codes;
}

/** The ordered pairs that stand inside the groups. */
export function pairsInside(codes: string[][]): Set<string> {
  const pairs = new Set<string>();
  for (const group of codes.flat()) for (let i = 0; i + 1 < group.length; i++) pairs.add(group.slice(i, i + 2));
  return pairs;
}
