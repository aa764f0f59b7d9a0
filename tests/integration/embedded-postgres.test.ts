import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import postgres from "postgres";
import { describe, expect, it } from "vitest";
import { startEmbeddedPostgres } from "../../db/embedded";

describe("embedded PostgreSQL", () => {
  it("starts, answers and stops from a checkout that only its owner can enter (CI clones as root into such folders)", async () => {
    const checkout = fs.mkdtempSync(path.join(os.tmpdir(), "masar-private-"));
    fs.chmodSync(checkout, 0o700);
    const server = await startEmbeddedPostgres({
      dataDir: path.join(checkout, ".data", "pg"),
      database: "masar_probe",
    });
    try {
      const sql = postgres(server.url, { max: 1, onnotice: () => {} });
      const [row] = await sql<
        { v: string; db: string }[]
      >`select current_setting('server_version') as v, current_database() as db`;
      await sql.end();
      expect(row?.db).toBe("masar_probe");
      expect(Number(row?.v.split(".")[0])).toBeGreaterThanOrEqual(15);
      expect(server.owned).toBe(true);
      // a second process on the same data folder shares the running server instead of failing
      const second = await startEmbeddedPostgres({
        dataDir: path.join(checkout, ".data", "pg"),
        database: "masar_probe",
      });
      expect(second.owned).toBe(false);
      expect(second.port).toBe(server.port);
    } finally {
      await server.stop();
      fs.rmSync(checkout, { recursive: true, force: true });
      if (server.dataDir.startsWith(os.tmpdir())) fs.rmSync(server.dataDir, { recursive: true, force: true });
    }
    const after = postgres(server.url, { max: 1, connect_timeout: 2, onnotice: () => {} });
    await expect(after`select 1`).rejects.toThrow();
    await after.end();
  });
});
