// Walking the audit trail's hash chain in batches (memory stays flat however long
// the chain), checking the cap balance against the ledger, and recording each run.
import type { Db } from "@/lib/db";

/** What the walk reads through: a client, or a transaction (to verify what it sees). */
type ChainReader = Pick<Db, "$queryRaw" | "auditEvent" | "auditVerification">;
import { checkCapBalance } from "@/lib/exposure-cap/service";
import { advance, judgeEvent, START, type ChainEvent, type ChainProblem } from "./rules";

export const VERIFY_BATCH_SIZE = 5_000;

type Row = {
  id: string;
  chainPosition: bigint;
  previousHash: string;
  hash: string;
  occurredAt: string;
  actorId: string | null;
  actorRole: string;
  action: string;
  entityType: string;
  entityId: string;
  proposalId: string | null;
  before: string | null;
  after: string | null;
};

function toEvent(row: Row): ChainEvent {
  return {
    id: row.id,
    chainPosition: row.chainPosition,
    previousHash: row.previousHash,
    hash: row.hash,
    content: [row.id, row.occurredAt, row.actorId, row.actorRole, row.action, row.entityType, row.entityId, row.proposalId, row.before, row.after],
  };
}

async function readBatch(client: ChainReader, afterPosition: bigint, size: number): Promise<ChainEvent[]> {
  const rows = await client.$queryRaw<Row[]>`
    SELECT "id"::text AS id, "chainPosition", "previousHash", "hash",
           to_char("occurredAt", 'YYYY-MM-DD"T"HH24:MI:SS.MS') AS "occurredAt",
           "actorId", "actorRole", "action", "entityType", "entityId", "proposalId",
           "before"::text AS before, "after"::text AS after
      FROM "AuditEvent"
     WHERE "chainPosition" > ${afterPosition}
     ORDER BY "chainPosition"
     LIMIT ${size}`;
  return rows.map(toEvent);
}

export type ChainVerification = {
  ok: boolean;
  eventsChecked: number;
  head: { chainPosition: bigint; hash: string } | null;
  problem: ChainProblem | null;
};

/** Walks the whole chain by position and stops at the first broken link. */
export async function verifyAuditChain(client: ChainReader, { batchSize = VERIFY_BATCH_SIZE } = {}): Promise<ChainVerification> {
  let cursor = START;
  let checked = 0;
  let batch = await readBatch(client, 0n, batchSize);
  while (batch.length > 0) {
    // One event of look-ahead across the batch boundary tells inserted from edited.
    const following = batch.length === batchSize ? await readBatch(client, batch.at(-1)!.chainPosition, batchSize) : [];
    for (let i = 0; i < batch.length; i++) {
      const event = batch[i]!;
      const problem = judgeEvent(cursor, event, batch[i + 1] ?? following[0] ?? null);
      if (problem) return { ok: false, eventsChecked: checked, head: null, problem };
      cursor = advance(cursor, event);
      checked++;
    }
    batch = following;
  }

  // A chain cut short at its end has no broken link: compare with the head the
  // last clean run saw.
  const previous = await client.auditVerification.findFirst({ where: { ok: true, headPosition: { not: null } }, orderBy: { id: "desc" } });
  const head = cursor.last ? { chainPosition: cursor.last.chainPosition, hash: cursor.last.hash } : null;
  if (previous?.headPosition != null) {
    const seen = await client.auditEvent.findUnique({ where: { chainPosition: previous.headPosition }, select: { id: true, hash: true } });
    if (!seen || seen.hash !== previous.headHash) {
      return {
        ok: false,
        eventsChecked: checked,
        head,
        problem: {
          eventId: seen?.id.toString() ?? null,
          chainPosition: previous.headPosition,
          message: seen
            ? `The event at chain position ${previous.headPosition} (event ${seen.id}) is not the one verified on ${previous.finishedAt.toISOString()}.`
            : `Events were removed from the end of the chain: position ${previous.headPosition} was verified on ${previous.finishedAt.toISOString()} and is gone.`,
        },
      };
    }
  }
  return { ok: true, eventsChecked: checked, head, problem: null };
}

export type VerificationRun = Awaited<ReturnType<typeof runAuditVerification>>;

/** Verifies the chain and the cap balance, and records the run. */
export async function runAuditVerification(client: Db, ranBy: "command" | "daily job", options: { batchSize?: number } = {}) {
  const startedAt = new Date();
  const chain = await verifyAuditChain(client, options);
  const balance = await checkCapBalance(client);
  const run = await client.auditVerification.create({
    data: {
      startedAt,
      ranBy,
      ok: chain.ok && balance.ok,
      eventsChecked: BigInt(chain.eventsChecked),
      headPosition: chain.ok ? (chain.head?.chainPosition ?? null) : null,
      headHash: chain.ok ? (chain.head?.hash ?? null) : null,
      firstBadEventId: chain.problem?.eventId ? BigInt(chain.problem.eventId) : null,
      problem: chain.problem?.message ?? null,
      capBalanceOk: balance.ok,
      capBalanceNote: balance.note,
    },
  });
  return { run, chain, balance };
}

/** The latest verification, for the administrator's page. */
export function latestAuditVerification(client: Db) {
  return client.auditVerification.findFirst({ orderBy: { id: "desc" } });
}
