// The public list of approved packages: only fields that are published.
import type { Db } from "@/lib/db";
import { publishedScope } from "@/lib/policy";
import { PAGE_SIZE } from "./service";

export async function listPublishedPackages(client: Db, { page = 1 }: { page?: number }) {
  const where = publishedScope();
  const [total, rows] = await Promise.all([
    client.proposal.count({ where }),
    client.proposal.findMany({
      where,
      orderBy: [{ publishedAt: "desc" }, { id: "asc" }],
      skip: (page - 1) * PAGE_SIZE,
      take: PAGE_SIZE,
      select: {
        reference: true,
        title: true,
        publishedAt: true,
        consortium: { select: { name: true } },
        targetCountries: { select: { country: { select: { name: true } } } },
        financingRequest: { select: { product: true, decisions: { where: { outcome: "APPROVED" }, select: { approvedAmountCents: true } } } },
      },
    }),
  ]);
  return { total, page, pageSize: PAGE_SIZE, rows };
}
