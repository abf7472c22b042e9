// The audit trail is one hash chain: the check names the first event that was
// edited, removed or inserted behind the portal's back (by the owner, who may
// switch the append-only trigger off), and concurrent writers never fork it.
import { beforeAll, describe, expect, it } from "vitest";
import { recordAudit } from "@/lib/audit";
import { eventHash } from "@/lib/audit-chain/rules";
import { runAuditVerification, verifyAuditChain, type ChainVerification } from "@/lib/audit-chain/service";
import { checkCapBalance } from "@/lib/exposure-cap/service";
import type { Db, Tx } from "@/lib/db";
import { freshDatabase, type TestDatabase } from "./support/database";
import { createCompleteDraft, createConsortiumMember } from "./support/fixtures";

let database: TestDatabase;

beforeAll(async () => {
  database = await freshDatabase();
  const { actor } = await createConsortiumMember(database.client);
  // A draft through the services: a dozen or so real events.
  await createCompleteDraft(database.client, actor, { destination: "AE" });
  await createCompleteDraft(database.client, actor, { destination: "JP" });
  // Text beyond ASCII hashes the same in the database and in the check.
  await database.client.$transaction((tx) =>
    recordAudit(tx, actor, { action: "proposal.updated", entityType: "Proposal", entityId: "unicode", after: { title: "Énergie — 𝔸𝕀 \"quoted\" \\ back", n: 1.5 } }),
  );
});

class Rollback extends Error {}

/** Tampers as the owner and verifies inside one transaction, then rolls it all back. */
async function verifyAfter(tamper: (tx: Tx, events: Array<{ id: bigint; chainPosition: bigint; hash: string }>) => Promise<void>): Promise<ChainVerification> {
  let result: ChainVerification | undefined;
  await database.owner
    .$transaction(async (tx) => {
      await tx.$executeRawUnsafe(`ALTER TABLE "AuditEvent" DISABLE TRIGGER USER`);
      const events = await tx.auditEvent.findMany({ orderBy: { chainPosition: "asc" }, select: { id: true, chainPosition: true, hash: true } });
      await tamper(tx, events);
      result = await verifyAuditChain(tx as unknown as Db, { batchSize: 4 }); // small batches cross boundaries
      throw new Rollback();
    })
    .catch((error: unknown) => {
      if (!(error instanceof Rollback)) throw error;
    });
  return result!;
}

describe("the audit chain", () => {
  it("is intact after ordinary use, every event in order", async () => {
    const result = await verifyAuditChain(database.client, { batchSize: 4 });
    expect(result.ok).toBe(true);
    expect(result.eventsChecked).toBe(await database.client.auditEvent.count());
    expect(result.eventsChecked).toBeGreaterThan(10);
  });

  it("names an edited event", async () => {
    const result = await verifyAfter(async (tx, events) => {
      await tx.$executeRaw`UPDATE "AuditEvent" SET "after" = '{"title": "Something else"}' WHERE "id" = ${events[6]!.id}`;
    });
    expect(result.ok).toBe(false);
    expect(result.problem?.eventId).toBe(await idAt(7));
    expect(result.problem?.message).toMatch(/was edited/);
  });

  it("names an edited event whose hash was recomputed too", async () => {
    const result = await verifyAfter(async (tx, events) => {
      await tx.$executeRaw`UPDATE "AuditEvent" SET "actorRole" = 'ADMIN' WHERE "id" = ${events[6]!.id}`;
      await tx.$executeRaw`UPDATE "AuditEvent" e SET "hash" = audit_event_hash(e, e."previousHash") WHERE "id" = ${events[6]!.id}`;
    });
    expect(result.problem?.eventId).toBe(await idAt(7));
    expect(result.problem?.message).toMatch(/edited and re-hashed/);
  });

  it("names where an event was removed", async () => {
    const result = await verifyAfter(async (tx, events) => {
      await tx.$executeRaw`DELETE FROM "AuditEvent" WHERE "id" = ${events[6]!.id}`;
    });
    expect(result.ok).toBe(false);
    expect(result.problem?.chainPosition).toBe(7n);
    expect(result.problem?.message).toMatch(new RegExp(`removed after event ${await idAt(6)} .*before event ${await idAt(8)}`));
  });

  it("names an inserted event, forged with a correct hash of its own", async () => {
    const result = await verifyAfter(async (tx, events) => {
      const before = events[5]!;
      await tx.$executeRaw`UPDATE "AuditEvent" SET "chainPosition" = "chainPosition" + 1000000 WHERE "chainPosition" > ${before.chainPosition}`;
      await tx.$executeRaw`UPDATE "AuditEvent" SET "chainPosition" = "chainPosition" - 999999 WHERE "chainPosition" > 1000000`;
      const occurredAt = "2026-11-30T10:00:00.000";
      const forged = ["999999", occurredAt, null, "ADMIN", "financing.decided", "FinancingDecision", "forged", null, null, '{"outcome": "APPROVED"}'];
      await tx.$executeRaw`
        INSERT INTO "AuditEvent" ("id", "occurredAt", "actorRole", "action", "entityType", "entityId", "after", "chainPosition", "previousHash", "hash")
        VALUES (999999, ${occurredAt}::timestamp, 'ADMIN', 'financing.decided', 'FinancingDecision', 'forged', '{"outcome": "APPROVED"}',
                ${before.chainPosition + 1n}, ${before.hash}, ${eventHash(before.hash, forged)})`;
    });
    expect(result.ok).toBe(false);
    expect(result.problem?.eventId).toBe("999999");
    expect(result.problem?.message).toMatch(/was inserted/);
  });

  it("names an inserted event with a made-up hash", async () => {
    const result = await verifyAfter(async (tx, events) => {
      const before = events[5]!;
      await tx.$executeRaw`UPDATE "AuditEvent" SET "chainPosition" = "chainPosition" + 1000000 WHERE "chainPosition" > ${before.chainPosition}`;
      await tx.$executeRaw`UPDATE "AuditEvent" SET "chainPosition" = "chainPosition" - 999999 WHERE "chainPosition" > 1000000`;
      await tx.$executeRaw`
        INSERT INTO "AuditEvent" ("id", "actorRole", "action", "entityType", "entityId", "chainPosition", "previousHash", "hash")
        VALUES (888888, 'ADMIN', 'financing.decided', 'FinancingDecision', 'forged', ${before.chainPosition + 1n}, ${before.hash}, 'beef')`;
    });
    expect(result.problem?.eventId).toBe("888888");
    expect(result.problem?.message).toMatch(/was inserted/);
  });

  it("notices events cut from the end since the last clean run", async () => {
    const { run } = await runAuditVerification(database.client, "command");
    expect(run.ok).toBe(true);
    const result = await verifyAfter(async (tx, events) => {
      await tx.$executeRaw`DELETE FROM "AuditEvent" WHERE "id" = ${events.at(-1)!.id}`;
    });
    expect(result.ok).toBe(false);
    expect(result.problem?.message).toMatch(/removed from the end of the chain/);
  });

  it("stays one unbroken chain when 50 transactions from five pools write at once", async () => {
    const pools = Array.from({ length: 5 }, () => database.newClient({ poolSize: 10 }));
    await Promise.all(pools.map((p) => p.$queryRaw`SELECT 1`));
    const before = await database.client.auditEvent.count();
    await Promise.all(
      Array.from({ length: 50 }, (_, i) =>
        pools[i % pools.length]!.$transaction(async (tx) => {
          await recordAudit(tx, null, { action: "proposal.updated", entityType: "Proposal", entityId: `concurrent-${i}` });
          await tx.$executeRaw`SELECT pg_sleep(0.002)`;
          await recordAudit(tx, null, { action: "proposal.updated", entityType: "Proposal", entityId: `concurrent-${i}-second` });
        }),
      ),
    );
    const result = await verifyAuditChain(database.client, { batchSize: 16 });
    expect(result.ok).toBe(true);
    expect(result.eventsChecked).toBe(before + 100);
    const positions = await database.client.$queryRaw<Array<{ max: bigint; count: bigint }>>`SELECT max("chainPosition") AS max, count(*) AS count FROM "AuditEvent"`;
    expect(positions[0]!.max).toBe(positions[0]!.count);
  });

  it("is kept by the database: a writer can't choose its own position or hash", async () => {
    await database.client.$executeRaw`
      INSERT INTO "AuditEvent" ("actorRole", "action", "entityType", "entityId", "chainPosition", "previousHash", "hash")
      VALUES ('SYSTEM', 'proposal.updated', 'Proposal', 'self-chosen', 1, '', 'beef')`;
    const event = await database.client.auditEvent.findFirstOrThrow({ where: { entityId: "self-chosen" } });
    expect(event.hash).not.toBe("beef");
    expect((await verifyAuditChain(database.client)).ok).toBe(true);
  });
});

describe("the cap balance check", () => {
  it("agrees with the ledger after ordinary draws", async () => {
    const check = await checkCapBalance(database.client);
    expect(check).toMatchObject({ ok: true, balanceCents: check.ledgerSumCents });
  });

  it("notices a ledger entry that bypassed the balance", async () => {
    const { id: userId } = await database.client.user.findFirstOrThrow();
    let check: Awaited<ReturnType<typeof checkCapBalance>> | undefined;
    await database.owner
      .$transaction(async (tx) => {
        await tx.$executeRawUnsafe(`ALTER TABLE "ExposureCapEntry" DISABLE TRIGGER USER`);
        await tx.$executeRaw`INSERT INTO "ExposureCapEntry" ("kind", "amountCents", "createdById") VALUES ('DRAW', 500, ${userId})`;
        check = await checkCapBalance(tx);
        throw new Rollback();
      })
      .catch((error: unknown) => {
        if (!(error instanceof Rollback)) throw error;
      });
    expect(check?.ok).toBe(false);
    expect(check?.note).toMatch(/ledger sums to \$5\.00 over 1 entries/);
  });
});

async function idAt(position: number): Promise<string> {
  const event = await database.client.auditEvent.findUniqueOrThrow({ where: { chainPosition: BigInt(position) } });
  return event.id.toString();
}
