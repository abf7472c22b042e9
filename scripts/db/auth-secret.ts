// The secret that signs sessions and seals authenticator-app secrets, for local
// and embedded databases: AUTH_SECRET when set, otherwise one kept (out of git)
// in .data/auth-secret, so every command on this checkout's data agrees on it.
import { randomBytes } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";

export function localAuthSecret(dataRoot = path.resolve(".data")): string {
  if (process.env.AUTH_SECRET) return process.env.AUTH_SECRET;
  const file = path.join(dataRoot, "auth-secret");
  if (!existsSync(file)) {
    mkdirSync(dataRoot, { recursive: true });
    writeFileSync(file, randomBytes(32).toString("base64url"), { mode: 0o600 });
  }
  return readFileSync(file, "utf8").trim();
}
