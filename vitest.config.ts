import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["tests/**/*.test.ts"],
    // Several processes share a database only on PostgreSQL: that suite runs under npm run test:pg.
    exclude: ["**/node_modules/**", ...(process.env.TEST_DATABASE_URL ? [] : ["tests/multi-instance/**"])],
    globalSetup: ["tests/support/global-setup.ts"],
    pool: "forks",
    // Test files share a worker's module cache, so the ~350 MB kuromoji
    // dictionary loads once per worker instead of once per file.
    isolate: false,
    testTimeout: 20_000,
    hookTimeout: 30_000,
    env: { NODE_ENV: "test", TZ: "America/New_York" },
  },
});
