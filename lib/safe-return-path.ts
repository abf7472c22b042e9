// Where to send a user after sign-in: only paths inside the portal, never another
// origin (no open redirect).
const FALLBACK = "/dashboard";

export function safeReturnPath(callbackUrl: string | undefined): string {
  // Browsers read "/\host" like "//host", so backslashes are refused outright.
  if (!callbackUrl || !callbackUrl.startsWith("/") || callbackUrl.startsWith("//") || callbackUrl.includes("\\")) return FALLBACK;
  const base = "http://portal.invalid";
  const url = new URL(callbackUrl, base);
  return url.origin === base ? `${url.pathname}${url.search}${url.hash}` : FALLBACK;
}
