import { spawn } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import postgres from "postgres";
import { describe, expect, inject, it } from "vitest";
import { HBA, readCredentials } from "../../db/embedded-auth";
import { startEmbeddedPostgres } from "../../db/embedded";
import { runMigrations } from "../../db/migrate";
import { APP_ROLE } from "../../db/roles";

/** The SQLSTATE (or the client's error code) a connection attempt fails with, or "ok". */
async function signIn(url: string): Promise<string> {
  const sql = postgres(url, { max: 1, connect_timeout: 3, onnotice: () => {} });
  try {
    await sql`select 1`;
    return "ok";
  } catch (error) {
    return String((error as { code?: string }).code ?? error);
  } finally {
    await sql.end({ timeout: 1 });
  }
}

function as(url: string, user: string, password: string | null): string {
  const u = new URL(url);
  u.username = user;
  u.password = password ?? "";
  return u.toString();
}

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
        { v: string; db: string; fsync: string; commit: string }[]
      >`select current_setting('server_version') as v, current_database() as db,
               current_setting('fsync') as fsync, current_setting('synchronous_commit') as commit`;
      await sql.end();
      expect(row?.db).toBe("masar_probe");
      // the portal's own server keeps what it is told survives a crash (only test runs skip flushing)
      expect([row?.fsync, row?.commit]).toEqual(["on", "on"]);
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

describe("the embedded server's door", () => {
  it("lets in only the two roles with their generated passwords, over 127.0.0.1; the app's role owns nothing", async () => {
    const checkout = fs.mkdtempSync(path.join(os.tmpdir(), "masar-door-"));
    fs.chmodSync(checkout, 0o755);
    const dataDir = path.join(checkout, ".data", "pg");
    const server = await startEmbeddedPostgres({ dataDir, database: "masar_door" });
    try {
      // the passwords: beside the data folder, never in it, readable by their owner only
      expect(server.credentialsFile).toBe(`${dataDir}.passwords.json`);
      expect(path.relative(server.dataDir, server.credentialsFile).startsWith("..")).toBe(true);
      expect(fs.statSync(server.credentialsFile).mode & 0o777).toBe(0o600);
      const credentials = readCredentials(server.credentialsFile)!;
      expect(credentials.superuser.length).toBeGreaterThanOrEqual(32);
      expect(credentials.app).not.toBe(credentials.superuser);
      expect(fs.readFileSync(path.join(server.dataDir, "pg_hba.conf"), "utf8")).toBe(HBA);

      // without a password, with a wrong one, with another role's: refused
      for (const user of ["postgres", APP_ROLE]) {
        expect(await signIn(as(server.url, user, null)), `${user} without a password`).not.toBe("ok");
        expect(await signIn(as(server.url, user, "postgres")), `${user} with a guessed password`).toBe("28P01");
        expect(await signIn(as(server.url, user, `${credentials.superuser}x`)), user).toBe("28P01");
      }
      expect(await signIn(as(server.url, APP_ROLE, credentials.superuser))).toBe("28P01");
      expect(await signIn(as(server.url, "postgres", credentials.app))).toBe("28P01");
      // a role that does not exist gets the same answer as a wrong password
      expect(await signIn(as(server.url, "masar", credentials.superuser))).toBe("28P01");
      expect(await signIn(server.url)).toBe("ok");
      expect(await signIn(server.appUrl)).toBe("ok");

      const admin = postgres(server.url, { max: 1, onnotice: () => {} });
      const [settings] = await admin<{ listen: string; socket: string; encryption: string }[]>`
        select current_setting('listen_addresses') as listen, current_setting('unix_socket_directories') as socket,
          current_setting('password_encryption') as encryption`;
      expect(settings).toEqual({ listen: "127.0.0.1", socket: "", encryption: "scram-sha-256" });
      const hashes = await admin<{ name: string; scram: boolean }[]>`
        select rolname as name, rolpassword like 'SCRAM-SHA-256$%' as scram from pg_authid where rolcanlogin order by 1`;
      expect(hashes).toEqual([
        { name: APP_ROLE, scram: true },
        { name: "postgres", scram: true },
      ]);
      await admin.end();

      // the portal's road: migrations as the owner, then the app as its role
      await runMigrations(server.url, undefined, { appRole: APP_ROLE });
      const app = postgres(server.appUrl, { max: 1, onnotice: () => {} });
      try {
        const [me] = await app<{ superuser: boolean; owned: number }[]>`
          select rolsuper as superuser, (select count(*)::int from pg_class where relowner = r.oid) as owned
          from pg_roles r where rolname = current_user`;
        expect(me).toEqual({ superuser: false, owned: 0 });
        await expect(app`create table evil (x int)`).rejects.toMatchObject({ code: "42501" });
        await expect(app`copy (select 1) to program 'id'`).rejects.toMatchObject({ code: "42501" });
        await app`insert into audit_log (action, entity_type) values ('probe', 'probe')`;
        await expect(app`delete from audit_log`).rejects.toMatchObject({ code: "42501" });
        // failing statements that quote personal data: none of it reaches the server's log
        const phone = "+212600778899";
        await app`insert into users (display_name, role, phone) values ('Canari Unique', 'applicant', ${phone})`;
        await expect(
          app`insert into users (display_name, role, phone) values ('Canari Double', 'applicant', ${phone})`,
        ).rejects.toMatchObject({ code: "23505" });
        await expect(app`select ${"Canari-Nom-Fatima"}::uuid`).rejects.toMatchObject({ code: "22P02" });
      } finally {
        await app.end();
      }
      const log = fs.readFileSync(path.join(server.dataDir, "server.log"), "utf8");
      expect(log).toContain("database system is ready");
      for (const canary of ["600778899", "Canari", "Fatima"]) expect(log, canary).not.toContain(canary);
    } finally {
      await server.stop();
      fs.rmSync(checkout, { recursive: true, force: true });
    }
  });

  it("upgrades a data folder from before passwords at its next start, and refuses one whose passwords are lost", async () => {
    const checkout = fs.mkdtempSync(path.join(os.tmpdir(), "masar-legacy-"));
    fs.chmodSync(checkout, 0o755);
    const dataDir = path.join(checkout, ".data", "pg");
    const first = await startEmbeddedPostgres({ dataDir, database: "masar_legacy" });
    const before = postgres(first.url, { max: 1, onnotice: () => {} });
    await before`create table kept (x int)`;
    await before`insert into kept values (42)`;
    await before.end();
    await first.stop();
    // what an older version left: every local connection trusted, no password file
    fs.writeFileSync(path.join(first.dataDir, "pg_hba.conf"), "host all all 127.0.0.1/32 trust\n");
    fs.rmSync(first.credentialsFile);
    try {
      const upgraded = await startEmbeddedPostgres({ dataDir, database: "masar_legacy" });
      try {
        expect(fs.statSync(upgraded.credentialsFile).mode & 0o777).toBe(0o600);
        expect(fs.readFileSync(path.join(upgraded.dataDir, "pg_hba.conf"), "utf8")).toBe(HBA);
        expect(await signIn(as(upgraded.url, "postgres", null))).not.toBe("ok");
        expect(await signIn(as(upgraded.url, "postgres", "wrong"))).toBe("28P01");
        const after = postgres(upgraded.url, { max: 1, onnotice: () => {} });
        expect(await after`select x from kept`).toEqual([{ x: 42 }]);
        await after.end();
        expect(await signIn(upgraded.appUrl)).toBe("ok");
      } finally {
        await upgraded.stop();
      }
      // the password file lost: a clear refusal, not a hang or a silent new cluster
      fs.rmSync(first.credentialsFile);
      await expect(startEmbeddedPostgres({ dataDir, database: "masar_legacy" })).rejects.toThrow(
        /asks for a password, but its password file .* is missing/,
      );
      expect(fs.existsSync(path.join(first.dataDir, "PG_VERSION"))).toBe(true);
    } finally {
      fs.rmSync(checkout, { recursive: true, force: true });
    }
  });
});

describe("a test run's embedded server", () => {
  it("skips flushing to disk: its data is thrown away after the run", async () => {
    // The server this run's files use, started by tests/setup/global-setup.ts, when the run is
    // on the embedded server (as the README's test command is): what is checked is the server
    // the tests get, and no other is started for it. A run on TEST_DATABASE_URL's server starts
    // one the same way.
    const dir = inject("pgEmbedded") ? null : fs.mkdtempSync(path.join(os.tmpdir(), "masar-throwaway-"));
    if (dir) fs.chmodSync(dir, 0o755);
    const server = dir ? await startEmbeddedPostgres({ dataDir: path.join(dir, "pg"), throwaway: true }) : null;
    try {
      const sql = postgres(server?.url ?? inject("pgAdminUrl"), { max: 1, onnotice: () => {} });
      const [row] = await sql<{ fsync: string; commit: string; pages: string }[]>`
        select current_setting('fsync') as fsync, current_setting('synchronous_commit') as commit,
          current_setting('full_page_writes') as pages`;
      await sql.end();
      expect([row?.fsync, row?.commit, row?.pages]).toEqual(["off", "off", "off"]);
    } finally {
      await server?.stop();
      if (dir) fs.rmSync(dir, { recursive: true, force: true });
      if (server?.dataDir.startsWith(os.tmpdir())) fs.rmSync(server.dataDir, { recursive: true, force: true });
    }
  });
});

describe("a test run's embedded server, when the run is killed", () => {
  it("is stopped and its folder removed by the watchdog, not left running", async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "masar-orphan-"));
    fs.chmodSync(dir, 0o755);
    // a process that starts a throwaway server, says where, then waits to be killed
    const script = path.join(dir, "owner.mts");
    const embedded = path.resolve("db/embedded.ts");
    fs.writeFileSync(
      script,
      `import { startEmbeddedPostgres } from ${JSON.stringify(embedded)};
       const server = await startEmbeddedPostgres({ dataDir: ${JSON.stringify(path.join(dir, "pg"))}, throwaway: true, temporary: ${JSON.stringify(dir)} });
       console.log(JSON.stringify({ dataDir: server.dataDir, url: server.url }));
       setInterval(() => {}, 1000);`,
    );
    const owner = spawn(process.execPath, ["--import", "tsx", script], { stdio: ["ignore", "pipe", "inherit"] });
    let postmaster = 0;
    let dataDir = "";
    try {
      const line = await new Promise<string>((resolve, reject) => {
        let out = "";
        owner.stdout.on("data", (d: Buffer) => {
          out += d.toString();
          if (out.includes("\n")) resolve(out.split("\n")[0]!);
        });
        owner.on("exit", (code) => reject(new Error(`the owner exited with ${code}`)));
      });
      const started = JSON.parse(line) as { dataDir: string; url: string };
      dataDir = started.dataDir;
      postmaster = Number(fs.readFileSync(path.join(dataDir, "postmaster.pid"), "utf8").split("\n")[0]);
      expect(await signIn(started.url)).toBe("ok");
      expect(alive(postmaster)).toBe(true);

      owner.kill("SIGKILL"); // no teardown runs
      const deadline = Date.now() + 30_000;
      while ((alive(postmaster) || fs.existsSync(dir) || fs.existsSync(dataDir)) && Date.now() < deadline)
        await new Promise((r) => setTimeout(r, 200));
      expect({ running: alive(postmaster), folder: fs.existsSync(dir), data: fs.existsSync(dataDir) }).toEqual({
        running: false,
        folder: false,
        data: false,
      });
    } finally {
      owner.kill("SIGKILL");
      if (postmaster && alive(postmaster)) process.kill(postmaster, "SIGQUIT");
      fs.rmSync(dir, { recursive: true, force: true });
      if (dataDir) fs.rmSync(dataDir, { recursive: true, force: true });
    }
  }, 90_000);
});

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}
