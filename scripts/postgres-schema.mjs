// The PostgreSQL schema is prisma/schema.prisma with another provider and client output.
export const POSTGRES_SCHEMA_FILE = "prisma/postgresql/schema.prisma";

export function derivePostgresSchema(sqliteSchema) {
  const header = "// GENERATED from prisma/schema.prisma by scripts/prisma-generate.mjs: edit that file, not this one.\n";
  const out = sqliteSchema
    .replace(/output\s*=\s*"\.\.\/src\/generated\/prisma"/, 'output       = "../../src/generated/prisma-postgresql"')
    .replace(/(datasource db \{\s*provider\s*=\s*)"sqlite"/, '$1"postgresql"');
  if (out === sqliteSchema || !out.includes('"postgresql"') || !out.includes("prisma-postgresql")) throw new Error("prisma/schema.prisma: generator output or datasource provider not found");
  return header + out;
}
