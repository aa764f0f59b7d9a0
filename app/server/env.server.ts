import * as z from "zod";

/** The environment, validated once at boot: a bad setting stops the server with a clear message. */
const EnvSchema = z.object({
  NODE_ENV: z.enum(["development", "production", "test"]).default("production"),
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOST: z.string().default("0.0.0.0"),
  DATABASE_URL: z.string().url().optional(),
  DB_POOL_SIZE: z.coerce.number().int().min(1).max(100).default(10),
  /** the public origin, e.g. https://masar.example.org; needed behind a proxy */
  ORIGIN: z.string().url().optional(),
  /** express "trust proxy" setting: how many proxies sit in front, or false */
  TRUST_PROXY: z.string().optional(),
  SMTP_URL: z.string().optional(),
  MAIL_FROM: z.string().default("Masar <no-reply@masar.test>"),
  /** 32 bytes (base64 or hex) for AES-256-GCM of protection data; generated under .data/ if unset */
  MASAR_ENCRYPTION_KEY: z.string().optional(),
  OUTBOX_INTERVAL_MS: z.coerce.number().int().min(100).default(5000),
});

export type Env = z.infer<typeof EnvSchema>;

export function parseEnv(source: NodeJS.ProcessEnv = process.env): Env {
  const result = EnvSchema.safeParse(source);
  if (!result.success) {
    const problems = result.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`).join("; ");
    throw new Error(`Invalid environment: ${problems}`);
  }
  return result.data;
}
