// The consortium's home: what a consortium's people see first. Every figure is
// a count through an index (capped) or a short list; nothing counts or lists a
// whole scope, and each thing is read once (docs/decisions/0049).
import type { Db } from "@/lib/db";
import { Prisma } from "@/lib/generated/prisma/client";
import { authorize, type Actor } from "@/lib/policy";
import { listProposals } from "@/lib/proposals/service";
import { questionsWaitingOn, unreadCounts } from "@/lib/questions/service";

/** How many rows each "waiting on you" list and the activity show. */
export const HOME_LIST_LIMIT = 5;
export const HOME_ACTIVITY_LIMIT = 8;
/** Counts stop here ("99+"): a number that large only needs to say "many". */
export const HOME_COUNT_CAP = 100;

type ActivityRow = { id: bigint; action: string; occurredAt: Date; after: unknown; actorName: string | null; proposalId: string; reference: string; title: string };

export async function consortiumHome(client: Db, actor: Actor) {
  authorize(actor, "consortium:read");
  // The actor's seats, with each consortium's counts of members and people (one statement).
  const seats = await client.consortiumUser.findMany({
    where: { userId: actor.userId },
    orderBy: { createdAt: "asc" },
    select: {
      seatRole: true,
      consortium: { select: { id: true, name: true, _count: { select: { memberships: true, users: true } } } },
    },
  });
  const consortiumIds = seats.map((s) => s.consortium.id);
  const leadOf = seats.filter((s) => s.seatRole === "LEAD").map((s) => s.consortium.id);
  if (consortiumIds.length === 0) {
    return { seats, proposals: { rows: [], next: null, previous: null, pageSize: 0 }, unread: new Map<string, number>(), waiting: { count: 0, oldest: [] }, returned: [], invitations: { count: 0 }, activity: [] as ActivityRow[] };
  }
  const inMine = { consortiumId: { in: consortiumIds } };
  const now = new Date();
  const [proposals, waiting, returned, invitationCount, activity] = await Promise.all([
    // The first page of their proposals, newest change first (keyset, like /proposals).
    listProposals(client, actor, {}),
    questionsWaitingOn(client, actor, consortiumIds, HOME_LIST_LIMIT),
    // Returned for revision: waiting on the consortium to revise and resubmit.
    client.proposal.findMany({
      where: { ...inMine, status: "RETURNED_FOR_REVISION" },
      orderBy: [{ updatedAt: "desc" }, { id: "asc" }],
      take: HOME_LIST_LIMIT,
      select: { id: true, reference: true, title: true, updatedAt: true },
    }),
    // Invitations the consortia sent that nobody has accepted yet (leads follow them up).
    leadOf.length > 0
      ? client.invitation.count({ where: { consortiumId: { in: leadOf }, acceptedAt: null, revokedAt: null, expiresAt: { gt: now } }, take: HOME_COUNT_CAP })
      : Promise.resolve(0),
    // The latest events on their proposals: at most a few per proposal through
    // (proposalId, occurredAt), then the newest of those; never a walk of the whole trail.
    client.$queryRaw<ActivityRow[]>`
      SELECT e.id, e.action, e."occurredAt", e.after, u.name AS "actorName", p.id AS "proposalId", p.reference, p.title
      FROM "Proposal" p
      CROSS JOIN LATERAL (
        SELECT id, action, "occurredAt", after, "actorId" FROM "AuditEvent"
        WHERE "proposalId" = p.id ORDER BY "occurredAt" DESC, id DESC LIMIT ${HOME_ACTIVITY_LIMIT}
      ) e
      LEFT JOIN "User" u ON u.id = e."actorId"
      WHERE p."consortiumId" IN (${Prisma.join(consortiumIds)})
      ORDER BY e."occurredAt" DESC, e.id DESC
      LIMIT ${HOME_ACTIVITY_LIMIT}`,
  ]);
  const unread = await unreadCounts(
    client,
    actor,
    proposals.rows.filter((p) => p.submittedAt !== null).map((p) => p.id),
  );
  return { seats, proposals, unread, waiting, returned, invitations: { count: invitationCount }, activity };
}

export type ConsortiumHome = Awaited<ReturnType<typeof consortiumHome>>;
