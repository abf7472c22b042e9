// The job queue works as the portal's least-privilege role: the owner set up
// its schema, queues and the daily schedule; the portal sends, works and
// maintains jobs, and the daily verification records its run.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type PgBoss from "pg-boss";
import { runAuditVerification } from "@/lib/audit-chain/service";
import { createQueue, JOBS } from "@/lib/jobs/queue";
import { freshDatabase, type TestDatabase } from "./support/database";

let database: TestDatabase;
let boss: PgBoss;

beforeAll(async () => {
  database = await freshDatabase();
  boss = createQueue(database.url, { migrate: false, supervise: false, schedule: false });
  await boss.start();
});

afterAll(async () => {
  await boss?.stop({ graceful: false, wait: true });
});

describe("the job queue, as the portal's role", () => {
  it("has the daily verification scheduled by the owner", async () => {
    const schedules = await boss.getSchedules();
    expect(schedules).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ name: JOBS.verifyAuditTrail.name, cron: JOBS.verifyAuditTrail.cron }),
        expect.objectContaining({ name: JOBS.deliverMail.name, cron: JOBS.deliverMail.cron }),
      ]),
    );
  });

  it("runs the verification job and records the run", async () => {
    const done = new Promise<void>((resolve, reject) => {
      void boss.work(JOBS.verifyAuditTrail.name, { pollingIntervalSeconds: 0.5 }, async () => {
        try {
          await runAuditVerification(database.client, "daily job");
          resolve();
        } catch (error) {
          reject(error as Error);
          throw error;
        }
      });
    });
    expect(await boss.send(JOBS.verifyAuditTrail.name, {})).toBeTruthy();
    await done;
    const run = await database.client.auditVerification.findFirstOrThrow({ orderBy: { id: "desc" } });
    expect(run).toMatchObject({ ranBy: "daily job", ok: true, capBalanceOk: true });
  });

  it("may maintain the queue but not create queues (tables) of its own", async () => {
    await boss.maintain();
    await expect(boss.createQueue("portal-made-queue")).rejects.toThrow(/permission denied|must be owner/);
  });
});
