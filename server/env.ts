/**
 * Typed configuration from the environment, validated once at start-up (the create-t3-app way).
 * A fresh clone needs no .env: every variable has a default that runs on SQLite.
 * SESSION_SECRET, when absent, is generated once and kept in data/session-secret (never committed).
 */
import { randomBytes } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { isIP } from "node:net";
import { dirname, resolve } from "node:path";
import { z } from "zod";

const envSchema = z.object({
  NODE_ENV: z.enum(["development", "production", "test"]).default("production"),
  HOST: z.string().default("0.0.0.0"),
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  DATABASE_URL: z
    .string()
    .regex(/^(file:|postgres(ql)?:\/\/)/, "must start with file: (SQLite) or postgresql:// (PostgreSQL)")
    .default("file:./data/rnn-classroom.db"),
  SESSION_SECRET: z.string().min(32, "must be at least 32 characters").optional(),
  /** Where generated secrets and uploaded files live. */
  DATA_DIR: z.string().default("./data"),
  /** Set to use the Socket.IO Redis adapter (several server processes). */
  REDIS_URL: z
    .string()
    .regex(/^rediss?:\/\//, "must start with redis://")
    .optional(),
  /** Comma-separated IP addresses of the load balancer(s) whose X-Forwarded-For is believed (R9). */
  TRUSTED_PROXIES: z
    .string()
    .default("")
    .transform((list) =>
      list
        .split(",")
        .map((a) => a.trim())
        .filter(Boolean),
    )
    .refine((list) => list.every((a) => isIP(a) !== 0), "must be a comma-separated list of IP addresses"),
  /** Public origin used in join links and QR codes; defaults to the request's own host. */
  PUBLIC_URL: z.string().url().optional(),
});

export type Env = z.infer<typeof envSchema> & { SESSION_SECRET: string };

/** Parse and validate `source` (process.env by default); exits with a clear message on bad config. */
export function loadEnv(source: NodeJS.ProcessEnv = process.env): Env {
  const parsed = envSchema.safeParse(source);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join(".")}: ${i.message}`);
    throw new Error(`Invalid environment configuration:\n${lines.join("\n")}`);
  }
  const env = parsed.data;
  if (env.REDIS_URL && !env.SESSION_SECRET) {
    // Several processes: each would generate its own secret and refuse the others' rejoin tokens.
    throw new Error("SESSION_SECRET must be set explicitly when REDIS_URL is set (every process must share one secret)");
  }
  return { ...env, SESSION_SECRET: env.SESSION_SECRET ?? storedSecret(env.DATA_DIR) };
}

/** The secret generated once and kept in DATA_DIR/session-secret. */
export function storedSecret(dataDir: string): string {
  const path = resolve(dataDir, "session-secret");
  if (existsSync(path)) return readFileSync(path, "utf8").trim();
  mkdirSync(dirname(path), { recursive: true });
  const secret = randomBytes(32).toString("base64url");
  writeFileSync(path, secret, { mode: 0o600 });
  return secret;
}
