import { describe, expect, it } from "vitest";
import { ConfigError, LOCAL_CHANNEL_SECRET, loadConfig } from "../../src/config.js";

describe("configuration", () => {
  it("starts in local mode with defaults when no LINE credentials are set", () => {
    const c = loadConfig({}, "/srv/app");
    expect(c).toMatchObject({ port: 3000, localMode: true, channelSecret: LOCAL_CHANNEL_SECRET, lineApiBaseUrl: "https://api.line.me", timeZone: "Asia/Tokyo" });
    expect(c.database).toEqual({ provider: "sqlite", file: "/srv/app/data/bot.db" });
    expect(c.databaseUrl).toBe("file:/srv/app/data/bot.db");
  });

  it("uses the credentials and the origin of LINE_API_BASE_URL", () => {
    const c = loadConfig({ LINE_CHANNEL_SECRET: "s", LINE_CHANNEL_ACCESS_TOKEN: "t", LINE_API_BASE_URL: "http://127.0.0.1:9999/v2/x", PORT: "8080" });
    expect(c).toMatchObject({ localMode: false, channelSecret: "s", lineApiBaseUrl: "http://127.0.0.1:9999", port: 8080 });
  });

  it("refuses local mode in production", () => {
    expect(() => loadConfig({ NODE_ENV: "production" })).toThrow(ConfigError);
  });

  it("takes a PostgreSQL URL with a schema, and never shows its password", () => {
    const c = loadConfig({ DATABASE_URL: "postgresql://bot:s3cret@db.example:5432/sasaeai?schema=tenant_a" });
    expect(c.database).toEqual({ provider: "postgresql", connectionString: "postgresql://bot:s3cret@db.example:5432/sasaeai", schema: "tenant_a" });
    expect(() => loadConfig({ DATABASE_URL: "postgresql://bot:s3cret@db.example/sasaeai?schema=a;drop" })).toThrow(/schema/);
    try {
      loadConfig({ DATABASE_URL: "redis://bot:s3cret@db.example/0" });
    } catch (err) {
      expect(String(err)).not.toContain("s3cret");
    }
  });

  it.each([
    [{ PORT: "abc" }, /PORT/],
    [{ LINE_CHANNEL_SECRET: "only-secret" }, /LINE_CHANNEL_ACCESS_TOKEN/],
    [{ DATABASE_URL: "postgres://x" }, /DATABASE_URL.*names no PostgreSQL database/],
    [{ DATABASE_URL: "mysql://root@localhost/db" }, /DATABASE_URL.*only SQLite/],
    [{ LINE_API_BASE_URL: "not a url" }, /LINE_API_BASE_URL/],
  ])("names the variable that is wrong: %o", (env, pattern) => {
    expect(() => loadConfig(env)).toThrow(pattern);
  });
});
