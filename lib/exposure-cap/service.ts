// The exposure-cap ledger: reading the position, and drawing on it safely.
import type { Db, Tx } from "@/lib/db";
import { auditSnapshot, recordAudit } from "@/lib/audit";
import type { Actor } from "@/lib/policy";
import { loadProgramSettings } from "@/lib/settings";
import { capPosition, type CapPosition } from "./rules";

type LedgerReader = Pick<Db | Tx, "exposureCapEntry" | "setting">;

export async function readCapPosition(client: LedgerReader): Promise<CapPosition> {
  const settings = await loadProgramSettings(client);
  const ledger = await client.exposureCapEntry.aggregate({ _sum: { amountCents: true } });
  return capPosition(
    settings["exposureCap.statutoryLimitCents"],
    settings["exposureCap.drawnAtStartCents"],
    ledger._sum.amountCents ?? 0n,
  );
}

// Every draw on the cap takes this transaction-scoped advisory lock first, so that
// reading the headroom and appending the draw happen as one step across every
// connection and app instance. A random 64-bit key, fixed for the program's ledger.
const EXPOSURE_CAP_LOCK_KEY = 7_301_246_455_019_883n;

/** Serializes draws: call inside the transaction before reading the headroom. */
export async function lockExposureCap(tx: Tx): Promise<void> {
  await tx.$executeRaw`SELECT pg_advisory_xact_lock(${EXPOSURE_CAP_LOCK_KEY})`;
}

/**
 * Releases what a proposal has drawn and not yet released, with the reason, as a
 * negative ledger entry; call inside the transaction, after lockExposureCap.
 * Returns the amount released (zero when nothing was outstanding).
 */
export async function releaseProposalDraws(tx: Tx, actor: Actor, proposalId: string, reason: string): Promise<bigint> {
  const outstanding = (await tx.exposureCapEntry.aggregate({ where: { proposalId }, _sum: { amountCents: true } }))._sum.amountCents ?? 0n;
  if (outstanding <= 0n) return 0n;
  const before = await readCapPosition(tx);
  const entry = await tx.exposureCapEntry.create({
    data: { kind: "RELEASE", amountCents: -outstanding, proposalId, createdById: actor.userId, note: reason },
  });
  await recordAudit(tx, actor, {
    action: "exposureCap.released",
    entityType: "ExposureCapEntry",
    entityId: entry.id.toString(),
    proposalId,
    before: auditSnapshot({ headroomCents: before.headroomCents }),
    after: auditSnapshot({ headroomCents: before.headroomCents + outstanding, releaseCents: outstanding, reason }),
  });
  return outstanding;
}
