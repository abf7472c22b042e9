import path from "node:path";
import { defineConfig } from "vitest/config";

const alias = {
  "@": path.resolve(import.meta.dirname),
  // Services import "server-only" to keep them out of client bundles; in tests they run on the server.
  "server-only": path.resolve(import.meta.dirname, "node_modules/server-only/empty.js"),
};

// Secrets sealed in tests (authenticator-app secrets) use this key, never a real one.
const env = { AUTH_SECRET: "test-only-auth-secret-0123456789abcdef" };

export default defineConfig({
  resolve: { alias },
  test: {
    projects: [
      {
        resolve: { alias },
        test: { name: "unit", include: ["tests/unit/**/*.test.ts"], environment: "node", env },
      },
      {
        resolve: { alias },
        test: {
          name: "integration",
          env,
          include: ["tests/integration/**/*.test.ts"],
          environment: "node",
          // One PostgreSQL server per run; each test file gets its own database.
          globalSetup: ["tests/integration/support/global-setup.ts"],
          testTimeout: 30_000,
          hookTimeout: 60_000,
        },
      },
    ],
  },
});
