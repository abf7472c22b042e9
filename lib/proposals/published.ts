// The public list of approved packages: only fields that are published.
import type { Db } from "@/lib/db";
import { pageWithin, readKeysetPage, type PageRequest } from "@/lib/pagination";
import { DESTINATION_NAMES, PROPOSAL_ROW } from "./service";
import { publishedScope } from "@/lib/policy";

/** Newest first, read through the partial index of published packages. */
const PUBLISHED_ORDER = { key: "publishedAt", order: "desc", idOrder: "asc" } as const;

export async function listPublishedPackages(client: Db, request: PageRequest) {
  const [page, first] = await Promise.all([readPublishedPage(client, request), firstPublished(client)]);
  return { ...page, firstId: first?.id ?? null };
}

/** The program's first package still published: one row off the end of the same index. */
async function firstPublished(client: Db) {
  return client.proposal.findFirst({ where: publishedScope(), orderBy: [{ publishedAt: "asc" }, { id: "desc" }], select: { id: true } });
}

async function readPublishedPage(client: Db, request: PageRequest) {
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
          // The amount of the final commitment (letters of interest and preliminary commitments are not published).
          financingRequest: {
            select: {
              product: true,
              decisions: { where: { outcome: "APPROVED", stage: "FINAL_COMMITMENT" }, orderBy: { decidedAt: "desc" }, take: 1, select: { approvedAmountCents: true, decidedAt: true } },
            },
          },
        },
      }),
    // Published packages always carry their publication date (publishedScope).
    (row) => row.publishedAt!,
  );
}
