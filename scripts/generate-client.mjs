// Generates the Prisma client (postinstall). `prisma generate` needs no schema
// engine, but the CLI insists on finding one: any executable satisfies it, so
// we point it at Node itself when none is configured.
import { spawnSync } from "node:child_process";

const env = { ...process.env, PRISMA_SCHEMA_ENGINE_BINARY: process.env.PRISMA_SCHEMA_ENGINE_BINARY ?? process.execPath };
const result = spawnSync(process.execPath, ["node_modules/prisma/build/index.js", "generate"], { stdio: "inherit", env });
process.exit(result.status ?? 1);
