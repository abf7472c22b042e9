-- Written by hand: a partial index, which Prisma's schema language cannot express.
-- The public list of approved packages, newest first (lib/proposals/published.ts).
-- Only an approval sets publishedAt, so "publishedAt IS NOT NULL" is the whole
-- predicate: the planner matches it against publishedScope() without having to
-- compare enum values.
CREATE INDEX "Proposal_published_list_idx"
  ON "Proposal" ("publishedAt" DESC, "id")
  WHERE "publishedAt" IS NOT NULL;
