import path from "node:path";
import * as z from "zod";
import { parseKeyEntry, parseOldKeys } from "~/modules/protection/crypto.server";
import { READ_WAIT_LIMIT_MS, RENDERS_AT_ONCE } from "./admission.server";

/** A zod refinement: does `parse` accept the value (it throws when not)? */
function parsesWith(parse: (value: string) => unknown) {
  return (value: string) => {
    try {
      parse(value);
      return true;
    } catch {
      return false;
    }
  };
}

const integer = (min: number, max: number) =>
  z.coerce
    .number({ error: "must be a whole number" })
    .int({ error: "must be a whole number" })
    .min(min, { error: `must be at least ${min}` })
    .max(max, { error: `must be at most ${max}` });

const flag = z
  .enum(["true", "false", "1", "0", "yes", "no"], { error: "must be true or false" })
  .transform((v) => v === "true" || v === "1" || v === "yes");

/**
 * Every setting of the portal, validated once at start: a bad value stops the process
 * with a message naming the variable (never echoing it: some are secrets). The settings
 * table of the README lists the same variables.
 */
const EnvSchema = z
  .object({
    /** unset means development; `npm start` sets production */
    NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
    PORT: integer(0, 65535).default(3000),
    HOST: z.string().min(1).default("0.0.0.0"),
    DATABASE_URL: z
      .url({ protocol: /^postgres(ql)?$/, error: "must be a postgres:// or postgresql:// URL" })
      .optional(),
    /** the same database as its owner role, for migrations; DATABASE_URL's role then only reads and writes rows */
    DATABASE_MIGRATION_URL: z
      .url({ protocol: /^postgres(ql)?$/, error: "must be a postgres:// or postgresql:// URL" })
      .optional(),
    /** the embedded server's data folder (used without DATABASE_URL) */
    MASAR_DATA_DIR: z.string().min(1).default(path.join(".data", "pg")),
    /** NODE_ENV=production refuses the embedded database unless this is true (the demo sets it) */
    MASAR_ALLOW_EMBEDDED_DATABASE: flag.default(false),
    DB_POOL_SIZE: integer(1, 100).default(10),
    /** each statement's limit in ms, lock waits included (0: none); decision 0209 */
    DB_STATEMENT_TIMEOUT_MS: integer(0, 3_600_000).default(30_000),
    /** page reads answered at once, the others in turn (0: no limit); decision 0192-pages-rendered-in-turn */
    RENDERS_AT_ONCE: integer(0, 1000).default(RENDERS_AT_ONCE),
    /** how long a page read waits its turn before a "very busy" 503, in ms (0: no limit); decision 0211 */
    READ_WAIT_LIMIT_MS: integer(0, 3_600_000).default(READ_WAIT_LIMIT_MS),
    /** the public origin, e.g. https://masar.example.org; needed behind a proxy */
    ORIGIN: z.url({ protocol: /^https?$/, error: "must be an http(s) origin" }).optional(),
    /** express "trust proxy": how many proxies sit in front (a number), or an express keyword/list */
    TRUST_PROXY: z.string().min(1).optional(),
    SMTP_URL: z.url({ protocol: /^smtps?$/, error: "must be an smtp:// or smtps:// URL" }).optional(),
    MAIL_FROM: z.string().min(3).default("Masar <no-reply@masar.test>"),
    /** 32 bytes (base64 or hex) for AES-256-GCM of protection data, "<key id>:" before it after a rotation */
    MASAR_ENCRYPTION_KEY: z
      .string()
      .refine(parsesWith(parseKeyEntry), { error: "must be 32 bytes, in base64 or hex" })
      .optional(),
    /** retired keys ("<id>:<key>,…") kept while `npm run keys:rotate` re-encrypts their values */
    MASAR_ENCRYPTION_OLD_KEYS: z
      .string()
      .refine(parsesWith(parseOldKeys), {
        error: "must be <id>:<key> entries (32 bytes, base64 or hex) separated by commas",
      })
      .optional(),
    OUTBOX_INTERVAL_MS: integer(100, 3_600_000).default(5000),
    /** how long /healthz answers 503 before a stopping server closes its port */
    SHUTDOWN_DRAIN_MS: integer(0, 60_000).default(0),
    LOG_LEVEL: z.enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"]).default("info"),
    /** SMS through the generic gateway contract (docs/modules/notifications.md) */
    SMS_URL: z.url({ protocol: /^https?$/, error: "must be an http(s) URL" }).optional(),
    SMS_TOKEN: z.string().min(1).optional(),
    /** the Bearer token the generic gateway's delivery reports carry */
    SMS_WEBHOOK_TOKEN: z.string().min(16, { error: "must be at least 16 characters" }).optional(),
    /** SMS through Infobip instead (docs/decisions/0063-sms-provider-infobip.md) */
    INFOBIP_BASE_URL: z.url({ protocol: /^https?$/, error: "must be an http(s) URL" }).optional(),
    INFOBIP_API_KEY: z.string().min(1).optional(),
    INFOBIP_SENDER: z.string().min(1).max(11, { error: "must be at most 11 characters" }).default("Masar"),
    INFOBIP_WEBHOOK_USER: z.string().min(1).optional(),
    INFOBIP_WEBHOOK_PASSWORD: z.string().min(16, { error: "must be at least 16 characters" }).optional(),
    /** SMS handed to the gateway per minute, across every server */
    SMS_PER_MINUTE: integer(1, 6000).default(60),
  })
  .superRefine((env, ctx) => {
    if (env.DATABASE_URL && !env.MASAR_ENCRYPTION_KEY) {
      ctx.addIssue({
        code: "custom",
        path: ["MASAR_ENCRYPTION_KEY"],
        message:
          "is required with DATABASE_URL: every server of one database must encrypt with the same key (32 bytes, base64 or hex)",
      });
    }
    if (env.DATABASE_MIGRATION_URL && !env.DATABASE_URL) {
      ctx.addIssue({ code: "custom", path: ["DATABASE_MIGRATION_URL"], message: "needs DATABASE_URL as well" });
    }
    if (env.SMS_URL && env.INFOBIP_BASE_URL) {
      ctx.addIssue({
        code: "custom",
        path: ["SMS_URL"],
        message: "and INFOBIP_BASE_URL: set one SMS gateway, not both",
      });
    }
    if (env.INFOBIP_BASE_URL && !env.INFOBIP_API_KEY) {
      ctx.addIssue({ code: "custom", path: ["INFOBIP_API_KEY"], message: "is required with INFOBIP_BASE_URL" });
    }
    if (env.NODE_ENV === "production" && !env.DATABASE_URL && !env.MASAR_ALLOW_EMBEDDED_DATABASE) {
      ctx.addIssue({
        code: "custom",
        path: ["DATABASE_URL"],
        message:
          "is required in production: the embedded database is for the demo and development (set MASAR_ALLOW_EMBEDDED_DATABASE=true to use it anyway)",
      });
    }
  });

export type Env = z.infer<typeof EnvSchema>;

export class InvalidEnvironment extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid environment:\n${problems.map((p) => `  - ${p}`).join("\n")}`);
    this.name = "InvalidEnvironment";
  }
}

/** Empty variables count as unset, as a shell's `FOO= npm start` means. */
export function parseEnv(source: Record<string, string | undefined> = process.env): Env {
  const present = Object.fromEntries(Object.entries(source).filter(([, value]) => value !== undefined && value !== ""));
  const result = EnvSchema.safeParse(present);
  if (!result.success) {
    throw new InvalidEnvironment(result.error.issues.map((i) => `${i.path.join(".")} ${i.message}`));
  }
  return result.data;
}
