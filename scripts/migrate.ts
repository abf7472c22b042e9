// CLI for the offline migration engine (see scripts/db/migrations.ts):
//   tsx scripts/migrate.ts deploy        apply pending migrations, set up the job queue and grant the portal's role
//   tsx scripts/migrate.ts grants        only grant the portal's role (DATABASE_URL's user) its privileges
//   tsx scripts/migrate.ts new <name>    write prisma/migrations/<ts>_<name>/ from schema changes
// Deploy and grants connect as the owner: MIGRATION_DATABASE_URL, or DATABASE_URL when that is unset.

import { existsSync } from "node:fs";
import { grantAppRole, roleOf } from "./db/grants";
import { createMigration } from "./db/migrations";
import { deployDatabase } from "./db/prepare";

// Like the Prisma CLI, read .env; variables already set win.
if (existsSync(".env")) process.loadEnvFile(".env");

const [command, ...args] = process.argv.slice(2);

function urls(): { ownerUrl: string; appUrl: string } | null {
  const appUrl = process.env.DATABASE_URL;
  const ownerUrl = process.env.MIGRATION_DATABASE_URL || appUrl;
  if (!appUrl || !ownerUrl) {
    console.error("DATABASE_URL is not set (and MIGRATION_DATABASE_URL for the owner, when the portal has its own role).");
    return null;
  }
  return { ownerUrl, appUrl };
}

async function main(): Promise<number> {
  switch (command) {
    case "deploy": {
      const given = urls();
      if (!given) return 1;
      if (!existsSync("prisma/migrations")) {
        console.log("No prisma/migrations folder: nothing to apply.");
        return 0;
      }
      const applied = await deployDatabase(given.ownerUrl, given.appUrl);
      console.log(applied.length ? `Applied: ${applied.join(", ")}` : "No pending migrations.");
      if (roleOf(given.appUrl) === roleOf(given.ownerUrl)) {
        console.warn("DATABASE_URL logs in as the owner: set MIGRATION_DATABASE_URL to the owner and DATABASE_URL to the portal's own role.");
      } else {
        console.log(`Granted the portal's role "${roleOf(given.appUrl)}" its privileges.`);
      }
      return 0;
    }
    case "grants": {
      const given = urls();
      if (!given) return 1;
      await grantAppRole(given.ownerUrl, roleOf(given.appUrl));
      console.log(`Granted the portal's role "${roleOf(given.appUrl)}" its privileges.`);
      return 0;
    }
    case "new": {
      const name = args.join(" ").trim();
      if (!name) {
        console.error("Usage: tsx scripts/migrate.ts new <name>");
        return 1;
      }
      const folder = await createMigration(name);
      console.log(folder ? `Created prisma/migrations/${folder}/` : "Schema unchanged: no migration created.");
      return 0;
    }
    default:
      console.error("Usage: tsx scripts/migrate.ts deploy | grants | new <name>");
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
