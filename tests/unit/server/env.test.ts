import { randomBytes } from "node:crypto";
import { describe, expect, it } from "vitest";
import { InvalidEnvironment, parseEnv } from "../../../app/server/env.server";

const key = randomBytes(32).toString("base64");
const problems = (source: Record<string, string>) => {
  try {
    parseEnv(source);
    return [];
  } catch (error) {
    expect(error).toBeInstanceOf(InvalidEnvironment);
    return (error as InvalidEnvironment).problems;
  }
};

describe("parseEnv", () => {
  it("runs the embedded database in development, from .data/pg unless MASAR_DATA_DIR says otherwise", () => {
    const env = parseEnv({});
    expect(env).toMatchObject({ NODE_ENV: "development", MASAR_DATA_DIR: ".data/pg" });
    expect(env.DATABASE_URL).toBeUndefined();
    expect(parseEnv({ MASAR_DATA_DIR: "/srv/masar/pg" }).MASAR_DATA_DIR).toBe("/srv/masar/pg");
  });

  it("refuses the embedded database in production unless explicitly allowed", () => {
    expect(problems({ NODE_ENV: "production" })).toEqual([
      expect.stringMatching(/^DATABASE_URL is required in production/),
    ]);
    expect(
      parseEnv({ NODE_ENV: "production", MASAR_ALLOW_EMBEDDED_DATABASE: "true" }).MASAR_ALLOW_EMBEDDED_DATABASE,
    ).toBe(true);
    expect(problems({ NODE_ENV: "production", MASAR_ALLOW_EMBEDDED_DATABASE: "perhaps" })).toEqual([
      "MASAR_ALLOW_EMBEDDED_DATABASE must be true or false",
    ]);
  });

  it("requires the encryption key with an external database, so every server reads the others' notes", () => {
    const url = "postgres://masar:secret@db.internal:5432/masar";
    expect(problems({ DATABASE_URL: url })).toEqual([
      expect.stringMatching(/^MASAR_ENCRYPTION_KEY is required with DATABASE_URL/),
    ]);
    expect(parseEnv({ DATABASE_URL: url, MASAR_ENCRYPTION_KEY: key, NODE_ENV: "production" }).DATABASE_URL).toBe(url);
  });

  it("names each bad setting, without echoing its value", () => {
    const found = problems({
      DATABASE_URL: "mysql://root:hunter2@db/masar",
      MASAR_ENCRYPTION_KEY: "hunter2-too-short",
      PORT: "eighty",
      ORIGIN: "masar.example.org",
      LOG_LEVEL: "loud",
    });
    expect(found.map((p) => p.split(" ")[0]).sort()).toEqual([
      "DATABASE_URL",
      "LOG_LEVEL",
      "MASAR_ENCRYPTION_KEY",
      "ORIGIN",
      "PORT",
    ]);
    expect(found.join("\n")).not.toContain("hunter2");
    expect(found).toContain("MASAR_ENCRYPTION_KEY must be 32 bytes, in base64 or hex");
    expect(found).toContain("PORT must be a whole number");
  });

  it("treats an empty variable as unset", () => {
    const env = parseEnv({ DATABASE_URL: "", PORT: "" });
    expect(env.DATABASE_URL).toBeUndefined();
    expect(env.PORT).toBe(3000);
  });

  it("limits a read's wait for its turn to 10 s unless READ_WAIT_LIMIT_MS says otherwise (0: no limit)", () => {
    expect(parseEnv({}).READ_WAIT_LIMIT_MS).toBe(10_000);
    expect(parseEnv({ READ_WAIT_LIMIT_MS: "2500" }).READ_WAIT_LIMIT_MS).toBe(2500);
    expect(parseEnv({ READ_WAIT_LIMIT_MS: "0" }).READ_WAIT_LIMIT_MS).toBe(0);
    expect(problems({ READ_WAIT_LIMIT_MS: "-1" })).toEqual(["READ_WAIT_LIMIT_MS must be at least 0"]);
    expect(problems({ READ_WAIT_LIMIT_MS: "10s" })).toEqual(["READ_WAIT_LIMIT_MS must be a whole number"]);
  });
});
