// Autosave with several contributors, through the draft step's action as the
// browser calls it: real sessions and a real PostgreSQL; only the session cookie
// (which session the request carries) and Next's page cache are stood in for.
import { beforeAll, describe, expect, it, vi } from "vitest";
import type { Db } from "@/lib/db";
import { initialFormState, type FormState } from "@/lib/forms";
import { endSession, startSession } from "@/lib/identity/sessions";
import type { Actor } from "@/lib/policy";
import { createProposal } from "@/lib/proposals/service";
import { freshDatabase } from "./support/database";
import { addSeat, createConsortiumMember } from "./support/fixtures";

const cookie = vi.hoisted(() => ({ sid: null as string | null }));
vi.mock("@/lib/auth", () => ({ auth: async () => (cookie.sid ? { sid: cookie.sid } : null) }));
vi.mock("next/cache", () => ({ revalidatePath: () => undefined }));

const { saveOperationsAction, saveOverviewAction } = await import("@/app/proposals/[id]/builder-actions");

let client: Db;
beforeAll(async () => {
  const database = await freshDatabase();
  client = database.client;
  process.env.DATABASE_URL = database.url; // the action's own client
});

async function signedIn(actor: Actor): Promise<string> {
  return startSession(client, await client.user.findUniqueOrThrow({ where: { id: actor.userId } }));
}

/** What the autosave component posts while someone types in a step (the overview unless named). */
function autosave(sid: string | null, fields: Record<string, string | number>, action = saveOverviewAction): Promise<FormState> {
  cookie.sid = sid;
  const form = new FormData();
  form.set("intent", "autosave");
  for (const [name, value] of Object.entries(fields)) form.set(name === "destinationCountryCode" ? "destination0" : name, String(value));
  return action(initialFormState, form);
}

async function twoContributors() {
  const { actor: lead, consortium } = await createConsortiumMember(client);
  await client.user.update({ where: { id: lead.userId }, data: { name: "Dana Lee" } });
  const contributor = await addSeat(client, consortium.id, "CONTRIBUTOR");
  await client.user.update({ where: { id: contributor.userId }, data: { name: "Sam Ortiz" } });
  const draft = await createProposal(client, lead, { title: "Compute campus", summary: "Phase one", destinationCountryCode: "AE" });
  return { lead: await signedIn(lead), contributor: await signedIn(contributor), draft };
}

describe("two contributors autosaving one draft", () => {
  it("refuses the second save from the same base version, listing what the first changed, and loses nothing", async () => {
    const { lead, contributor, draft } = await twoContributors();
    const base = draft.version;

    const first = await autosave(lead, { proposalId: draft.id, expectedVersion: base, title: "Solar compute campus", summary: "Phase one", destinationCountryCode: "AE" });
    expect(first).toMatchObject({ status: "success", version: base + 1 });
    expect(Date.parse(first.savedAt!)).toBeGreaterThan(Date.now() - 60_000);

    const second = await autosave(contributor, { proposalId: draft.id, expectedVersion: base, title: "Compute campus", summary: "Phase one and two", destinationCountryCode: "AE" });

    expect(second.status).toBe("error");
    expect(second.message).toMatch(/someone else changed this/);
    expect(second.conflictVersion).toBe(base + 1);
    expect(second.problems).toEqual([expect.stringMatching(/^Title was changed by Dana Lee at \d{1,2}:\d{2} [AP]M E[SD]T to “Solar compute campus”\.$/)]);
    // The contributor's input comes back to the page; the lead's save stands.
    expect(second.values).toMatchObject({ summary: "Phase one and two" });
    const stored = await client.proposal.findUniqueOrThrow({ where: { id: draft.id } });
    expect(stored).toMatchObject({ title: "Solar compute campus", summary: "Phase one", version: base + 1 });

    // Choosing to keep their copy over the lead's is a deliberate save from the current version.
    const kept = await autosave(contributor, { proposalId: draft.id, expectedVersion: second.conflictVersion!, title: "Compute campus", summary: "Phase one and two", destinationCountryCode: "AE" });
    expect(kept).toMatchObject({ status: "success", version: base + 2 });
    const history = await client.auditEvent.findMany({ where: { proposalId: draft.id, action: "proposal.updated" }, orderBy: { id: "asc" } });
    expect(history.map((e) => [e.before, e.after])).toEqual([
      [{ title: "Compute campus" }, { title: "Solar compute campus", draftVersion: base + 1 }],
      [{ title: "Solar compute campus", summary: "Phase one" }, { title: "Compute campus", summary: "Phase one and two", draftVersion: base + 2 }],
    ]);
  });

  it("lets a save from an old version through when the others changed other fields, keeping both", async () => {
    const { lead, contributor, draft } = await twoContributors();
    await autosave(lead, { proposalId: draft.id, expectedVersion: draft.version, title: "Compute campus", summary: "Phase one, revised", destinationCountryCode: "AE" });

    // The contributor's copy predates the lead's summary: saving it unchanged would undo it...
    const stale = await autosave(contributor, { proposalId: draft.id, expectedVersion: draft.version, title: "New title", summary: "Phase one", destinationCountryCode: "AE" });
    expect(stale.problems).toEqual([expect.stringMatching(/^Summary was changed by Dana Lee at .* to “Phase one, revised”\.$/)]);
    // ...but a copy that agrees with it (the contributor took it in) changes only the title.
    const merged = await autosave(contributor, { proposalId: draft.id, expectedVersion: draft.version, title: "New title", summary: "Phase one, revised", destinationCountryCode: "AE" });
    expect(merged).toMatchObject({ status: "success", version: draft.version + 2 });
    expect(await client.proposal.findUniqueOrThrow({ where: { id: draft.id } })).toMatchObject({ title: "New title", summary: "Phase one, revised" });
  });

  it("names the destination country, and refuses when the proposal changed in ways the trail can't attribute", async () => {
    const { lead, contributor, draft } = await twoContributors();
    await autosave(lead, { proposalId: draft.id, expectedVersion: draft.version, title: "Compute campus", summary: "Phase one", destinationCountryCode: "JP" });
    await client.proposal.update({ where: { id: draft.id }, data: { version: { increment: 1 } } }); // a change outside the draft steps
    const stale = await autosave(contributor, { proposalId: draft.id, expectedVersion: draft.version, title: "Compute campus", summary: "Phase one", destinationCountryCode: "AE" });
    expect(stale.problems).toEqual([expect.stringMatching(/^Destinations were changed by Dana Lee at .* to “Japan”\.$/), "Other parts of the proposal were changed too; see its history."]);
  });

  it("writes nothing and changes no version when nothing changed", async () => {
    const { lead, draft } = await twoContributors();
    const same = await autosave(lead, { proposalId: draft.id, expectedVersion: draft.version, title: "Compute campus", summary: "Phase one", destinationCountryCode: "AE" });
    expect(same).toMatchObject({ status: "success", version: draft.version });
    expect(await client.auditEvent.count({ where: { proposalId: draft.id, action: "proposal.updated" } })).toBe(0);
  });

  it("while typing, saves a blank summary (the loose schema, with what the step still needs) but not a blank title", async () => {
    const { lead, draft } = await twoContributors();
    const blankSummary = await autosave(lead, { proposalId: draft.id, expectedVersion: draft.version, title: "Compute campus", summary: "", destinationCountryCode: "AE" });
    expect(blankSummary).toMatchObject({ status: "success", version: draft.version + 1 });
    expect(blankSummary.warnings).toContain("Write a summary of the package.");
    const blankTitle = await autosave(lead, { proposalId: draft.id, expectedVersion: draft.version + 1, title: " ", summary: "" });
    expect(blankTitle.fieldErrors).toEqual({ title: "Enter a title." });
    expect(await client.proposal.findUniqueOrThrow({ where: { id: draft.id } })).toMatchObject({ title: "Compute campus", summary: "", version: draft.version + 1 });
  });

  it("lets two contributors in different steps save from the same version without refusing either", async () => {
    const { lead, contributor, draft } = await twoContributors();
    const overview = await autosave(lead, { proposalId: draft.id, expectedVersion: draft.version, title: "Compute campus", summary: "Phase one, revised", destinationCountryCode: "AE" });
    const operations = await autosave(contributor, { proposalId: draft.id, expectedVersion: draft.version, securityPlan: "Two-person rule in the data halls." }, saveOperationsAction);
    expect([overview.status, operations.status]).toEqual(["success", "success"]);
    expect(operations.version).toBe(draft.version + 2);
    expect(await client.proposal.findUniqueOrThrow({ where: { id: draft.id } })).toMatchObject({ summary: "Phase one, revised", securityPlan: "Two-person rule in the data halls." });
    // The lead's next save, from the version their save answered, is not refused for the contributor's change.
    const next = await autosave(lead, { proposalId: draft.id, expectedVersion: overview.version!, title: "Compute campus II", summary: "Phase one, revised", destinationCountryCode: "AE" });
    expect(next).toMatchObject({ status: "success", version: draft.version + 3 });
  });
});

describe("a save after the session ended", () => {
  it("says the user is signed out, gives their input back and writes nothing", async () => {
    const { lead, draft } = await twoContributors();
    await endSession(client, lead);
    const auditBefore = await client.auditEvent.count({ where: { proposalId: draft.id } });

    const state = await autosave(lead, { proposalId: draft.id, expectedVersion: draft.version, title: "Typed after timeout", summary: "Phase one", destinationCountryCode: "AE" });
    const noCookie = await autosave(null, { proposalId: draft.id, expectedVersion: draft.version, title: "Typed after timeout", summary: "Phase one", destinationCountryCode: "AE" });

    for (const answer of [state, noCookie]) {
      expect(answer).toMatchObject({ status: "error", signedOut: true, values: { title: "Typed after timeout" } });
      expect(answer.message).toMatch(/signed out/);
    }
    expect(await client.proposal.findUniqueOrThrow({ where: { id: draft.id } })).toMatchObject({ title: "Compute campus", version: draft.version });
    expect(await client.auditEvent.count({ where: { proposalId: draft.id } })).toBe(auditBefore);
  });
});
