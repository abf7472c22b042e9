// Screening at submission runs as a job on the queue (as the portal's role), and
// a minute sweep catches any proposal whose job was lost; until screening has
// run, neither a license nor financing can be approved.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type PgBoss from "pg-boss";
import { createQueue, JOBS } from "@/lib/jobs/queue";
import { submitProposal } from "@/lib/proposals/service";
import { runScreening, screenUnscreenedProposals, screeningBlockers, unscreenedProposalIds } from "@/lib/screening/service";
import { freshDatabase, type TestDatabase } from "./support/database";
import { createCompleteDraft, createConsortiumMember } from "./support/fixtures";

let database: TestDatabase;
let boss: PgBoss;
let proposalId: string;
const NOT_SCREENED = "The parties have not been screened against the Consolidated Screening List since the proposal was submitted; screening runs within a minute.";

beforeAll(async () => {
  database = await freshDatabase();
  boss = createQueue(database.url, { migrate: false, supervise: false, schedule: false });
  await boss.start();
  const { actor } = await createConsortiumMember(database.client);
  const draft = await createCompleteDraft(database.client, actor, { destination: "AE" });
  await submitProposal(database.client, actor, { proposalId: draft.id, expectedVersion: draft.version });
  proposalId = draft.id;
});

afterAll(async () => {
  await boss?.stop({ graceful: false, wait: true });
});

const forget = () => database.client.screeningResult.deleteMany({ where: { proposalId } });

describe("screening as a job", () => {
  it("the queue and its minute sweep were set up by the owner", async () => {
    expect(await boss.getQueue(JOBS.screenParties.name)).toBeTruthy();
    expect(await boss.getSchedules()).toEqual(expect.arrayContaining([expect.objectContaining({ name: JOBS.screenParties.name, cron: "* * * * *" })]));
  });

  it("until screening has run, approvals are blocked; the job sent with the proposal's id screens it", async () => {
    await forget();
    expect(await screeningBlockers(database.client, proposalId)).toEqual([NOT_SCREENED]);
    expect(await screeningBlockers(database.client, proposalId, { confirmedOnly: true })).toEqual([NOT_SCREENED]);
    expect(await unscreenedProposalIds(database.client)).toContain(proposalId);
    const done = new Promise<void>((resolve, reject) => {
      void boss.work<{ proposalId: string }>(JOBS.screenParties.name, { pollingIntervalSeconds: 0.5 }, async ([job]) => {
        try {
          await runScreening(database.client, job!.data.proposalId);
          resolve();
        } catch (error) {
          reject(error as Error);
          throw error;
        }
      });
    });
    expect(await boss.send(JOBS.screenParties.name, { proposalId })).toBeTruthy();
    await done;
    expect(await database.client.screeningResult.count({ where: { proposalId } })).toBe(7); // three export parties, the data centers' builder, owner and operator, and the anchor member
    expect(await screeningBlockers(database.client, proposalId)).toEqual([]);
    expect(await unscreenedProposalIds(database.client)).not.toContain(proposalId);
  });

  it("the sweep screens a proposal whose job was lost", async () => {
    await forget();
    expect(await screenUnscreenedProposals(database.client)).toBeGreaterThanOrEqual(1);
    expect(await screeningBlockers(database.client, proposalId)).toEqual([]);
  });
});
