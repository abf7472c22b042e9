// The program dashboard: the cap's headroom and reservation, the pipeline by
// stage, committed amounts by region and by product, and median days in each
// stage. Aggregates only (GROUP BY, percentile_cont): a handful of rows whatever
// the number of proposals, and no proposal list is ever read. The cap is read
// fresh on every request (one row); the aggregates, which scan the program, are
// kept up to 15 seconds per process like the dashboard's totals (decision 24).
import type { Db } from "@/lib/db";
import { capPosition, type CapPosition } from "@/lib/exposure-cap/rules";
import { readCapPosition } from "@/lib/exposure-cap/service";
import type { FinancingProduct, FinancingStage } from "@/lib/generated/prisma/enums";
import { shareOf } from "@/lib/money";
import { authorize, type Actor } from "@/lib/policy";
import { loadProgramSettings, type ProgramSettings } from "@/lib/settings";
import { shortCached } from "@/lib/short-cache";
import { DASHBOARD_TOTALS_TTL_MS } from "@/lib/dashboard";

export type PipelineRow = { stage: FinancingStage | "NONE"; proposals: number; amountCents: bigint };
export type AmountRow = { label: string; proposals: number; amountCents: bigint };
export type StageDaysRow = { stage: "TO_LETTER_OF_INTEREST" | "LETTER_OF_INTEREST" | "PRELIMINARY_COMMITMENT"; decisions: number; medianDays: number | null };

export type ProgramDashboard = {
  cap: CapPosition;
  reservedCents: bigint;
  whatIf: CapPosition;
  pipeline: PipelineRow[];
  byRegion: AmountRow[];
  byProduct: Array<AmountRow & { product: FinancingProduct }>;
  stageDays: StageDaysRow[];
};

const PIPELINE_ORDER: PipelineRow["stage"][] = ["NONE", "LETTER_OF_INTEREST", "PRELIMINARY_COMMITMENT", "FINAL_COMMITMENT"];

/** `fresh` skips the per-process cache (tests that compare before and after a change). */
export async function programDashboard(client: Db, actor: Actor, { fresh = false }: { fresh?: boolean } = {}): Promise<ProgramDashboard> {
  authorize(actor, "program:read");
  const settings = await loadProgramSettings(client);
  const [cap, aggregates] = await Promise.all([
    readCapPosition(client, settings),
    fresh ? readAggregates(client, settings) : shortCached("program:aggregates", DASHBOARD_TOTALS_TTL_MS, () => readAggregates(client, settings)),
  ]);
  return {
    cap,
    reservedCents: shareOf(cap.statutoryLimitCents, settings["exposureCap.reservedBasisPoints"]),
    whatIf: capPosition(settings["exposureCap.proposedStatutoryLimitCents"], settings["exposureCap.drawnAtStartCents"], cap.drawnCents - settings["exposureCap.drawnAtStartCents"]),
    ...aggregates,
  };
}

async function readAggregates(client: Db, settings: ProgramSettings): Promise<Omit<ProgramDashboard, "cap" | "reservedCents" | "whatIf">> {
  const regions = Object.entries(settings["program.regions"]).flatMap(([name, codes]) => codes.map((code) => [code, name] as const));
  const codes = regions.map(([code]) => code);
  const names = regions.map(([, name]) => name);

  const [pipeline, byRegion, byProduct, [days]] = await Promise.all([
    // Under review by the stage last decided; final commitments are the approved proposals.
    client.$queryRaw<Array<{ stage: string; proposals: bigint; amount: bigint }>>`
      SELECT CASE WHEN p."status" = 'APPROVED' THEN 'FINAL_COMMITMENT' ELSE COALESCE(fr."stage"::text, 'NONE') END AS stage,
             count(*)::bigint AS proposals, COALESCE(sum(fr."requestedAmountCents"), 0)::bigint AS amount
        FROM "FinancingRequest" fr JOIN "Proposal" p ON p."id" = fr."proposalId"
       WHERE p."status" IN ('IN_LICENSE_REVIEW', 'IN_FINANCING_REVIEW', 'APPROVED')
       GROUP BY 1`,
    // Outstanding commitments (draws less releases) by the region of the proposal's destinations;
    // a proposal whose destinations span regions counts as "Other".
    client.$queryRaw<Array<{ region: string; proposals: bigint; amount: bigint }>>`
      WITH committed AS (
        SELECT "proposalId", sum("amountCents") AS amount FROM "ExposureCapEntry"
         WHERE "proposalId" IS NOT NULL GROUP BY "proposalId" HAVING sum("amountCents") > 0
      ), region AS (
        SELECT pc."proposalId",
               CASE WHEN count(DISTINCT COALESCE(m.region, 'Other')) = 1 THEN min(COALESCE(m.region, 'Other')) ELSE 'Other' END AS region
          FROM "ProposalCountry" pc
          JOIN committed c ON c."proposalId" = pc."proposalId"
          LEFT JOIN unnest(${codes}::text[], ${names}::text[]) AS m(code, region) ON m.code = pc."countryCode"
         GROUP BY pc."proposalId"
      )
      SELECT r.region, count(*)::bigint AS proposals, sum(c.amount)::bigint AS amount
        FROM committed c JOIN region r ON r."proposalId" = c."proposalId"
       GROUP BY r.region`,
    client.$queryRaw<Array<{ product: FinancingProduct; proposals: bigint; amount: bigint }>>`
      WITH committed AS (
        SELECT "proposalId", sum("amountCents") AS amount FROM "ExposureCapEntry"
         WHERE "proposalId" IS NOT NULL GROUP BY "proposalId" HAVING sum("amountCents") > 0
      )
      SELECT fr."product", count(*)::bigint AS proposals, sum(c.amount)::bigint AS amount
        FROM committed c JOIN "FinancingRequest" fr ON fr."proposalId" = c."proposalId"
       GROUP BY fr."product"`,
    // Days from submission to the letter of interest, and spent at each stage before the next.
    client.$queryRaw<Array<Record<string, number | bigint | null>>>`
      WITH d AS (
        SELECT p."submittedAt",
               min(fd."decidedAt") FILTER (WHERE fd."stage" = 'LETTER_OF_INTEREST') AS loi,
               min(fd."decidedAt") FILTER (WHERE fd."stage" = 'PRELIMINARY_COMMITMENT') AS pc,
               min(fd."decidedAt") FILTER (WHERE fd."stage" = 'FINAL_COMMITMENT') AS fc
          FROM "FinancingDecision" fd
          JOIN "FinancingRequest" fr ON fr."id" = fd."financingRequestId"
          JOIN "Proposal" p ON p."id" = fr."proposalId"
         WHERE fd."outcome" = 'APPROVED' AND fd."stage" IS NOT NULL
         GROUP BY fr."id", p."submittedAt"
      )
      SELECT percentile_cont(0.5) WITHIN GROUP (ORDER BY extract(epoch FROM loi - "submittedAt") / 86400) FILTER (WHERE loi IS NOT NULL) AS "toLoi",
             count(*) FILTER (WHERE loi IS NOT NULL)::bigint AS "toLoiCount",
             percentile_cont(0.5) WITHIN GROUP (ORDER BY extract(epoch FROM pc - loi) / 86400) FILTER (WHERE pc IS NOT NULL AND loi IS NOT NULL) AS "atLoi",
             count(*) FILTER (WHERE pc IS NOT NULL AND loi IS NOT NULL)::bigint AS "atLoiCount",
             percentile_cont(0.5) WITHIN GROUP (ORDER BY extract(epoch FROM fc - pc) / 86400) FILTER (WHERE fc IS NOT NULL AND pc IS NOT NULL) AS "atPc",
             count(*) FILTER (WHERE fc IS NOT NULL AND pc IS NOT NULL)::bigint AS "atPcCount"
        FROM d`,
  ]);

  const byStage = new Map(pipeline.map((row) => [row.stage, row]));
  const regionOrder = [...Object.keys(settings["program.regions"]), "Other"];
  const regionRows = new Map(byRegion.map((row) => [row.region, row]));
  const num = (value: number | bigint | null | undefined) => (value === null || value === undefined ? null : Math.round(Number(value) * 10) / 10);
  return {
    pipeline: PIPELINE_ORDER.map((stage) => ({ stage, proposals: Number(byStage.get(stage)?.proposals ?? 0n), amountCents: byStage.get(stage)?.amount ?? 0n })),
    byRegion: regionOrder.map((label) => ({ label, proposals: Number(regionRows.get(label)?.proposals ?? 0n), amountCents: regionRows.get(label)?.amount ?? 0n })),
    byProduct: (["LOAN_GUARANTEE", "DIRECT_LOAN", "EXPORT_CREDIT_INSURANCE"] as const).map((product) => {
      const row = byProduct.find((r) => r.product === product);
      return { product, label: product, proposals: Number(row?.proposals ?? 0n), amountCents: row?.amount ?? 0n };
    }),
    stageDays: [
      { stage: "TO_LETTER_OF_INTEREST", decisions: Number(days?.toLoiCount ?? 0), medianDays: num(days?.toLoi) },
      { stage: "LETTER_OF_INTEREST", decisions: Number(days?.atLoiCount ?? 0), medianDays: num(days?.atLoi) },
      { stage: "PRELIMINARY_COMMITMENT", decisions: Number(days?.atPcCount ?? 0), medianDays: num(days?.atPc) },
    ],
  };
}
