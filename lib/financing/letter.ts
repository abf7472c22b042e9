// The decision letter EXIM sends the consortium: every financing decision on the
// proposal, its terms and reasons, as a PDF. Readable by whoever may read the proposal.
import { PDFDocument, StandardFonts, rgb } from "pdf-lib";
import { printable, wrap } from "@/lib/pdf/text";
import type { Db } from "@/lib/db";
import { NotFoundError } from "@/lib/errors";
import { formatBasisPoints, formatCents } from "@/lib/money";
import type { Actor } from "@/lib/policy";
import { getProposal } from "@/lib/proposals/service";
import { STAGE_LABELS } from "@/lib/workflow";
import { PRODUCT_LABELS } from "./labels";

const OUTCOME_WORDS = { APPROVED: "Issued", DECLINED: "Declined", CANCELLED: "Cancelled", WITHDRAWN: "Withdrawn", REQUESTED: "Requested" } as const;

export async function decisionLetter(client: Db, actor: Actor, proposalId: string): Promise<{ filename: string; pdf: Uint8Array }> {
  const { proposal } = await getProposal(client, actor, proposalId);
  const request = proposal.financingRequest;
  if (!request || request.decisions.length === 0) throw new NotFoundError("Decision letter");
  const doc = await PDFDocument.create();
  doc.setTitle(`Financing decision: ${proposal.reference}`);
  doc.setAuthor("Export-Import Bank of the United States");
  const regular = await doc.embedFont(StandardFonts.Helvetica);
  const bold = await doc.embedFont(StandardFonts.HelveticaBold);
  const margin = 56;
  let page = doc.addPage([612, 792]);
  let y = 792 - margin;
  const width = 612 - margin * 2;
  const write = (text: string, { font = regular, size = 11, gap = 4 } = {}) => {
    for (const line of wrap(printable(text), font, size, width)) {
      if (y < margin + size) {
        page = doc.addPage([612, 792]);
        y = 792 - margin;
      }
      page.drawText(line, { x: margin, y, size, font, color: rgb(0.07, 0.1, 0.2) });
      y -= size + gap;
    }
  };
  write("Export-Import Bank of the United States", { font: bold, size: 14 });
  write("American AI Exports program: financing decision", { size: 12, gap: 14 });
  write(`To: ${proposal.consortium.name}`);
  write(`Proposal: ${proposal.reference}, ${proposal.title}`);
  write(`Destinations: ${proposal.targetCountries.map((c) => c.country.name).join(", ")}`);
  write(`Financing requested: ${formatCents(request.requestedAmountCents)}, ${PRODUCT_LABELS[request.product].toLowerCase()} over ${request.repaymentYears} years`, { gap: 14 });
  for (const decision of [...request.decisions].reverse()) {
    write(`${decision.decidedAt.toISOString().slice(0, 10)}: ${decision.stage ? STAGE_LABELS[decision.stage] : "Decision"}, ${OUTCOME_WORDS[decision.outcome].toLowerCase()}`, { font: bold });
    if (decision.approvedAmountCents != null) {
      const terms = [
        formatCents(decision.approvedAmountCents),
        decision.product ? `${PRODUCT_LABELS[decision.product].toLowerCase()} over ${decision.repaymentYears} years` : null,
        decision.rateBasisPoints != null ? `fixed rate ${formatBasisPoints(decision.rateBasisPoints)} (CIRR)` : null,
        decision.exposureFeeCents != null
          ? `exposure fee ${formatCents(decision.exposureFeeCents)} (${formatBasisPoints(decision.exposureFeeBasisPoints ?? 0)}, ${decision.exposureFeePayment === "AS_DRAWN" ? "as drawn" : "up front"}${decision.exposureFeeFinanced ? ", financed" : ""})`
          : null,
      ].filter(Boolean);
      write(`Terms: ${terms.join("; ")}.`);
    }
    write(`Reasons: ${decision.reason}`, { gap: 12 });
  }
  if (request.startingPoint) write(`Repayment: equal semi-annual installments, the first six months after ${request.startingPoint.toISOString().slice(0, 10)}.`);
  return { filename: `${proposal.reference}-financing-decision.pdf`, pdf: await doc.save() };
}
