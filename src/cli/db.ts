import { loadConfig } from "../config.js";
import { deployMigrations, migrationStatus, resetDatabase } from "../data/migrate.js";
import { describeTarget } from "../data/target.js";

/** npm run db:migrate -- --name x | db:deploy | db:status | db:reset | db:seed */
async function main(argv: string[]): Promise<number> {
  const [command, ...rest] = argv;
  const config = loadConfig();
  const file = config.databaseUrl;
  const shown = describeTarget(config.database);
  switch (command) {
    case "migrate": {
      const i = rest.indexOf("--name");
      const name = i >= 0 ? rest[i + 1] : undefined;
      if (!name) {
        console.error("usage: npm run db:migrate -- --name <migration_name>");
        return 2;
      }
      const { createMigrations } = await import("../data/create-migration.js");
      const folders = await createMigrations(name);
      console.log(folders.length ? `created ${folders.join(", ")}` : "the schema matches the migrations: nothing to create");
      if (folders.length) console.log(`applied: ${(await deployMigrations(file)).join(", ") || "none"}`);
      return 0;
    }
    case "deploy": {
      const applied = await deployMigrations(file);
      console.log(applied.length ? `applied ${applied.length}: ${applied.join(", ")}` : "database is up to date");
      return 0;
    }
    case "status": {
      const s = await migrationStatus(file);
      console.log(JSON.stringify({ database: shown, ...s }, null, 2));
      return s.pending.length || s.failed.length || s.drifted.length ? 1 : 0;
    }
    case "reset": {
      await resetDatabase(file);
      const applied = await deployMigrations(file);
      const { seedDatabase } = await import("../data/seed.js");
      const { createPrisma } = await import("../data/client.js");
      const prisma = await createPrisma(file);
      const summary = await seedDatabase(prisma);
      await prisma.$disconnect();
      console.log(`reset ${shown}: ${applied.length} migrations, ${summary.resources} resources`);
      return 0;
    }
    case "seed": {
      await deployMigrations(file);
      const { seedDatabase } = await import("../data/seed.js");
      const { createPrisma } = await import("../data/client.js");
      const prisma = await createPrisma(file);
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
