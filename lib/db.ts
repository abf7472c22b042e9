import "server-only";
import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient } from "@/lib/generated/prisma/client";
import { BusyError } from "@/lib/errors";

/**
 * Connections per server process. Several processes share one server, so keep
 * processes x pool size under PostgreSQL's max_connections (100 by default) with
 * room for migrations and the job queue. DATABASE_POOL_SIZE overrides it.
 */
export const DEFAULT_POOL_SIZE = 10;

export function createPrismaClient(databaseUrl: string, { poolSize }: { poolSize?: number } = {}) {
  const max = poolSize ?? (Number(process.env.DATABASE_POOL_SIZE) || DEFAULT_POOL_SIZE);
  return new PrismaClient({ adapter: new PrismaPg({ connectionString: databaseUrl, max }) });
}

export type Db = ReturnType<typeof createPrismaClient>;
export type Tx = Parameters<Parameters<Db["$transaction"]>[0]>[0];

/**
 * Waits for decisions that queue behind one another (approvals take the cap lock
 * one at a time): how long a transaction may wait for a pooled connection, and
 * how long it may run. With 200 approvals arriving at once on two processes the
 * last one starts after about 200 x the cap lock's hold time (2 s on a quiet
 * 2-core machine, 14 s on a heavily loaded one); the pool is the queue, and the
 * cap lock's own bounded wait (a setting) stays short.
 */
export const QUEUED_TRANSACTION = { maxWait: 30_000, timeout: 40_000 } as const;

/** Prisma could not start the transaction in time, or it ran out of time (P2028). */
export function isTransactionTimeout(error: unknown): boolean {
  return typeof error === "object" && error !== null && (error as { code?: unknown }).code === "P2028";
}

/** An interactive transaction whose timeouts answer BusyError; nothing is saved then. `timeout`: a longer run allowed. */
export async function queuedTransaction<T>(client: Db, run: (tx: Tx) => Promise<T>, { timeout }: { timeout?: number } = {}): Promise<T> {
  try {
    return await client.$transaction(run, { ...QUEUED_TRANSACTION, ...(timeout ? { timeout } : {}) });
  } catch (error) {
    if (isTransactionTimeout(error)) throw new BusyError();
    throw error;
  }
}

// One client per server process; kept on globalThis so dev reloads don't leak pools.
const globalForPrisma = globalThis as unknown as { prisma?: Db };

export function db(): Db {
  if (!globalForPrisma.prisma) {
    const url = process.env.DATABASE_URL;
    if (!url) throw new Error("DATABASE_URL is not set: start the portal with `npm run dev` or `npm start`.");
    globalForPrisma.prisma = createPrismaClient(url);
  }
  return globalForPrisma.prisma;
}
