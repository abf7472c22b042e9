// What a consortium submitted, as files: a PDF of a submitted version, made from
// the snapshot frozen at submission (never from today's draft), and a ZIP of that
// PDF with every attachment the snapshot names, streamed as it is built.
import { createHash } from "node:crypto";
import { Readable } from "node:stream";
import type { ReadableStream as NodeWebReadableStream } from "node:stream/web";
import { PDFDocument, StandardFonts } from "pdf-lib";
import yazl from "yazl";
import type { Db } from "@/lib/db";
import { NotFoundError, requireRecordId } from "@/lib/errors";
import { attachmentKindLabel, formatBytes, uniqueNames } from "@/lib/attachments/rules";
import { PRODUCT_LABELS } from "@/lib/financing/labels";
import type { FinancingProduct, PartyRole, StackLayer } from "@/lib/generated/prisma/enums";
import { PARTY_ROLE_LABELS } from "@/lib/licensing/determination";
import { formatBasisPoints, formatCents } from "@/lib/money";
import { pageWriter } from "@/lib/pdf/text";
import { proposalScope, type Actor } from "@/lib/policy";
import type { ObjectStorage } from "@/lib/storage";
import { LAYER_LABELS } from "./completeness";
import { readSnapshot, type ProposalSnapshot } from "./snapshot";

export type Submission = { number: number; submittedAt: Date; snapshot: ProposalSnapshot; proposalId: string };

/** A submitted version of a proposal the actor may read; 404 otherwise (a missing version too). */
export async function readSubmission(client: Db, actor: Actor, proposalId: string, versionParam: string): Promise<Submission> {
  requireRecordId(proposalId, "Proposal");
  if (!/^\d{1,9}$/.test(versionParam)) throw new NotFoundError("Version");
  const submission = await client.proposalSubmission.findFirst({
    where: { number: Number(versionParam), proposal: { AND: [{ id: proposalId }, proposalScope(actor, "proposal:read")] } },
    select: { number: true, submittedAt: true, snapshot: true, proposalId: true },
  });
  if (!submission) throw new NotFoundError("Version");
  return { ...submission, snapshot: readSnapshot(submission.snapshot) };
}

export const submissionFileName = (submission: Submission, extension: "pdf" | "zip") => `${submission.snapshot.reference}-version-${submission.number}.${extension}`;

const label = <K extends string>(labels: Readonly<Record<K, string>>, key: string) => (labels as Record<string, string>)[key] ?? key;

/** The submitted version as a PDF: what the consortium sent, as reviewers read it. */
export async function submissionPdf(submission: Submission): Promise<Uint8Array> {
  const s = submission.snapshot;
  const doc = await PDFDocument.create();
  doc.setTitle(`${s.reference}: ${s.title} (version ${submission.number})`);
  doc.setSubject("American AI Exports program proposal, as submitted");
  doc.setCreationDate(submission.submittedAt);
  const regular = await doc.embedFont(StandardFonts.Helvetica);
  const bold = await doc.embedFont(StandardFonts.HelveticaBold);
  const write = pageWriter(doc, regular);
  const heading = (words: string) => write(words, { font: bold, size: 13, gap: 6 });

  write("American AI Exports program: proposal as submitted", { size: 10, gap: 10 });
  write(s.title, { font: bold, size: 18, gap: 8 });
  write(`${s.reference}, version ${submission.number}, submitted ${submission.submittedAt.toISOString().slice(0, 16).replace("T", " ")} UTC`);
  if (s.consortium) write(`Consortium: ${s.consortium}`);
  write(`Destinations: ${s.destinations.map((c) => c.name).join(", ") || "none"}`, { gap: 14 });

  heading("Summary");
  write(s.summary || "Not stated.", { gap: 14 });

  heading("The package");
  const byLayer = new Map<string, ProposalSnapshot["lineItems"]>();
  for (const item of s.lineItems) byLayer.set(item.layer, [...(byLayer.get(item.layer) ?? []), item]);
  let total = 0n;
  for (const [layer, items] of byLayer) {
    write(label<StackLayer>(LAYER_LABELS, layer), { font: bold });
    for (const item of items) {
      const unitPriceCents = BigInt(item.unitPriceCents);
      const lineTotal = unitPriceCents * BigInt(item.quantity);
      total += lineTotal;
      const maker = [item.manufacturer, item.model].filter(Boolean).join(" ");
      write(
        `${item.description}${maker ? ` (${maker})` : ""}: ${item.quantity} x ${formatCents(unitPriceCents)} = ${formatCents(lineTotal)}; US content ${formatBasisPoints(item.usContentBasisPoints)}${item.eccn ? `; ECCN ${item.eccn}` : ""}`,
        { indent: 12 },
      );
    }
  }
  write(s.lineItems.length ? `Package value: ${formatCents(total)}` : "No line items.", { font: bold, gap: 14 });

  heading("Parties and end use");
  for (const party of s.parties) write(`${label<PartyRole>(PARTY_ROLE_LABELS, party.role)}: ${party.name}${party.country ? ` (${party.country})` : ""}`);
  if (s.parties.length === 0) write("No parties named.");
  write(`Specific end use: ${s.specificEndUse || "not stated"}`, { gap: 14 });
  if (s.securityPlan) {
    heading("Security plan");
    write(s.securityPlan, { gap: 14 });
  }

  heading("Financing request");
  const financing = s.financing;
  write(
    financing
      ? `${formatCents(BigInt(financing.requestedAmountCents))}, ${label<FinancingProduct>(PRODUCT_LABELS, financing.product).toLowerCase()} over ${financing.repaymentYears} years`
      : "None.",
    { gap: 14 },
  );

  heading("Attachments");
  if (s.attachments.length === 0) write("None.");
  for (const document of s.attachments) {
    write(`${document.fileName} (${attachmentKindLabel(document.kind)}, ${formatBytes(document.sizeBytes)})`);
    write(`SHA-256 ${document.sha256}`, { size: 8, indent: 12, gap: 6 });
  }
  return doc.save();
}

/**
 * The ZIP of a submitted version: its PDF, every attachment the snapshot names
 * (read from storage one at a time, as the archive is sent) under attachments/,
 * and SHA256SUMS to check them by. Attachments removed from the draft later are
 * still there: the row and the file are kept.
 */
export async function submissionZip(client: Db, storage: ObjectStorage, submission: Submission): Promise<ReadableStream<Uint8Array>> {
  const named = submission.snapshot.attachments;
  const rows = await client.document.findMany({
    where: { proposalId: submission.proposalId, id: { in: named.map((d) => d.id) } },
    select: { id: true, storageKey: true },
  });
  const keyOf = new Map(rows.map((row) => [row.id, row.storageKey]));
  const pdfName = submissionFileName(submission, "pdf");
  const pdf = Buffer.from(await submissionPdf(submission));
  const names = uniqueNames(named.map((d) => d.fileName)).map((name) => `attachments/${name}`);
  const zip = new yazl.ZipFile();
  const modified = submission.submittedAt;
  zip.addBuffer(pdf, pdfName, { mtime: modified });
  const sums = [`${createHash("sha256").update(pdf).digest("hex")}  ${pdfName}`];
  named.forEach((document, index) => {
    const key = keyOf.get(document.id);
    if (!key) throw new NotFoundError(`Attachment ${document.fileName}`);
    sums.push(`${document.sha256}  ${names[index]}`);
    zip.addReadStreamLazy(names[index]!, { mtime: modified, size: document.sizeBytes }, (callback) => {
      storage.get(key).then(
        (stream) => callback(null, Readable.fromWeb(stream as NodeWebReadableStream<Uint8Array>)),
        (error: Error) => callback(error, null as unknown as Readable),
      );
    });
  });
  zip.addBuffer(Buffer.from(`${sums.join("\n")}\n`), "SHA256SUMS", { mtime: modified });
  zip.end();
  return Readable.toWeb(zip.outputStream as Readable) as unknown as ReadableStream<Uint8Array>;
}
