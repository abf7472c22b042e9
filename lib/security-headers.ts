// Response headers that tell the browser what the portal's pages may do.
//
// Scripts run only with the per-request nonce ('strict-dynamic' lets those scripts
// load the chunks they need); Next.js reads the nonce from the request's
// Content-Security-Policy header, set by the proxy, and puts it on its own
// scripts. A new inline <script> must carry the nonce (read it with
// `(await headers()).get("x-nonce")`), or it will not run.

export type Served = {
  /** The request reached us over HTTPS (directly, or per X-Forwarded-Proto). */
  https: boolean;
  /** `next dev`: React's development build needs eval for its debugging aids. */
  development: boolean;
};

export function contentSecurityPolicy(nonce: string, served: Served): string {
  const directives = [
    "default-src 'self'",
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${served.development ? " 'unsafe-eval'" : ""}`,
    // React and Next.js set style attributes (the route announcer, for one).
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self'",
    `connect-src 'self'${served.development ? " ws: wss:" : ""}`,
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
    ...(served.https ? ["upgrade-insecure-requests"] : []),
  ];
  return directives.join("; ");
}

/** Headers for every response, page or not. */
export function securityHeaders(served: { https: boolean; production: boolean }): Record<string, string> {
  return {
    "X-Content-Type-Options": "nosniff",
    "X-Frame-Options": "DENY",
    "Referrer-Policy": "strict-origin-when-cross-origin",
    "Cross-Origin-Opener-Policy": "same-origin",
    "Cross-Origin-Resource-Policy": "same-origin",
    "Permissions-Policy":
      "camera=(), microphone=(), geolocation=(), payment=(), usb=(), serial=(), bluetooth=(), hid=(), midi=(), " +
      "magnetometer=(), gyroscope=(), accelerometer=(), display-capture=(), browsing-topics=()",
    // Browsers ignore HSTS over plain HTTP, so production sends it regardless.
    ...(served.https || served.production ? { "Strict-Transport-Security": "max-age=63072000; includeSubDomains" } : {}),
  };
}

/** A fresh nonce per response: 128 random bits, base64. */
export function newNonce(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return btoa(String.fromCharCode(...bytes));
}
