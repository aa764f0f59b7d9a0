/**
 * Encryption at rest of protection data (identities, service details, notes,
 * vulnerability assessments): AES-256-GCM in the application, so a database dump or a
 * raw query shows only ciphertext. Stored form: "v<key id>:" + base64(iv | tag | ciphertext);
 * the values written before keys had ids are "v1:", key 1.
 *
 * Where search and the duplicate check need equality (phone, document number, folded
 * name words), a keyed hash stands beside the ciphertext: HMAC-SHA-256 under a key
 * derived (HKDF) from the encryption key of the same id, so rotating the encryption key
 * renews the hashes with it, and a lookup during a rotation asks for the hash under
 * every key it holds (`keyedHashes`).
 *
 * The keys come from the environment: MASAR_ENCRYPTION_KEY, the current one (32 bytes,
 * base64 or hex, optionally "<id>:" before it; id 1 when absent), and
 * MASAR_ENCRYPTION_OLD_KEYS, the retired ones ("<id>:<key>,<id>:<key>") that values may
 * still be under until `npm run keys:rotate` has re-encrypted them (docs/operations.md).
 * The server and the seed call `ensureEncryptionKey()` at start: with no variable set,
 * it reads or creates a key file (not in the database's folder) and puts it in the
 * environment; the tests set a generated key.
 */
import { createCipheriv, createDecipheriv, createHmac, hkdfSync, randomBytes } from "node:crypto";
import fs from "node:fs";
import path from "node:path";

const ENV = "MASAR_ENCRYPTION_KEY";
const OLD_ENV = "MASAR_ENCRYPTION_OLD_KEYS";
export const KEY_FILE = "encryption.key";
export const OLD_KEYS_FILE = "encryption.old-keys";

export type KeyEntry = { id: number; key: Buffer };

export function parseKey(value: string): Buffer {
  const trimmed = value.trim();
  const key = /^[0-9a-f]{64}$/i.test(trimmed) ? Buffer.from(trimmed, "hex") : Buffer.from(trimmed, "base64");
  if (key.length !== 32) throw new Error(`${ENV} must be 32 bytes, in base64 or hex`);
  return key;
}

/** "<id>:<key>" or "<key>" (key 1). */
export function parseKeyEntry(value: string): KeyEntry {
  const match = /^\s*(\d{1,6}):(.+)$/s.exec(value);
  const id = match ? Number(match[1]) : 1;
  if (!Number.isSafeInteger(id) || id < 1) throw new Error(`${ENV}: a key id is a whole number from 1`);
  return { id, key: parseKey(match ? match[2]! : value) };
}

export function formatKeyEntry(entry: KeyEntry): string {
  return `${entry.id}:${entry.key.toString("base64")}`;
}

export function parseOldKeys(value: string | undefined): KeyEntry[] {
  return (value ?? "")
    .split(/[,\n]/)
    .map((s) => s.trim())
    .filter(Boolean)
    .map(parseKeyEntry);
}

type Keyring = { current: KeyEntry; byId: Map<number, Buffer>; hashKeys: Map<number, Buffer> };
let cached: { source: string; ring: Keyring } | null = null;

function hashKeyOf(key: Buffer): Buffer {
  return Buffer.from(hkdfSync("sha256", key, "masar", "protection identifiers hmac-sha-256", 32));
}

function keyring(): Keyring {
  const current = process.env[ENV];
  if (!current) throw new Error(`${ENV} is not set: call ensureEncryptionKey() at start`);
  const source = `${current}\n${process.env[OLD_ENV] ?? ""}`;
  if (cached?.source === source) return cached.ring;
  const entry = parseKeyEntry(current);
  const byId = new Map<number, Buffer>();
  for (const old of parseOldKeys(process.env[OLD_ENV])) byId.set(old.id, old.key);
  byId.set(entry.id, entry.key);
  const hashKeys = new Map([...byId].map(([id, key]) => [id, hashKeyOf(key)]));
  cached = { source, ring: { current: entry, byId, hashKeys } };
  return cached.ring;
}

export function currentKeyId(): number {
  return keyring().current.id;
}

/** Every key id this process can read, the current one first. */
export function knownKeyIds(): number[] {
  const ring = keyring();
  return [ring.current.id, ...[...ring.byId.keys()].filter((id) => id !== ring.current.id)];
}

/**
 * With no key in the environment, read (or create, mode 600) `<keyDir>/encryption.key`
 * and, when there is one, `<keyDir>/encryption.old-keys`. The folder must not be the
 * database's data folder, nor be copied with its backups (docs/operations.md).
 */
export function ensureEncryptionKey(keyDir = path.join(process.cwd(), ".data")): void {
  if (process.env[ENV]) {
    parseKeyEntry(process.env[ENV]);
    parseOldKeys(process.env[OLD_ENV]);
    return;
  }
  const file = path.join(keyDir, KEY_FILE);
  if (!fs.existsSync(file)) {
    fs.mkdirSync(keyDir, { recursive: true });
    fs.writeFileSync(file, randomBytes(32).toString("base64"), { mode: 0o600, flag: "wx" });
  }
  const value = fs.readFileSync(file, "utf8").trim();
  parseKeyEntry(value);
  process.env[ENV] = value;
  const oldFile = path.join(keyDir, OLD_KEYS_FILE);
  if (fs.existsSync(oldFile)) {
    const old = fs.readFileSync(oldFile, "utf8").trim();
    parseOldKeys(old);
    process.env[OLD_ENV] = old;
  }
}

/** The key id a stored value is under; null when it is not an encrypted value. */
export function keyIdOf(stored: string): number | null {
  const match = /^v(\d+):/.exec(stored);
  return match ? Number(match[1]) : null;
}

export function encrypt(plaintext: string): string {
  const { current } = keyring();
  const iv = randomBytes(12);
  const cipher = createCipheriv("aes-256-gcm", current.key, iv);
  const body = Buffer.concat([cipher.update(plaintext, "utf8"), cipher.final()]);
  return `v${current.id}:` + Buffer.concat([iv, cipher.getAuthTag(), body]).toString("base64");
}

export function decrypt(stored: string): string {
  const id = keyIdOf(stored);
  if (id === null) throw new Error("not an encrypted value");
  const key = keyring().byId.get(id);
  if (!key) throw new Error(`encryption key ${id} is not configured (${OLD_ENV})`);
  const raw = Buffer.from(stored.slice(stored.indexOf(":") + 1), "base64");
  const decipher = createDecipheriv("aes-256-gcm", key, raw.subarray(0, 12));
  decipher.setAuthTag(raw.subarray(12, 28));
  return Buffer.concat([decipher.update(raw.subarray(28)), decipher.final()]).toString("utf8");
}

export function encryptJson(value: unknown): string {
  return encrypt(JSON.stringify(value));
}

export function decryptJson<T>(stored: string): T {
  return JSON.parse(decrypt(stored)) as T;
}

/** What a keyed hash is of: the same value hashes differently per purpose. */
export type HashPurpose = "phone" | "document" | "name" | "import_row";

function hmac(key: Buffer, purpose: HashPurpose, value: string): string {
  return createHmac("sha256", key).update(`${purpose}\u0000${value}`).digest("base64url");
}

/** The keyed hash of an already normalised value, under the current key (what is stored). */
export function keyedHash(purpose: HashPurpose, value: string): string {
  const ring = keyring();
  return hmac(ring.hashKeys.get(ring.current.id)!, purpose, value);
}

/** The hash under every key held: a lookup finds rows a rotation has not reached yet. */
export function keyedHashes(purpose: HashPurpose, value: string): string[] {
  return [...keyring().hashKeys.values()].map((key) => hmac(key, purpose, value));
}
