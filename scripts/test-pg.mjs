// npm run test:pg: the integration, multi-instance and reliability suites on PostgreSQL.
// TEST_DATABASE_URL names a server and a database the tests may create databases from
// (default: postgresql://postgres@127.0.0.1:5432/postgres, trust auth as on CI).
import { spawnSync } from "node:child_process";
import { createRequire } from "node:module";
import path from "node:path";

const require = createRequire(import.meta.url);
const vitest = path.join(path.dirname(require.resolve("vitest/package.json")), "vitest.mjs");
const url = process.env.TEST_DATABASE_URL || "postgresql://postgres@127.0.0.1:5432/postgres";
const result = spawnSync(process.execPath, [vitest, "run", "tests/integration", "tests/reliability", "tests/multi-instance", ...process.argv.slice(2)], {
  stdio: "inherit",
  env: { ...process.env, TEST_DATABASE_URL: url },
});
process.exit(result.status ?? 1);
