// Who is asking, as far as the request tells: kept with a session and used to
// count failed sign-ins per client.

/**
 * The client address is the last X-Forwarded-For entry: the one added by the
 * nearest proxy (or, with none, by the Next.js server from the socket). Entries
 * before it are whatever the client claimed.
 */
export function clientAddressOf(headers: Headers): string | null {
  const forwarded = headers.get("x-forwarded-for");
  const last = forwarded?.split(",").map((part) => part.trim()).filter(Boolean).at(-1);
  return last ? last.slice(0, 100) : null;
}

export function clientContext(headers: Headers) {
  return { clientAddress: clientAddressOf(headers), userAgent: headers.get("user-agent") };
}
