// How many SQL statements a page's data loading sends: one read per thing per
// request. The counts are pinned so that a change which reads something twice,
// or loads what the page doesn't show, fails here first.
import { PrismaPg } from "@prisma/adapter-pg";
import { beforeAll, describe, expect, it } from "vitest";
import type { Db } from "@/lib/db";
import { dashboardTotals } from "@/lib/dashboard";
import { financingReview } from "@/lib/financing/service";
import { PrismaClient } from "@/lib/generated/prisma/client";
import type { Actor } from "@/lib/policy";
import { consortiumHome } from "@/lib/home/service";
import { proposalPageData, submitProposal } from "@/lib/proposals/service";
import { askQuestion, questionThread } from "@/lib/questions/service";
import { loadProgramSettings } from "@/lib/settings";
import { freshDatabase } from "./support/database";
import { createCompleteDraft, createConsortiumMember, createUser } from "./support/fixtures";

let client: Db;
let counted: Db;
const statements: string[] = [];
const withParams: string[] = [];

beforeAll(async () => {
  let url: string;
  ({ client, url } = await freshDatabase());
  const logging = new PrismaClient({ adapter: new PrismaPg({ connectionString: url }), log: [{ emit: "event", level: "query" }] });
  logging.$on("query", (event) => {
    statements.push(event.query);
    withParams.push(`${event.query} ${event.params}`);
  });
  counted = logging as unknown as Db;
  return () => logging.$disconnect();
});

/** The statements `view` sends, and how many of them are exact repeats. */
async function statementsOf(view: () => Promise<unknown>) {
  statements.length = 0;
  withParams.length = 0;
  await view();
  return { count: withParams.length, duplicates: withParams.length - new Set(withParams).size };
}

/** What a page render does: the settings once per request (lib/request-cache.ts), then its loader. */
const proposalPage = (actor: Actor, id: string) => async () => proposalPageData(counted, actor, id, await loadProgramSettings(counted));

describe("statements per view", () => {
  let member: Actor;
  let reviewer: Actor;
  let officer: Actor;
  let draftId: string;
  let submittedId: string;

  beforeAll(async () => {
    ({ actor: member } = await createConsortiumMember(client));
    reviewer = await createUser(client, "COMMERCE_REVIEWER");
    officer = await createUser(client, "EXIM_OFFICER");
    draftId = (await createCompleteDraft(client, member, { destination: "AE" })).id;
    const submitted = await createCompleteDraft(client, member, { destination: "AE" });
    await submitProposal(client, member, { proposalId: submitted.id, expectedVersion: submitted.version });
    submittedId = submitted.id;
  });

  it("the proposal page reads each thing once, the same for a draft as once submitted", async () => {
    // Settings, the proposal and its 13 related reads (the parties and their
    // countries among them), the seat, the history and its actors' names. The
    // page is a read view: the forms (and their country lists) live on the steps.
    const editable = await statementsOf(proposalPage(member, draftId));
    expect(editable).toEqual({ count: 17, duplicates: 0 });
    const readOnly = await statementsOf(proposalPage(member, submittedId));
    expect(readOnly).toEqual({ count: 17, duplicates: 0 });
    // Government roles have no seat to look up.
    const government = await statementsOf(proposalPage(reviewer, submittedId));
    expect(government).toEqual({ count: 16, duplicates: 0 });
  });

  it("the financing page reads the proposal once", async () => {
    const view = await statementsOf(async () => financingReview(counted, officer, submittedId, await loadProgramSettings(counted)));
    const proposalReads = statements.filter((sql) => /^SELECT .* FROM "public"."Proposal" WHERE/.test(sql));
    expect(proposalReads).toHaveLength(1);
    // The one repeat is the settings, which the cap position reads for itself.
    expect(view.duplicates).toBeLessThanOrEqual(1);
  });

  it("the questions thread reads the proposal, the seat, the questions with their answers and names, and the read marker once each", async () => {
    await askQuestion(client, reviewer, { proposalId: submittedId, question: "Which grid connects the site?" }, "https://portal.example");
    // The proposal in the question scope, the seat, the questions, their askers,
    // their answers and the answers' authors, and the reader's marker.
    expect(await statementsOf(() => questionThread(counted, member, submittedId))).toEqual({ count: 7, duplicates: 0 });
    // Government roles have no seat to look up.
    expect(await statementsOf(() => questionThread(counted, reviewer, submittedId))).toEqual({ count: 6, duplicates: 0 });
  });

  it("the consortium's home reads each thing once, and only short lists and capped counts", async () => {
    const view = await statementsOf(() => consortiumHome(counted, member));
    // The seats and their consortia with counts of members and people (2), the
    // first page of proposals with their consortia, destinations and countries
    // (4), open questions (a capped count, the oldest few and their proposals: 3),
    // returned proposals, open invitations (a capped count), recent activity, and
    // the unread counts of the listed proposals.
    expect(view).toEqual({ count: 13, duplicates: 0 });
    // No statement reads a list without a limit, and no count runs over a whole scope.
    const selects = statements.filter((sql) => sql.startsWith("SELECT") && !/"ConsortiumUser"|"Consortium"|"Country"|"ProposalCountry"|"Proposal"\."id" IN|"QuestionAnswer"|GROUP BY/.test(sql));
    for (const sql of selects) expect(sql, sql).toMatch(/LIMIT/);
  });

  it("the dashboard counts, and lists nothing", async () => {
    await statementsOf(() => dashboardTotals(counted, officer));
    expect(statements.length).toBeGreaterThan(0);
    expect(statements.every((sql) => sql.startsWith("SELECT COUNT(*)"))).toBe(true);
  });
});
