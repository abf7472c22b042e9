// The portal's own address, for links in messages: PORTAL_URL when set (behind
// a proxy that rewrites hosts), otherwise the address the request came to.
export function portalUrl(headers: Headers): string {
  if (process.env.PORTAL_URL) return process.env.PORTAL_URL.replace(/\/$/, "");
  const host = headers.get("x-forwarded-host") ?? headers.get("host") ?? "localhost:3000";
  const proto = headers.get("x-forwarded-proto") ?? "http";
  return `${proto.split(",")[0]!.trim()}://${host}`;
}
