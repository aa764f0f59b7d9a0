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
  /** SMS through the generic gateway contract (docs/modules/notifications.md) */
  SMS_URL: z.string().url().optional(),
  SMS_TOKEN: z.string().min(1).optional(),
  /** the Bearer token the generic gateway's delivery reports carry */
  SMS_WEBHOOK_TOKEN: z.string().min(16).optional(),
  /** SMS through Infobip instead (docs/decisions/new-sms-provider-infobip.md) */
  INFOBIP_BASE_URL: z.string().url().optional(),
  INFOBIP_API_KEY: z.string().min(1).optional(),
  INFOBIP_SENDER: z.string().min(1).max(11).default("Masar"),
  INFOBIP_WEBHOOK_USER: z.string().min(1).optional(),
  INFOBIP_WEBHOOK_PASSWORD: z.string().min(16).optional(),
  /** SMS handed to the gateway per minute, across every server */
  SMS_PER_MINUTE: z.coerce.number().int().min(1).max(6000).default(60),
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
