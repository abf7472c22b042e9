// Where to send a user after sign-in: only paths inside the portal, never another
// origin (no open redirect).
//
// The check runs on what is returned, after URL normalisation: "/.//evil.example"
// and "/\t/evil.example" only become "//evil.example" once the URL parser has
// resolved dot segments and dropped tabs, and a browser reads "//host" (and
// "/\host") as another site.
const FALLBACK = "/dashboard";
const BASE = "http://portal.invalid";

/** A path-absolute reference that no browser can read as another host. */
function isLocalPath(path: string): boolean {
  return path.startsWith("/") && !path.startsWith("//") && !path.startsWith("/\\") && !/[\\\u0000-\u001f\u007f]/.test(path);
}

export function safeReturnPath(callbackUrl: string | undefined): string {
  if (!callbackUrl || !isLocalPath(callbackUrl)) return FALLBACK;
  let url: URL;
  try {
    url = new URL(callbackUrl, BASE);
  } catch {
    return FALLBACK;
  }
  if (url.origin !== BASE) return FALLBACK;
  const result = `${url.pathname}${url.search}${url.hash}`;
  // Encoded slashes and backslashes are decoded by some servers and proxies
  // before routing: a path that starts with one is refused too.
  if (!isLocalPath(result) || /^\/(%2f|%5c)/i.test(result)) return FALLBACK;
  return result;
}
