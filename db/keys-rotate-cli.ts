/**
 * `npm run keys:rotate`: re-encrypt every protection value under the current key
 * (app/modules/protection/at-rest.server.ts), in batches; run it again after a stop and
 * it carries on. `npm run keys:rotate -- --new-key` first makes a new key, for a portal
 * that keeps its keys in files (the embedded database, no MASAR_ENCRYPTION_KEY): the
 * current key moves to `.data/encryption.old-keys`, the new one takes its place, and the
 * old file goes once nothing is left under it. With keys in the environment, set the new
 * key as MASAR_ENCRYPTION_KEY ("<id>:<key>") and the old as MASAR_ENCRYPTION_OLD_KEYS on
 * every server first (docs/operations.md#rotating-the-key).
 */
import { randomBytes } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { rotateKeys, valuesPerKey } from "../app/modules/protection/at-rest.server";
import {
  currentKeyId,
  ensureEncryptionKey,
  formatKeyEntry,
  KEY_FILE,
  OLD_KEYS_FILE,
  parseKeyEntry,
  parseOldKeys,
} from "../app/modules/protection/crypto.server";
import { withDatabase } from "./database";

const keyDir = path.resolve(".data");
const keyFile = path.join(keyDir, KEY_FILE);
const oldKeysFile = path.join(keyDir, OLD_KEYS_FILE);
const fromFiles = !process.env.MASAR_ENCRYPTION_KEY;

if (process.argv.includes("--new-key")) {
  if (!fromFiles) {
    console.error(
      "--new-key writes key files: with MASAR_ENCRYPTION_KEY set, put the new key in the environment instead",
    );
    process.exit(2);
  }
  if (!fs.existsSync(keyFile)) {
    console.error(`no key file at ${keyFile}: nothing to rotate from`);
    process.exit(2);
  }
  const current = parseKeyEntry(fs.readFileSync(keyFile, "utf8").trim());
  const old = fs.existsSync(oldKeysFile) ? parseOldKeys(fs.readFileSync(oldKeysFile, "utf8")) : [];
  const next = { id: Math.max(current.id, ...old.map((k) => k.id)) + 1, key: randomBytes(32) };
  // the old key first, so a crash between the two writes loses no key
  fs.writeFileSync(oldKeysFile, [...old, current].map(formatKeyEntry).join("\n") + "\n", { mode: 0o600 });
  fs.writeFileSync(`${keyFile}.new`, formatKeyEntry(next), { mode: 0o600 });
  fs.renameSync(`${keyFile}.new`, keyFile);
  console.log(`new key ${next.id} in ${keyFile}; key ${current.id} kept in ${oldKeysFile} until the rotation is done`);
}

ensureEncryptionKey(keyDir);
const target = currentKeyId();
await withDatabase(async ({ migrationUrl }) => {
  const { createDb } = await import("./client");
  const handle = createDb(migrationUrl, { max: 1 });
  try {
    console.log("values per key before:", await valuesPerKey(handle.sql));
    const counts = await rotateKeys(handle.sql, {
      onBatch: ({ table, rows }) => console.log(`  ${table}: ${rows} rows under key ${target}`),
    });
    console.log("rows re-encrypted:", counts);
    const after = await valuesPerKey(handle.sql);
    console.log("values per key after:", after);
    const left = Object.keys(after).filter((id) => Number(id) !== target);
    if (left.length) {
      console.error(`values are still under key(s) ${left.join(", ")}: run again`);
      process.exitCode = 1;
    } else if (fromFiles && fs.existsSync(oldKeysFile)) {
      fs.rmSync(oldKeysFile);
      console.log(`nothing left under an old key: ${oldKeysFile} removed`);
    } else if (process.env.MASAR_ENCRYPTION_OLD_KEYS) {
      console.log("nothing left under an old key: remove MASAR_ENCRYPTION_OLD_KEYS from every server");
    }
  } finally {
    await handle.close();
  }
});
