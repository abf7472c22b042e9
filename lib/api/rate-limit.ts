// Per-client request limits for the public API, counted in PostgreSQL
// (rate-limiter-flexible's Prisma store, the table sign-in throttling uses) so
// every server process shares them.
import { RateLimiterPrisma, RateLimiterRes } from "rate-limiter-flexible";
import type { Db } from "@/lib/db";
import { ApiProblem } from "./http";

/** Counts one request of the client against `perMinute`; throws ApiProblem(429) past it. */
export async function limitPerClient(client: Db, area: string, clientKey: string, perMinute: number): Promise<void> {
  const limiter = new RateLimiterPrisma({ storeClient: client, tableName: "signInThrottle", keyPrefix: `api-${area}`, points: perMinute, duration: 60, clearExpiredByTimeout: false });
  try {
    await limiter.consume(clientKey);
  } catch (rejection) {
    if (!(rejection instanceof RateLimiterRes)) throw rejection;
    const seconds = Math.max(1, Math.ceil(rejection.msBeforeNext / 1000));
    throw new ApiProblem(429, `Too many requests: at most ${perMinute} a minute. Try again in ${seconds} seconds.`, [], { "retry-after": String(seconds) });
  }
}
