// `npm run demo:otp -- reviewer@commerce.example`: the current authenticator
// code of a demo account, for trying the portal without a phone. Demo accounts
// only; their secrets are published in prisma/seed/demo.ts.
import { DEMO_ACCOUNTS } from "../prisma/seed/demo";
import { totpCode } from "../lib/identity/totp";

const email = process.argv[2];
const enrolled = DEMO_ACCOUNTS.filter((a) => a.totpSecret);
const account = enrolled.find((a) => a.email === email);
if (!account?.totpSecret) {
  console.error(`Usage: npm run demo:otp -- <email>\nDemo accounts with an authenticator app: ${enrolled.map((a) => a.email).join(", ")}`);
  process.exit(1);
}
const now = new Date();
const code = await totpCode(account.totpSecret, now);
const secondsLeft = 30 - (Math.floor(now.getTime() / 1000) % 30);
console.log(`${code}  (${account.email}; valid for ${secondsLeft} more seconds)`);
