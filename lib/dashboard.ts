// The dashboard's totals: counts only, never lists, each stopping at a cap
// (lib/counts.ts: "10,000+"), and cached for a short while in the process
// (lib/short-cache.ts): a total a few seconds old is fine on a dashboard, and
// every decision re-reads what it needs in its own transaction. The cap keeps a
// refresh cheap at any size: an exact count of a million rows took 250-400 ms,
// and a refresh running beside the page's requests slowed them.
import type { Db } from "@/lib/db";
import { financingQueueCount } from "@/lib/financing/service";
import { pendingLicenseCount } from "@/lib/licensing/service";
import { can, proposalScope, type Actor } from "@/lib/policy";
import { shortCached } from "@/lib/short-cache";

export const DASHBOARD_TOTALS_TTL_MS = 15_000;
/** Counted up to this; shown as "10,000+" past it. */
export const DASHBOARD_COUNT_CAP = 10_001;

export async function dashboardTotals(client: Db, actor: Actor) {
  // Consortium staff each see their own consortia; a government role's scope is the role's.
  const scopeKey = actor.role === "CONSORTIUM_MEMBER" ? `user:${actor.userId}` : `role:${actor.role}`;
  const cached = (what: string, load: () => Promise<number>) => shortCached(`dashboard:${what}:${scopeKey}`, DASHBOARD_TOTALS_TTL_MS, load);
  const [proposals, pendingLicenses, financingQueue] = await Promise.all([
    cached("proposals", () => client.proposal.count({ where: proposalScope(actor), take: DASHBOARD_COUNT_CAP })),
    can(actor, "license:decide") ? cached("licenses", () => pendingLicenseCount(client, actor, DASHBOARD_COUNT_CAP)) : null,
    can(actor, "financing:decide") ? cached("financing", () => financingQueueCount(client, actor, DASHBOARD_COUNT_CAP)) : null,
  ]);
  return { proposals, pendingLicenses, financingQueue };
}
