// The public list of approved packages: only fields that are published.
import type { Db } from "@/lib/db";
import { pageWithin, readKeysetPage, type PageRequest } from "@/lib/pagination";
import { DESTINATION_NAMES, PROPOSAL_ROW } from "./service";
import { publishedScope } from "@/lib/policy";

/** Newest first, read through the partial index of published packages. */
const PUBLISHED_ORDER = { key: "publishedAt", order: "desc", idOrder: "asc" } as const;

export async function listPublishedPackages(client: Db, request: PageRequest) {
  return readKeysetPage(
    PUBLISHED_ORDER,
    request,
    (page) =>
      client.proposal.findMany({
        ...pageWithin(publishedScope(), page),
        select: {
          ...PROPOSAL_ROW,
          publishedAt: true,
          targetCountries: DESTINATION_NAMES,
          financingRequest: { select: { product: true, decisions: { where: { outcome: "APPROVED" }, select: { approvedAmountCents: true } } } },
        },
      }),
    // Published packages always carry their publication date (publishedScope).
    (row) => row.publishedAt!,
  );
}
