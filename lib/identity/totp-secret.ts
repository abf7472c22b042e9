// Authenticator-app secrets as stored: sealed (see secret-box.ts).
import { open, seal } from "./secret-box";

const PURPOSE = "totp-secret";

export function sealTotpSecret(secret: string): string {
  return seal(secret, PURPOSE);
}

export function openTotpSecret(sealed: string): string {
  return open(sealed, PURPOSE);
}
