// Versions and returns for revision, on PostgreSQL as the portal's own role.
import { beforeAll, describe, expect, it } from "vitest";
import type { Db } from "@/lib/db";
import { ForbiddenError, NotFoundError, RuleViolationError } from "@/lib/errors";
import { returnForRevision } from "@/lib/proposals/revisions";
import { addLineItem, removeLineItem, submitProposal, withdrawProposal } from "@/lib/proposals/service";
import { saveOverviewStep } from "@/lib/proposals/steps";
import { SNAPSHOT_SCHEMA_VERSION } from "@/lib/proposals/snapshot";
import { compareVersions, getVersion, listVersions } from "@/lib/proposals/versions";
import { freshDatabase } from "./support/database";
import { addSeat, createCompleteDraft, createConsortiumMember, createUser, lineItem } from "./support/fixtures";

let client: Db;
let owner: Db;
beforeAll(async () => {
  ({ client, owner } = await freshDatabase());
});

const versionOf = async (proposalId: string) => (await client.proposal.findUniqueOrThrow({ where: { id: proposalId } })).version;

async function submitted() {
  const member = await createConsortiumMember(client);
  const draft = await createCompleteDraft(client, member.actor, { destination: "AE" });
  await submitProposal(client, member.actor, { proposalId: draft.id, expectedVersion: draft.version });
  return { ...member, proposalId: draft.id };
}

describe("returning a proposal for revision", () => {
  it("needs a reason: without one nothing changes and nothing is recorded", async () => {
    const { proposalId } = await submitted();
    const reviewer = await createUser(client, "COMMERCE_REVIEWER");
    const before = await client.proposal.findUniqueOrThrow({ where: { id: proposalId } });
    const events = await client.auditEvent.count({ where: { proposalId } });

    const error = await returnForRevision(client, reviewer, { proposalId, expectedVersion: before.version, reason: "   " }).catch((e: unknown) => e);

    expect(error).toBeInstanceOf(RuleViolationError);
    expect((error as RuleViolationError).field).toBe("revisionReason");
    expect(await client.proposal.findUniqueOrThrow({ where: { id: proposalId } })).toMatchObject({ status: "IN_LICENSE_REVIEW", version: before.version });
    expect(await client.auditEvent.count({ where: { proposalId } })).toBe(events);
    expect(await client.revisionRequest.count({ where: { proposalId } })).toBe(0);
  });

  it("moves it to the consortium with the reason, the audit event, and a notice to each of its people, together", async () => {
    const { proposalId, consortium, actor: lead } = await submitted();
    const viewer = await addSeat(client, consortium.id, "VIEWER");
    const officer = await createUser(client, "EXIM_OFFICER");
    const reason = "Split the cloud line into hosting and networking, and state the operator.";

    const status = await returnForRevision(client, officer, { proposalId, expectedVersion: await versionOf(proposalId), reason }, "https://portal.example");

    expect(status).toBe("RETURNED_FOR_REVISION");
    const request = await client.revisionRequest.findFirstOrThrow({ where: { proposalId } });
    expect(request).toMatchObject({ reason, submissionNumber: 1, returnedById: officer.userId, returnedByRole: "EXIM_OFFICER" });
    const event = await client.auditEvent.findFirstOrThrow({ where: { proposalId }, orderBy: { id: "desc" } });
    expect(event).toMatchObject({
      action: "proposal.transitioned",
      actorId: officer.userId,
      before: { status: "IN_LICENSE_REVIEW" },
      after: { status: "RETURNED_FOR_REVISION", event: "returnForRevision", reason },
    });
    // The same transaction: the event and the request were written in one commit, with the status.
    const [eventTx] = await owner.$queryRaw<Array<{ xmin: string }>>`SELECT xmin::text FROM "AuditEvent" WHERE id = ${event.id}`;
    const [requestTx] = await owner.$queryRaw<Array<{ xmin: string }>>`SELECT xmin::text FROM "RevisionRequest" WHERE id = ${request.id}`;
    expect(eventTx!.xmin).toBe(requestTx!.xmin);

    const notified = await client.notification.findMany({ where: { kind: "proposal.returnedForRevision", link: `/proposals/${proposalId}` } });
    expect(notified.map((n) => n.userId).sort()).toEqual([lead.userId, viewer.userId].sort());
    expect(notified[0]!.body).toContain(reason);
    const mail = await client.mailMessage.findMany({ where: { to: { in: [lead.email, viewer.email] } } });
    expect(mail).toHaveLength(2);
    expect(mail[0]!.text).toContain(reason);
    expect(mail[0]!.text).toContain(`https://portal.example/proposals/${proposalId}`);
  });

  it("is open to Commerce reviewers and EXIM officers only", async () => {
    const { proposalId, actor: lead } = await submitted();
    const input = async () => ({ proposalId, expectedVersion: await versionOf(proposalId), reason: "Please revise." });
    await expect(returnForRevision(client, lead, await input())).rejects.toThrow(ForbiddenError);
    await expect(returnForRevision(client, await createUser(client, "ADMINISTRATOR"), await input())).rejects.toThrow(ForbiddenError);
    expect((await client.proposal.findUniqueOrThrow({ where: { id: proposalId } })).status).toBe("IN_LICENSE_REVIEW");
    await returnForRevision(client, await createUser(client, "COMMERCE_REVIEWER"), await input());
    // Once returned, it can't be returned again until it is resubmitted.
    await expect(returnForRevision(client, await createUser(client, "EXIM_OFFICER"), await input())).rejects.toThrow(/not possible while the proposal is returned/);
  });

  it("can't reach a draft: government roles don't see unsubmitted proposals", async () => {
    const { actor } = await createConsortiumMember(client);
    const draft = await createCompleteDraft(client, actor);
    await expect(returnForRevision(client, await createUser(client, "COMMERCE_REVIEWER"), { proposalId: draft.id, expectedVersion: draft.version, reason: "x" })).rejects.toThrow(NotFoundError);
  });
});

describe("resubmitting", () => {
  it("creates version 2 with its own frozen snapshot, and the comparison shows what changed", async () => {
    const { proposalId, actor: lead } = await submitted();
    const reviewer = await createUser(client, "COMMERCE_REVIEWER");
    await returnForRevision(client, reviewer, { proposalId, expectedVersion: await versionOf(proposalId), reason: "Fewer storage arrays." });

    const storage = await client.lineItem.findFirstOrThrow({ where: { proposalId, layer: "STORAGE" } });
    await removeLineItem(client, lead, { proposalId, lineItemId: storage.id });
    await addLineItem(client, lead, { ...lineItem(proposalId, { layer: "STORAGE", description: "Storage arrays", quantity: "15", unitPrice: "1,000,000.00" }), supplierOrganizationId: storage.supplierOrganizationId });
    await saveOverviewStep(client, lead, { proposalId, expectedVersion: await versionOf(proposalId), title: "Sovereign compute campus, phase 1", summary: "A full-stack AI package.", destinationCountryCodes: ["AE"] });
    const status = await submitProposal(client, lead, { proposalId, expectedVersion: await versionOf(proposalId) });
    expect(status).toBe("IN_LICENSE_REVIEW");

    const submissions = await client.proposalSubmission.findMany({ where: { proposalId }, orderBy: { number: "asc" } });
    expect(submissions.map((s) => s.number)).toEqual([1, 2]);
    expect(submissions.every((s) => (s.snapshot as { schemaVersion: number }).schemaVersion === SNAPSHOT_SCHEMA_VERSION)).toBe(true);

    const { page } = await listVersions(client, reviewer, proposalId);
    expect(page.rows.map((r) => [r.number, r.submittedBy.name])).toEqual([
      [2, lead.name],
      [1, lead.name],
    ]);
    const first = await getVersion(client, reviewer, proposalId, "1");
    expect(first.snapshot.title).toBe("Sovereign compute campus");
    expect(first.snapshot.lineItems.find((i) => i.layer === "STORAGE")).toMatchObject({ id: storage.id, quantity: 20 });
    expect(first.snapshot.parties).toHaveLength(6); // purchaser, consignee, end user; the data center's builder, owner and operator
    expect(first.snapshot.financing).toMatchObject({ product: "DIRECT_LOAN", repaymentYears: 10 });

    const { diff } = await compareVersions(client, reviewer, proposalId, "1", "2");
    expect(diff.fields.map((f) => [f.label, f.from, f.to])).toEqual([["Title", "Sovereign compute campus", "Sovereign compute campus, phase 1"]]);
    expect(diff.lineItems.changed.map((c) => [c.label, c.changes.map((f) => `${f.label}: ${f.from} → ${f.to}`)])).toEqual([
      ["Storage arrays", ["Quantity: 20 → 15", "Line total: $20,000,000.00 → $15,000,000.00"]],
    ]);
    expect(diff.parties).toEqual({ added: [], removed: [], changed: [] });
  });
});

describe("what was submitted", () => {
  it("can't be changed or deleted, by the portal's role or the owner", async () => {
    const { proposalId } = await submitted();
    await expect(client.proposalSubmission.updateMany({ where: { proposalId }, data: { snapshot: { title: "forged" } } })).rejects.toThrow(/permission denied|append-only/);
    await expect(client.proposalSubmission.deleteMany({ where: { proposalId } })).rejects.toThrow(/permission denied|append-only/);
    await expect(owner.proposalSubmission.updateMany({ where: { proposalId }, data: { snapshot: { title: "forged" } } })).rejects.toThrow(/append-only/);
    const reviewer = await createUser(client, "COMMERCE_REVIEWER");
    await returnForRevision(client, reviewer, { proposalId, expectedVersion: await versionOf(proposalId), reason: "Revise." });
    await expect(client.revisionRequest.updateMany({ where: { proposalId }, data: { reason: "Never mind." } })).rejects.toThrow(/permission denied|append-only/);
    expect((await getVersion(client, reviewer, proposalId, "1")).snapshot.title).toBe("Sovereign compute campus");
  });

  it("is read by the consortium's people and the government roles, never by another consortium", async () => {
    const { proposalId, consortium } = await submitted();
    const viewer = await addSeat(client, consortium.id, "VIEWER");
    const stranger = await createConsortiumMember(client);
    expect((await listVersions(client, viewer, proposalId)).page.rows).toHaveLength(1);
    expect((await getVersion(client, await createUser(client, "EXIM_OFFICER"), proposalId, "1")).version.number).toBe(1);
    await expect(listVersions(client, stranger.actor, proposalId)).rejects.toThrow(NotFoundError);
    await expect(getVersion(client, stranger.actor, proposalId, "1")).rejects.toThrow(NotFoundError);
    await expect(compareVersions(client, stranger.actor, proposalId, "1", "1")).rejects.toThrow(NotFoundError);
    await expect(getVersion(client, viewer, proposalId, "2")).rejects.toThrow(NotFoundError);
    await expect(getVersion(client, viewer, proposalId, "one")).rejects.toThrow(NotFoundError);
  });
});

describe("withdrawing", () => {
  it("is for the lead, with a reason once submitted, and is refused after a decline", async () => {
    const { proposalId, consortium, actor: lead } = await submitted();
    const contributor = await addSeat(client, consortium.id, "CONTRIBUTOR");
    const viewer = await addSeat(client, consortium.id, "VIEWER");
    for (const who of [contributor, viewer]) {
      await expect(withdrawProposal(client, who, { proposalId, expectedVersion: await versionOf(proposalId), reason: "x" })).rejects.toThrow(ForbiddenError);
    }
    await client.proposal.update({ where: { id: proposalId }, data: { status: "DECLINED" } });
    await expect(withdrawProposal(client, lead, { proposalId, expectedVersion: await versionOf(proposalId), reason: "Too late." })).rejects.toThrow(/not possible while the proposal is declined/);
  });
});
