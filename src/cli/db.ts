import { loadConfig } from "../config.js";
import { deployMigrations, migrationStatus, resetDatabase } from "../db/migrate.js";

/** npm run db:migrate -- --name x | db:deploy | db:status | db:reset | db:seed */
async function main(argv: string[]): Promise<number> {
  const [command, ...rest] = argv;
  const config = loadConfig();
  const file = config.databaseFile;
  switch (command) {
    case "migrate": {
      const i = rest.indexOf("--name");
      const name = i >= 0 ? rest[i + 1] : undefined;
      if (!name) {
        console.error("usage: npm run db:migrate -- --name <migration_name>");
        return 2;
      }
      const { createMigration } = await import("../db/create-migration.js");
      const folder = await createMigration(name);
      console.log(folder ? `created ${folder}` : "the schema matches the migrations: nothing to create");
      if (folder) console.log(`applied: ${deployMigrations(file).join(", ") || "none"}`);
      return 0;
    }
    case "deploy": {
      const applied = deployMigrations(file);
      console.log(applied.length ? `applied ${applied.length}: ${applied.join(", ")}` : "database is up to date");
      return 0;
    }
    case "status": {
      const s = migrationStatus(file);
      console.log(JSON.stringify({ database: file, ...s }, null, 2));
      return s.pending.length || s.failed.length || s.drifted.length ? 1 : 0;
    }
    case "reset": {
      resetDatabase(file);
      const applied = deployMigrations(file);
      const { seedDatabase } = await import("../db/seed.js");
      const { createPrisma } = await import("../db/client.js");
      const prisma = createPrisma(file);
      const summary = await seedDatabase(prisma);
      await prisma.$disconnect();
      console.log(`reset ${file}: ${applied.length} migrations, ${summary.resources} resources`);
      return 0;
    }
    case "seed": {
      deployMigrations(file);
      const { seedDatabase } = await import("../db/seed.js");
      const { createPrisma } = await import("../db/client.js");
      const prisma = createPrisma(file);
      const summary = await seedDatabase(prisma);
      await prisma.$disconnect();
      console.log(JSON.stringify(summary));
      return 0;
    }
    default:
      console.error("usage: db.ts migrate --name x | deploy | status | reset | seed");
      return 2;
  }
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (err) => {
    console.error(err instanceof Error ? err.message : err);
    process.exit(1);
  },
);
