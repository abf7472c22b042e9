// The exposure-cap ledger: reading the position, and drawing on it safely.
import type { Db, Tx } from "@/lib/db";
import { BusyError } from "@/lib/errors";
import { formatCents } from "@/lib/money";
import { loadProgramSettings, type ProgramSettings } from "@/lib/settings";
import { capPosition, type CapPosition } from "./rules";

type LedgerReader = Pick<Db | Tx, "exposureCapBalance" | "setting">;

/**
 * The position from the running balance, which a trigger moves in the same
 * transaction as each ledger entry, under the cap lock: one row, however long
 * the ledger grows.
 */
export async function readCapPosition(client: LedgerReader, loaded?: ProgramSettings): Promise<CapPosition> {
  // One after the other: a transaction client runs one statement at a time.
  const settings = loaded ?? (await loadProgramSettings(client));
  const balance = await client.exposureCapBalance.findUnique({ where: { id: 1 }, select: { ledgerSumCents: true } });
  if (!balance) throw new Error("The exposure-cap balance row is missing: apply the migrations.");
  return capPosition(settings["exposureCap.statutoryLimitCents"], settings["exposureCap.drawnAtStartCents"], balance.ledgerSumCents);
}

export type CapBalanceCheck = { ok: boolean; balanceCents: bigint; ledgerSumCents: bigint; entries: bigint; note: string };

/** Compares the running balance with the ledger's own sum, read in one snapshot. */
export async function checkCapBalance(client: Pick<Db, "$queryRaw">): Promise<CapBalanceCheck> {
  const [row] = await client.$queryRaw<Array<{ balance: bigint | null; balanceEntries: bigint | null; ledgerSum: bigint; entries: bigint }>>`
    SELECT (SELECT "ledgerSumCents" FROM "ExposureCapBalance" WHERE "id" = 1) AS balance,
           (SELECT "entryCount" FROM "ExposureCapBalance" WHERE "id" = 1) AS "balanceEntries",
           COALESCE(sum("amountCents"), 0)::bigint AS "ledgerSum",
           count(*)::bigint AS entries
      FROM "ExposureCapEntry"`;
  const { balance, balanceEntries, ledgerSum, entries } = row!;
  if (balance === null) return { ok: false, balanceCents: 0n, ledgerSumCents: ledgerSum, entries, note: "The cap balance row is missing." };
  const ok = balance === ledgerSum && balanceEntries === entries;
  const note = ok
    ? `Cap balance ${formatCents(balance)} matches the ledger's ${entries} entries.`
    : `Cap balance ${formatCents(balance)} over ${balanceEntries} entries, but the ledger sums to ${formatCents(ledgerSum)} over ${entries} entries.`;
  return { ok, balanceCents: balance, ledgerSumCents: ledgerSum, entries, note };
}

// Every draw on the cap takes this transaction-scoped advisory lock first, so that
// reading the headroom and appending the draw happen as one step across every
// connection and app instance. A random 64-bit key, fixed for the program's ledger;
// the ledger's trigger takes the same key (migration "audit_chain_cap_guards").
const EXPOSURE_CAP_LOCK_KEY = 7_301_246_455_019_883n;

/**
 * Serializes draws: call inside the transaction before reading the headroom.
 * Waits at most `waitMilliseconds` (lock_timeout applies to advisory locks too),
 * then gives up with BusyError; the transaction then rolls back untouched.
 */
export async function lockExposureCap(tx: Tx, waitMilliseconds: number): Promise<void> {
  await tx.$executeRaw`SELECT set_config('lock_timeout', ${`${waitMilliseconds}ms`}, true)`;
  try {
    await tx.$executeRaw`SELECT pg_advisory_xact_lock(${EXPOSURE_CAP_LOCK_KEY})`;
  } catch (error) {
    if (isLockTimeout(error)) throw new BusyError();
    throw error;
  }
  await tx.$executeRaw`SELECT set_config('lock_timeout', '0', true)`;
}

/** PostgreSQL's lock_not_available (55P03), as the driver adapter reports it. */
export function isLockTimeout(error: unknown): boolean {
  for (let e: unknown = error; e; e = (e as { cause?: unknown }).cause) {
    const code = (e as { code?: unknown; originalCode?: unknown }).originalCode ?? (e as { code?: unknown }).code;
    if (code === "55P03") return true;
    if (e instanceof Error && /lock timeout|canceling statement due to lock timeout/i.test(e.message)) return true;
  }
  return false;
}
