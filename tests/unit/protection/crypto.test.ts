import { randomBytes } from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import {
  decrypt,
  encrypt,
  ensureEncryptionKey,
  keyedHash,
  keyedHashes,
  keyIdOf,
} from "../../../app/modules/protection/crypto.server";

const saved = process.env.MASAR_ENCRYPTION_KEY;
afterEach(() => {
  process.env.MASAR_ENCRYPTION_KEY = saved;
  delete process.env.MASAR_ENCRYPTION_OLD_KEYS;
});
const newKey = () => randomBytes(32).toString("base64");

describe("encryption at rest", () => {
  it("round-trips text and never stores it in clear", () => {
    process.env.MASAR_ENCRYPTION_KEY = randomBytes(32).toString("base64");
    const stored = encrypt("Survivante de violences — نص سري");
    expect(stored.startsWith("v1:")).toBe(true);
    expect(stored).not.toContain("Survivante");
    expect(decrypt(stored)).toBe("Survivante de violences — نص سري");
    expect(encrypt("same")).not.toBe(encrypt("same"));
  });
  it("refuses a tampered value or another key", () => {
    process.env.MASAR_ENCRYPTION_KEY = randomBytes(32).toString("base64");
    const stored = encrypt("note");
    const raw = Buffer.from(stored.slice(3), "base64");
    raw[raw.length - 1]! ^= 1;
    expect(() => decrypt(`v1:${raw.toString("base64")}`)).toThrow();
    process.env.MASAR_ENCRYPTION_KEY = randomBytes(32).toString("hex");
    expect(() => decrypt(stored)).toThrow();
  });
  it("creates a key file under the data folder on first start, and reuses it", () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "masar-key-"));
    try {
      delete process.env.MASAR_ENCRYPTION_KEY;
      ensureEncryptionKey(dir);
      const first = process.env.MASAR_ENCRYPTION_KEY;
      expect(fs.statSync(path.join(dir, "encryption.key")).mode & 0o777).toBe(0o600);
      delete process.env.MASAR_ENCRYPTION_KEY;
      ensureEncryptionKey(dir);
      expect(process.env.MASAR_ENCRYPTION_KEY).toBe(first);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
  it("writes under the current key id and reads the old keys' values while they are configured", () => {
    const one = newKey();
    process.env.MASAR_ENCRYPTION_KEY = one;
    const before = encrypt("Aminata");
    expect(keyIdOf(before)).toBe(1);
    process.env.MASAR_ENCRYPTION_KEY = `2:${newKey()}`;
    expect(() => decrypt(before)).toThrow(/key 1 is not configured/);
    process.env.MASAR_ENCRYPTION_OLD_KEYS = `1:${one}`;
    expect(decrypt(before)).toBe("Aminata");
    const after = encrypt("Aminata");
    expect(after.startsWith("v2:")).toBe(true);
    expect(decrypt(after)).toBe("Aminata");
  });
  it("hashes per key and per purpose; a lookup asks under every key held", () => {
    const one = newKey();
    process.env.MASAR_ENCRYPTION_KEY = one;
    const underOne = keyedHash("phone", "+212611223344");
    expect(keyedHash("phone", "+212611223344")).toBe(underOne);
    expect(keyedHash("document", "+212611223344")).not.toBe(underOne);
    expect(underOne).not.toContain("611223344");
    process.env.MASAR_ENCRYPTION_KEY = `2:${newKey()}`;
    process.env.MASAR_ENCRYPTION_OLD_KEYS = `1:${one}`;
    const underTwo = keyedHash("phone", "+212611223344");
    expect(underTwo).not.toBe(underOne);
    expect(keyedHashes("phone", "+212611223344").sort()).toEqual([underOne, underTwo].sort());
  });
  it("rejects a key of the wrong length", () => {
    process.env.MASAR_ENCRYPTION_KEY = "short";
    expect(() => ensureEncryptionKey("/nonexistent")).toThrow(/32 bytes/);
  });
});
