import { describe, expect, it } from "vitest";
import { ConfigError, LOCAL_CHANNEL_SECRET, loadConfig } from "../../src/config.js";

describe("configuration", () => {
  it("starts in local mode with defaults when no LINE credentials are set", () => {
    const c = loadConfig({}, "/srv/app");
    expect(c).toMatchObject({ port: 3000, localMode: true, channelSecret: LOCAL_CHANNEL_SECRET, lineApiBaseUrl: "https://api.line.me", timeZone: "Asia/Tokyo" });
    expect(c.databaseFile).toBe("/srv/app/data/bot.db");
  });

  it("uses the credentials and the origin of LINE_API_BASE_URL", () => {
    const c = loadConfig({ LINE_CHANNEL_SECRET: "s", LINE_CHANNEL_ACCESS_TOKEN: "t", LINE_API_BASE_URL: "http://127.0.0.1:9999/v2/x", PORT: "8080" });
    expect(c).toMatchObject({ localMode: false, channelSecret: "s", lineApiBaseUrl: "http://127.0.0.1:9999", port: 8080 });
  });

  it("refuses local mode in production", () => {
    expect(() => loadConfig({ NODE_ENV: "production" })).toThrow(ConfigError);
  });

  it.each([
    [{ PORT: "abc" }, /PORT/],
    [{ LINE_CHANNEL_SECRET: "only-secret" }, /LINE_CHANNEL_ACCESS_TOKEN/],
    [{ DATABASE_URL: "postgres://x" }, /DATABASE_URL/],
    [{ LINE_API_BASE_URL: "not a url" }, /LINE_API_BASE_URL/],
  ])("names the variable that is wrong: %o", (env, pattern) => {
    expect(() => loadConfig(env)).toThrow(pattern);
  });
});
