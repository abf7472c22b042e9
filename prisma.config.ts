import { defineConfig } from "prisma/config";

// The CLI is used only to generate the client here; migrations are applied by
// scripts/migrate.ts (see docs/decisions/0002-offline-migrations.md).
export default defineConfig({
  schema: "prisma/schema.prisma",
  migrations: { path: "prisma/migrations" },
  datasource: { url: process.env.DATABASE_URL ?? "postgresql://localhost:5432/portal" },
});
