// `npm run build` ends here: every fingerprinted asset of public/build gets a .gz beside
// it, compressed once at the highest level, so the server never gzips the same 250 KB
// chunk again for each phone (app/server/static.server.ts serves them). Why:
// docs/decisions/0076-gzip-once-for-assets-lightly-for-pages.md.
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import process from "node:process";
import zlib from "node:zlib";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const dir = path.join(root, "public", "build");
/** Below one TCP segment, gzip saves no round trip. */
const MIN_BYTES = 1400;
let count = 0;
let before = 0;
let after = 0;
for (const entry of fs.readdirSync(dir, { recursive: true, withFileTypes: true })) {
  if (!entry.isFile() || !/\.(js|css|map|json|svg)$/.test(entry.name)) continue;
  const file = path.join(entry.parentPath ?? entry.path, entry.name);
  const body = fs.readFileSync(file);
  if (body.length < MIN_BYTES) continue;
  const gz = zlib.gzipSync(body, { level: 9 });
  fs.writeFileSync(`${file}.gz`, gz);
  count++;
  before += body.length;
  after += gz.length;
}
process.stdout.write(
  `precompressed ${count} assets: ${(before / 1024).toFixed(0)} KB -> ${(after / 1024).toFixed(0)} KB gzip\n`,
);
