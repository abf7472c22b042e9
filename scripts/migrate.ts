// CLI for the offline migration engine (see scripts/db/migrations.ts):
//   tsx scripts/migrate.ts deploy        apply pending migrations to $DATABASE_URL
//   tsx scripts/migrate.ts new <name>    write prisma/migrations/<ts>_<name>/ from schema changes

import { existsSync } from "node:fs";
import { applyMigrations, createMigration } from "./db/migrations";

// Like the Prisma CLI, read .env; variables already set win.
if (existsSync(".env")) process.loadEnvFile(".env");

const [command, ...args] = process.argv.slice(2);

async function main(): Promise<number> {
  switch (command) {
    case "deploy": {
      const url = process.env.DATABASE_URL;
      if (!url) {
        console.error("DATABASE_URL is not set.");
        return 1;
      }
      if (!existsSync("prisma/migrations")) {
        console.log("No prisma/migrations folder: nothing to apply.");
        return 0;
      }
      const applied = await applyMigrations(url);
      console.log(
        applied.length ? `Applied: ${applied.join(", ")}` : "No pending migrations.",
      );
      return 0;
    }
    case "new": {
      const name = args.join(" ").trim();
      if (!name) {
        console.error("Usage: tsx scripts/migrate.ts new <name>");
        return 1;
      }
      const folder = await createMigration(name);
      console.log(
        folder ? `Created prisma/migrations/${folder}/` : "Schema unchanged: no migration created.",
      );
      return 0;
    }
    default:
      console.error("Usage: tsx scripts/migrate.ts deploy | new <name>");
      return 1;
  }
}

main().then(
  (code) => process.exit(code),
  (err: unknown) => {
    console.error(err instanceof Error ? err.message : err);
    process.exit(1);
  },
);
