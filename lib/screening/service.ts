// Restricted-party screening against the Consolidated Screening List in force:
// fuzzy matching in PostgreSQL (pg_trgm similarity over normalized names and
// aliases, GIN-indexed), screening a proposal's parties and members, and the
// reviewer's clearing or confirming of each hit.
import { queuedTransaction, type Db, type Tx } from "@/lib/db";
import type { ScreeningOutcome } from "@/lib/generated/prisma/enums";
import { auditSnapshot, recordAudit } from "@/lib/audit";
import { NotFoundError, requireRecordId, RuleViolationError } from "@/lib/errors";
import { PARTY_ROLE_LABELS } from "@/lib/licensing/determination";
import { authorize, proposalScope, type Actor } from "@/lib/policy";
import { loadProgramSettings } from "@/lib/settings";
import type { ScreeningReviewInput } from "@/lib/schemas/screening";
import { ApiProblem } from "@/lib/api/http";
import { limitPerClient } from "@/lib/api/rate-limit";
import { listVersionLabel } from "./csl";
import { normalizeName } from "./normalize";

export type ScreeningMatch = { entryId: string; source: string; entryName: string; matchedName: string; score: number };

type Client = Db | Tx;

/** The list in force, if one has been imported. */
export async function currentList(client: Client) {
  return client.screeningList.findFirst({ orderBy: { importedAt: "desc" } });
}

/**
 * Entries whose name or an alias scores at least `threshold` (0-100) against the
 * name, best first, one row per entry. Runs in a transaction of its own (or the
 * caller's) so the trigram threshold applies to this query only.
 */
export async function matchName(client: Client, name: string, threshold: number): Promise<ScreeningMatch[]> {
  const normalized = normalizeName(name);
  if (!normalized) return [];
  const run = async (tx: Tx) => {
    // `%` uses the GIN trigram index, at this threshold; similarity() gives the score.
    await tx.$executeRaw`SELECT set_config('pg_trgm.similarity_threshold', ${String(threshold / 100)}, true)`;
    return tx.$queryRaw<ScreeningMatch[]>`
      SELECT DISTINCT ON (e.id) e.id AS "entryId", e.source, e.name AS "entryName", n.name AS "matchedName",
             round(similarity(n.normalized, q.folded) * 100)::int AS score
      FROM (SELECT screening_fold(${normalized}) AS folded) q
      JOIN "ScreeningEntryName" n ON n.normalized % q.folded
      JOIN "ScreeningEntry" e ON e.id = n."entryId"
      ORDER BY e.id, score DESC, n."isAlias" ASC`;
  };
  const rows = "$transaction" in client ? await (client as Db).$transaction(run) : await run(client as Tx);
  return rows.filter((row) => row.score >= threshold).sort((a, b) => b.score - a.score || a.entryName.localeCompare(b.entryName));
}

/** The public screening API: rate-limited per client, a bounded number of names (settings). */
export async function screenNamesForApi(client: Db, clientKey: string, names: readonly string[]) {
  const settings = await loadProgramSettings(client);
  await limitPerClient(client, "screening", clientKey, settings["screening.apiRequestsPerMinute"]);
  const max = settings["screening.apiMaxNames"];
  if (names.length > max) throw new ApiProblem(400, "The request has problems.", [{ field: "names", message: `Send at most ${max} names in one request.` }]);
  return screenNames(client, names);
}

/** Screens names against the list in force: the public API and the reviewer's check. */
export async function screenNames(client: Db, names: readonly string[]) {
  const [settings, list] = await Promise.all([loadProgramSettings(client), currentList(client)]);
  const threshold = settings["screening.matchThreshold"];
  const results = [];
  for (const name of names) {
    const matches = await matchName(client, name, threshold);
    results.push({ name, matches: matches.map((m) => ({ name, score: m.score, source: m.source, entryName: m.entryName })) });
  }
  return { threshold, listVersion: list ? listVersionLabel(list) : null, results };
}

/**
 * Screens every party and member organization of a proposal and records the
 * results. Called when a proposal is submitted (in the submission's transaction
 * until the job queue runs it). Results no reviewer has acted on are replaced;
 * cleared and confirmed ones stay on record.
 */
export async function screenProposal(tx: Tx, proposalId: string) {
  const [settings, list, proposal] = await Promise.all([
    loadProgramSettings(tx),
    currentList(tx),
    tx.proposal.findUniqueOrThrow({
      where: { id: proposalId },
      select: {
        parties: { select: { id: true, name: true, role: true } },
        consortium: { select: { memberships: { select: { organization: { select: { id: true, legalName: true } } } } } },
      },
    }),
  ]);
  const threshold = settings["screening.matchThreshold"];
  const listVersion = list ? listVersionLabel(list) : "no list imported";
  const subjects = [
    ...proposal.parties.map((p) => ({ partyId: p.id, organizationId: null, subjectKind: PARTY_ROLE_LABELS[p.role], query: p.name })),
    ...proposal.consortium.memberships.map((m) => ({ partyId: null, organizationId: m.organization.id, subjectKind: "consortium member", query: m.organization.legalName })),
  ];
  await tx.screeningResult.deleteMany({ where: { proposalId, outcome: { in: ["NO_MATCH", "POSSIBLE_MATCH"] } } });
  // A reviewer's decision stands when the same entries match again (screening runs
  // again at the final commitment): only a match no reviewer has seen is new.
  const reviewed = await tx.screeningResult.findMany({
    where: { proposalId, outcome: { in: ["CLEARED", "CONFIRMED"] } },
    select: { partyId: true, organizationId: true, hits: true },
  });
  const reviewedEntries = (subject: { partyId: string | null; organizationId: string | null }) =>
    new Set(
      reviewed
        .filter((r) => (subject.partyId ? r.partyId === subject.partyId : r.organizationId === subject.organizationId))
        .flatMap((r) => (r.hits as Array<{ entryId: string }>).map((hit) => hit.entryId)),
    );
  let hits = 0;
  for (const subject of subjects) {
    const matches = list ? await matchName(tx, subject.query, threshold) : [];
    const seen = reviewedEntries(subject);
    if (matches.length > 0 && matches.every((match) => seen.has(match.entryId))) continue;
    const outcome: ScreeningOutcome = matches.length > 0 ? "POSSIBLE_MATCH" : "NO_MATCH";
    if (matches.length > 0) hits += 1;
    await tx.screeningResult.create({
      data: {
        proposalId,
        ...subject,
        listId: list?.id ?? null,
        listVersion,
        topScore: matches[0]?.score ?? 0,
        outcome,
        hits: matches,
      },
    });
  }
  await recordAudit(tx, null, {
    action: "screening.run",
    entityType: "Proposal",
    entityId: proposalId,
    proposalId,
    after: { listVersion, threshold, screened: subjects.length, possibleMatches: hits },
  });
  return { screened: subjects.length, possibleMatches: hits };
}

/**
 * Screens a submitted proposal in a transaction of its own: the job's work, and
 * the fresh screening before a final commitment. It waits for a connection as the
 * commitments do (they queue behind the cap lock, many at once), and answers busy,
 * saving nothing, when it can't start in time.
 */
export async function runScreening(client: Db, proposalId: string) {
  return queuedTransaction(
    client,
    async (tx) => {
      // One screening of a proposal at a time; a proposal withdrawn meanwhile is left alone.
      const rows = await tx.$queryRaw<Array<{ id: string }>>`SELECT id FROM "Proposal" WHERE id = ${proposalId} AND "submittedAt" IS NOT NULL FOR UPDATE`;
      if (rows.length === 0) return null;
      return screenProposal(tx, proposalId);
    },
    { timeout: 120_000 },
  );
}

/**
 * Proposals submitted in the last day, still in review, whose parties haven't
 * been screened since: a job the queue lost is caught within a minute.
 */
export async function unscreenedProposalIds(client: Client, limit = 50): Promise<string[]> {
  const rows = await client.$queryRaw<Array<{ id: string }>>`
    SELECT p.id FROM "Proposal" p
    WHERE p.status IN ('SUBMITTED', 'IN_LICENSE_REVIEW', 'IN_FINANCING_REVIEW') AND p."submittedAt" > now() - interval '1 day'
      AND NOT EXISTS (SELECT 1 FROM "ScreeningResult" s WHERE s."proposalId" = p.id AND s."screenedAt" >= p."submittedAt")
    ORDER BY p."submittedAt" LIMIT ${limit}`;
  return rows.map((r) => r.id);
}

/** The minute sweep: screens what the submission's job missed (a queue that was down, a crash). */
export async function screenUnscreenedProposals(client: Db) {
  const ids = await unscreenedProposalIds(client);
  for (const id of ids) await runScreening(client, id);
  return ids.length;
}

/** The screening results of a proposal the actor may see, hits first. */
export async function proposalScreenings(client: Client, actor: Actor, proposalId: string) {
  return client.screeningResult.findMany({
    where: { proposalId, proposal: proposalScope(actor) },
    orderBy: [{ topScore: "desc" }, { query: "asc" }],
    include: { reviewedBy: { select: { name: true } } },
  });
}

/**
 * What screening says against granting a license or financing; empty when
 * nothing. Licenses wait for every possible match to be reviewed; financing
 * (confirmedOnly) is blocked by confirmed matches.
 */
export async function screeningBlockers(client: Client, proposalId: string, { confirmedOnly = false } = {}): Promise<string[]> {
  const [open, unscreened] = await Promise.all([
    client.screeningResult.findMany({
      where: { proposalId, outcome: { in: confirmedOnly ? ["CONFIRMED"] : ["POSSIBLE_MATCH", "CONFIRMED"] } },
      select: { query: true, subjectKind: true, outcome: true },
      orderBy: { query: "asc" },
    }),
    client.$queryRaw<Array<{ id: string }>>`
      SELECT p.id FROM "Proposal" p WHERE p.id = ${proposalId} AND p."submittedAt" IS NOT NULL
        AND NOT EXISTS (SELECT 1 FROM "ScreeningResult" s WHERE s."proposalId" = p.id AND s."screenedAt" >= p."submittedAt")`,
  ]);
  const pending = unscreened.length > 0 ? ["The parties have not been screened against the Consolidated Screening List since the proposal was submitted; screening runs within a minute."] : [];
  return pending.concat(open.map((r) =>
    r.outcome === "CONFIRMED"
      ? `The ${r.subjectKind} ${r.query} is a confirmed match on the Consolidated Screening List.`
      : `The ${r.subjectKind} ${r.query} is a possible match on the Consolidated Screening List that no reviewer has cleared or confirmed yet.`,
  ));
}

/** A Commerce reviewer clears (not the listed party) or confirms (the listed party) a possible match. */
export async function reviewScreeningHit(client: Db, actor: Actor, input: ScreeningReviewInput) {
  authorize(actor, "license:decide");
  return client.$transaction(async (tx) => {
    const result = await tx.screeningResult.findFirst({
      where: { id: input.screeningResultId, proposal: proposalScope(actor, "license:decide") },
    });
    if (!result) throw new NotFoundError("Screening result");
    await tx.$queryRaw`SELECT id FROM "ScreeningResult" WHERE id = ${result.id} FOR UPDATE`;
    const current = await tx.screeningResult.findUniqueOrThrow({ where: { id: result.id } });
    if (current.outcome !== "POSSIBLE_MATCH") throw new RuleViolationError("This screening hit has already been reviewed.");
    const now = new Date();
    await tx.screeningResult.update({
      where: { id: result.id },
      data: { outcome: input.decision, reviewReason: input.reason, reviewedById: actor.userId, reviewedAt: now },
    });
    await recordAudit(tx, actor, {
      action: "screening.reviewed",
      entityType: "ScreeningResult",
      entityId: result.id,
      proposalId: result.proposalId,
      before: { outcome: current.outcome },
      after: auditSnapshot({ outcome: input.decision, reason: input.reason, query: current.query }),
    });
  });
}

/** One screening result with the list entries it matched (while they are still on the list in force). */
export async function getScreeningResult(client: Db, actor: Actor, screeningResultId: string) {
  authorize(actor, "license:decide");
  requireRecordId(screeningResultId, "Screening result");
  const result = await client.screeningResult.findFirst({
    where: { id: screeningResultId, proposal: proposalScope(actor, "license:decide") },
    include: { reviewedBy: { select: { name: true } }, proposal: { select: { reference: true, title: true } } },
  });
  if (!result) throw new NotFoundError("Screening result");
  const hits = (Array.isArray(result.hits) ? result.hits : []) as ScreeningMatch[];
  const entries = await client.screeningEntry.findMany({ where: { id: { in: hits.map((h) => h.entryId) } } });
  return { ...result, matches: hits.map((hit) => ({ ...hit, entry: entries.find((e) => e.id === hit.entryId) ?? null })) };
}
