// Runs `prisma generate` for both databases without Prisma's native engine
// download, which cannot succeed on machines that only reach the npm registry.
// Generate never executes the schema engine, so any existing file satisfies the
// CLI's presence check. Never reuse this trick for migrate commands: see
// src/data/migrations/create.ts.
//
// prisma/schema.prisma (SQLite) is the one schema people edit; the PostgreSQL
// schema is derived from it here (provider and output only), because Prisma
// generates a client per provider.
import fs from "node:fs";
import { spawnSync } from "node:child_process";
import { createRequire } from "node:module";
import { derivePostgresSchema, POSTGRES_SCHEMA_FILE } from "./postgres-schema.mjs";

const require = createRequire(import.meta.url);
const cli = require.resolve("prisma/build/index.js");
fs.mkdirSync("prisma/postgresql", { recursive: true });
const derived = derivePostgresSchema(fs.readFileSync("prisma/schema.prisma", "utf8"));
if (!fs.existsSync(POSTGRES_SCHEMA_FILE) || fs.readFileSync(POSTGRES_SCHEMA_FILE, "utf8") !== derived) fs.writeFileSync(POSTGRES_SCHEMA_FILE, derived);
for (const schema of ["prisma/schema.prisma", POSTGRES_SCHEMA_FILE]) {
  const result = spawnSync(process.execPath, [cli, "generate", "--schema", schema], {
    stdio: "inherit",
    env: {
      ...process.env,
      PRISMA_SCHEMA_ENGINE_BINARY: process.execPath,
      PRISMA_HIDE_UPDATE_MESSAGE: "1",
      CHECKPOINT_DISABLE: "1",
    },
  });
  if (result.status !== 0) process.exit(result.status ?? 1);
}
