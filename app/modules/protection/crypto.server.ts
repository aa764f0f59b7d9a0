/**
 * Encryption at rest of the most sensitive fields (case notes, vulnerability
 * assessments, service notes): AES-256-GCM in the application, so a database dump
 * or a raw query shows only ciphertext. Stored form: "v1:" + base64(iv | tag | ciphertext).
 *
 * The key has one source: the environment variable MASAR_ENCRYPTION_KEY (32 bytes,
 * base64 or hex). The server (app/server/portal.server.ts) and the seed call
 * `ensureEncryptionKey()` at start: with no variable set, it reads or creates a key
 * file under .data/ and puts it in the environment; the tests set a generated key.
 */
import { createCipheriv, createDecipheriv, randomBytes } from "node:crypto";
import fs from "node:fs";
import path from "node:path";

const ENV = "MASAR_ENCRYPTION_KEY";
const PREFIX = "v1:";

export function parseKey(value: string): Buffer {
  const trimmed = value.trim();
  const key = /^[0-9a-f]{64}$/i.test(trimmed) ? Buffer.from(trimmed, "hex") : Buffer.from(trimmed, "base64");
  if (key.length !== 32) throw new Error(`${ENV} must be 32 bytes, in base64 or hex`);
  return key;
}

let cached: { source: string; key: Buffer } | null = null;
function currentKey(): Buffer {
  const source = process.env[ENV];
  if (!source) throw new Error(`${ENV} is not set: call ensureEncryptionKey() at start`);
  if (cached?.source !== source) cached = { source, key: parseKey(source) };
  return cached.key;
}

/** With no key in the environment, read (or create, mode 600) `<dataDir>/encryption.key`. */
export function ensureEncryptionKey(dataDir = path.join(process.cwd(), ".data")): void {
  if (process.env[ENV]) {
    parseKey(process.env[ENV]);
    return;
  }
  const file = path.join(dataDir, "encryption.key");
  if (!fs.existsSync(file)) {
    fs.mkdirSync(dataDir, { recursive: true });
    fs.writeFileSync(file, randomBytes(32).toString("base64"), { mode: 0o600, flag: "wx" });
  }
  const value = fs.readFileSync(file, "utf8").trim();
  parseKey(value);
  process.env[ENV] = value;
}

export function encrypt(plaintext: string): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv("aes-256-gcm", currentKey(), iv);
  const body = Buffer.concat([cipher.update(plaintext, "utf8"), cipher.final()]);
  return PREFIX + Buffer.concat([iv, cipher.getAuthTag(), body]).toString("base64");
}

export function decrypt(stored: string): string {
  if (!stored.startsWith(PREFIX)) throw new Error("not an encrypted value");
  const raw = Buffer.from(stored.slice(PREFIX.length), "base64");
  const decipher = createDecipheriv("aes-256-gcm", currentKey(), raw.subarray(0, 12));
  decipher.setAuthTag(raw.subarray(12, 28));
  return Buffer.concat([decipher.update(raw.subarray(28)), decipher.final()]).toString("utf8");
}

export function encryptJson(value: unknown): string {
  return encrypt(JSON.stringify(value));
}

export function decryptJson<T>(stored: string): T {
  return JSON.parse(decrypt(stored)) as T;
}
