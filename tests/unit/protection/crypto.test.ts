import { randomBytes } from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { decrypt, encrypt, ensureEncryptionKey } from "../../../app/modules/protection/crypto.server";

const saved = process.env.MASAR_ENCRYPTION_KEY;
afterEach(() => {
  process.env.MASAR_ENCRYPTION_KEY = saved;
});

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
  it("rejects a key of the wrong length", () => {
    process.env.MASAR_ENCRYPTION_KEY = "short";
    expect(() => ensureEncryptionKey("/nonexistent")).toThrow(/32 bytes/);
  });
});
