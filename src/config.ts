import path from "node:path";
import type { EventOrdering } from "./webhook/event-runner.js";
import { databaseTargetOf, DatabaseUrlError, type DatabaseTarget } from "./data/target.js";
import { loadMunicipality, MUNICIPALITY_FILE, type MunicipalitySettings } from "./settings/municipality.js";

/** Everything the app reads from the environment, validated once at start-up. */
export interface Config {
  port: number;
  /** DATABASE_URL with a relative SQLite path made absolute: what createPrisma and the migrator take. */
  databaseUrl: string;
  /** SQLite file (the default) or PostgreSQL server, from DATABASE_URL. */
  database: DatabaseTarget;
  /**
   * How one person's events are kept in order: in this process (SQLite: one bot process owns
   * the file) or by leases in the database (PostgreSQL: any number of processes). EVENT_ORDERING.
   */
  eventOrdering: EventOrdering;
  channelSecret: string;
  channelAccessToken: string;
  lineApiBaseUrl: string;
  /** True when no LINE credentials are configured: calls go to the in-process capture. */
  localMode: boolean;
  timeZone: string;
  nodeEnv: string;
  logLevel: "debug" | "info" | "warn" | "error";
  /** A send claimed longer ago than this by a process that died is taken over. */
  jobClaimTimeoutMs: number;
  /** Where the public pages and the staff console are reached (sign-in links are made with it). */
  publicBaseUrl: string;
  /** The monthly check sent to organisers: day of the month (1–28) and time, Asia/Tokyo. */
  organizerCheck: { day: number; minutes: number };
  /** intents/settings/municipality.yaml (or MUNICIPALITY_FILE): emergency numbers, account name, add-friend URL. */
  municipality: MunicipalitySettings;
}

export class ConfigError extends Error {
  constructor(readonly variable: string, message: string) {
    super(`${variable}: ${message}`);
    this.name = "ConfigError";
  }
}

/** Fixed secret for local mode; never accepted in production. */
export const LOCAL_CHANNEL_SECRET = "local-development-channel-secret";
export const LOCAL_ACCESS_TOKEN = "local-development-access-token";
export const APP_TIME_ZONE = "Asia/Tokyo";

type Env = Record<string, string | undefined>;

function parsePort(raw: string | undefined): number {
  if (raw === undefined || raw.trim() === "") return 3000;
  const n = Number(raw);
  if (!Number.isInteger(n) || n < 0 || n > 65535) {
    throw new ConfigError("PORT", `must be an integer from 0 to 65535, got "${raw}"`);
  }
  return n;
}

export function databaseFromUrl(url: string, cwd = process.cwd()): DatabaseTarget {
  try {
    return databaseTargetOf(url, cwd);
  } catch (err) {
    if (err instanceof DatabaseUrlError) throw new ConfigError("DATABASE_URL", err.message);
    throw err;
  }
}

function parseBaseUrl(raw: string | undefined): string {
  const value = raw?.trim() || "https://api.line.me";
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw new ConfigError("LINE_API_BASE_URL", `is not a URL: "${value}"`);
  }
  if (url.protocol !== "http:" && url.protocol !== "https:") {
    throw new ConfigError("LINE_API_BASE_URL", "must be http or https");
  }
  // The SDK only uses the origin.
  return url.origin;
}

export function loadConfig(env: Env = process.env, cwd = process.cwd()): Config {
  const nodeEnv = env.NODE_ENV?.trim() || "development";
  const secret = env.LINE_CHANNEL_SECRET?.trim() ?? "";
  const token = env.LINE_CHANNEL_ACCESS_TOKEN?.trim() ?? "";
  if (Boolean(secret) !== Boolean(token)) {
    const missing = secret ? "LINE_CHANNEL_ACCESS_TOKEN" : "LINE_CHANNEL_SECRET";
    throw new ConfigError(missing, "is missing; set both LINE credentials or neither (local mode)");
  }
  const localMode = !secret;
  if (localMode && nodeEnv === "production") {
    throw new ConfigError(
      "LINE_CHANNEL_SECRET",
      "LINE credentials are required when NODE_ENV=production (本番環境ではLINEの認証情報が必要です)",
    );
  }
  const tz = env.APP_TIME_ZONE?.trim() || APP_TIME_ZONE;
  try {
    new Intl.DateTimeFormat("ja-JP", { timeZone: tz });
  } catch {
    throw new ConfigError("APP_TIME_ZONE", `unknown time zone "${tz}"`);
  }
  const logLevel = (env.LOG_LEVEL?.trim() || (nodeEnv === "test" ? "warn" : "info")) as Config["logLevel"];
  if (!["debug", "info", "warn", "error"].includes(logLevel)) {
    throw new ConfigError("LOG_LEVEL", "must be debug, info, warn or error");
  }
  const rawDatabaseUrl = env.DATABASE_URL?.trim() || "file:./data/bot.db";
  const database = databaseFromUrl(rawDatabaseUrl, cwd);
  const databaseUrl = database.provider === "sqlite" ? `file:${database.file}` : rawDatabaseUrl;
  const orderingRaw = env.EVENT_ORDERING?.trim() || (database.provider === "postgresql" ? "database" : "process");
  if (orderingRaw !== "process" && orderingRaw !== "database") throw new ConfigError("EVENT_ORDERING", 'must be "process" or "database"');
  const eventOrdering: EventOrdering = orderingRaw;
  const claimRaw = env.JOB_CLAIM_TIMEOUT_MS?.trim() || "60000";
  const jobClaimTimeoutMs = Number(claimRaw);
  if (!Number.isInteger(jobClaimTimeoutMs) || jobClaimTimeoutMs < 100) throw new ConfigError("JOB_CLAIM_TIMEOUT_MS", "must be a whole number of milliseconds, at least 100");
  const municipalityFile = env.MUNICIPALITY_FILE?.trim() ? path.resolve(cwd, env.MUNICIPALITY_FILE.trim()) : MUNICIPALITY_FILE;
  let municipality: MunicipalitySettings;
  try {
    municipality = loadMunicipality(municipalityFile);
  } catch (err) {
    throw new ConfigError("MUNICIPALITY_FILE", (err as Error).message);
  }
  const checkDay = Number(env.ORGANIZER_CHECK_DAY?.trim() || "25");
  if (!Number.isInteger(checkDay) || checkDay < 1 || checkDay > 28) throw new ConfigError("ORGANIZER_CHECK_DAY", "must be a day of the month from 1 to 28");
  const checkTime = /^(\d{1,2}):(\d{2})$/.exec(env.ORGANIZER_CHECK_TIME?.trim() || "10:00");
  if (!checkTime || Number(checkTime[1]) > 23 || Number(checkTime[2]) > 59) throw new ConfigError("ORGANIZER_CHECK_TIME", "must be a time like 10:00");
  const port = parsePort(env.PORT);
  let publicBaseUrl = env.PUBLIC_BASE_URL?.trim() || `http://localhost:${port}`;
  try {
    const u = new URL(publicBaseUrl);
    if (u.protocol !== "http:" && u.protocol !== "https:") throw new Error();
    publicBaseUrl = u.origin + u.pathname.replace(/\/$/, "");
  } catch {
    throw new ConfigError("PUBLIC_BASE_URL", `is not an http(s) URL: "${publicBaseUrl}"`);
  }
  return {
    publicBaseUrl,
    port,
    databaseUrl,
    database,
    eventOrdering,
    channelSecret: localMode ? LOCAL_CHANNEL_SECRET : secret,
    channelAccessToken: localMode ? LOCAL_ACCESS_TOKEN : token,
    lineApiBaseUrl: parseBaseUrl(env.LINE_API_BASE_URL),
    localMode,
    timeZone: tz,
    nodeEnv,
    logLevel,
    jobClaimTimeoutMs,
    municipality,
    organizerCheck: { day: checkDay, minutes: Number(checkTime[1]) * 60 + Number(checkTime[2]) },
  };
}
