// Attachments on PostgreSQL and a real folder: what is accepted and stored with
// its SHA-256, what is refused with nothing written, who may download what, and
// the PDF and ZIP of a submitted version.
import { createHash } from "node:crypto";
import { mkdtemp, readdir, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { PDFDocument } from "pdf-lib";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import yauzl from "yauzl";
import { openAttachment, removeAttachment, uploadAttachment, type UploadResult } from "@/lib/attachments/service";
import type { Db } from "@/lib/db";
import { ForbiddenError, NotFoundError, RuleViolationError } from "@/lib/errors";
import type { Actor } from "@/lib/policy";
import { getProposal, submitProposal } from "@/lib/proposals/service";
import { readSubmission, submissionPdf, submissionZip } from "@/lib/proposals/submission-files";
import { FileSystemStorage } from "@/lib/storage/filesystem";
import { docxFile, elfFile, jpegFile, pdfFile, pngFile, windowsExecutable, xlsxFile, zipFile } from "../unit/support/files";
import { freshDatabase } from "./support/database";
import { addSeat, createCompleteDraft, createConsortiumMember, createUser } from "./support/fixtures";

let client: Db;
let owner: Db;
let folder: string;
let storage: FileSystemStorage;

beforeAll(async () => {
  ({ client, owner } = await freshDatabase());
  folder = await mkdtemp(path.join(os.tmpdir(), "portal-attachments-"));
  storage = new FileSystemStorage(folder);
});
afterAll(async () => {
  await rm(folder, { recursive: true, force: true });
});

const sha256 = (bytes: Buffer) => createHash("sha256").update(bytes).digest("hex");

function uploadRequest(file: { name: string; bytes: Buffer } | null, kind = "TECHNICAL_SPECIFICATION"): Request {
  const form = new FormData();
  form.set("kind", kind);
  // With no file chosen, a browser sends an empty part with an empty file name.
  form.set("file", file ? new File([new Uint8Array(file.bytes)], file.name) : new File([], ""));
  return new Request("http://localhost/upload", { method: "POST", body: form });
}

async function upload(actor: Actor, proposalId: string, name: string, bytes: Buffer, kind?: string): Promise<UploadResult> {
  return uploadAttachment(client, storage, actor, proposalId, uploadRequest({ name, bytes }, kind));
}

/** Every stored file (not the folders), so "nothing written" covers the disk too. */
async function storedFiles(): Promise<string[]> {
  const entries = await readdir(folder, { recursive: true, withFileTypes: true });
  return entries.filter((entry) => entry.isFile()).map((entry) => path.join(entry.parentPath, entry.name));
}

async function streamToBuffer(stream: ReadableStream<Uint8Array>): Promise<Buffer> {
  return Buffer.from(await new Response(stream).arrayBuffer());
}

async function draft() {
  const { actor, consortium } = await createConsortiumMember(client);
  const proposal = await createCompleteDraft(client, actor);
  return { actor, consortium, proposal };
}

describe("uploading an attachment", () => {
  it.each([
    ["specification.pdf", pdfFile, "application/pdf"],
    ["security plan.docx", docxFile, "application/vnd.openxmlformats-officedocument.wordprocessingml.document"],
    ["statements.xlsx", xlsxFile, "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"],
    ["diagram.png", pngFile, "image/png"],
    ["site photo.jpg", jpegFile, "image/jpeg"],
  ] as const)("stores %s with the type read from its bytes and the right SHA-256, with an audit event", async (name, make, contentType) => {
    const { actor, proposal } = await draft();
    const bytes = await make();

    const result = await upload(actor, proposal.id, name, bytes);

    expect(result.ok).toBe(true);
    const document = await client.document.findFirstOrThrow({ where: { proposalId: proposal.id } });
    expect(document).toMatchObject({ fileName: name, contentType, sizeBytes: bytes.length, sha256: sha256(bytes), kind: "TECHNICAL_SPECIFICATION", uploadedById: actor.userId, removedAt: null });
    expect(await streamToBuffer(await storage.get(document.storageKey))).toEqual(bytes);
    const audit = await client.auditEvent.findMany({ where: { proposalId: proposal.id, action: "proposal.attachmentAdded" } });
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({ entityType: "Document", entityId: document.id, actorId: actor.userId });
  });

  it.each([
    ["a Windows program", windowsExecutable],
    ["a Linux program", elfFile],
    ["a ZIP archive", zipFile],
    ["plain text", () => Buffer.from("Quarterly figures, typed as plain text.\n")],
  ] as const)("refuses %s named report.pdf, and writes nothing (no row, no event, no file)", async (_what, make) => {
    const { actor, proposal } = await draft();
    const before = await storedFiles();
    const auditBefore = await client.auditEvent.count({ where: { proposalId: proposal.id } });

    const result = await upload(actor, proposal.id, "report.pdf", await make());

    expect(result).toMatchObject({ ok: false, refusal: { reason: "type", fileName: "report.pdf" }, kindProblem: null });
    expect(await client.document.count({ where: { proposalId: proposal.id } })).toBe(0);
    expect(await client.auditEvent.count({ where: { proposalId: proposal.id } })).toBe(auditBefore);
    expect((await client.proposal.findUniqueOrThrow({ where: { id: proposal.id } })).version).toBe(proposal.version);
    expect(await storedFiles()).toEqual(before);
  });

  it("refuses a file over the size limit (a setting) while streaming, and keeps nothing", async () => {
    const { actor, proposal } = await draft();
    await owner.setting.update({ where: { key: "attachments.maxBytes" }, data: { value: 4096 } });
    try {
      const before = await storedFiles();
      const large = Buffer.concat([await pdfFile(), Buffer.alloc(8192, 0x20)]);
      const result = await upload(actor, proposal.id, "large.pdf", large);
      expect(result).toMatchObject({ ok: false, refusal: { reason: "too-large", fileName: "large.pdf" }, maxBytes: 4096 });
      expect(await client.document.count({ where: { proposalId: proposal.id } })).toBe(0);
      expect(await storedFiles()).toEqual(before);
      // Within the limit, the same kind of file is taken.
      expect((await upload(actor, proposal.id, "small.pdf", await pdfFile())).ok).toBe(true);
    } finally {
      await owner.setting.update({ where: { key: "attachments.maxBytes" }, data: { value: 25 * 1024 * 1024 } });
    }
  });

  it("asks for a file and for what the document is, field by field", async () => {
    const { actor, proposal } = await draft();
    const noFile = await uploadAttachment(client, storage, actor, proposal.id, uploadRequest(null));
    expect(noFile).toMatchObject({ ok: false, refusal: { reason: "missing" } });
    const noKind = await upload(actor, proposal.id, "spec.pdf", await pdfFile(), "");
    expect(noKind).toMatchObject({ ok: false, refusal: null, kindProblem: "Choose what the document is." });
    expect(await client.document.count({ where: { proposalId: proposal.id } })).toBe(0);
  });

  it("is for people who may edit the draft only, checked before the file is read", async () => {
    const { actor, consortium, proposal } = await draft();
    const viewer = await addSeat(client, consortium.id, "VIEWER");
    const contributor = await addSeat(client, consortium.id, "CONTRIBUTOR");
    const { actor: stranger } = await createConsortiumMember(client);
    const reviewer = await createUser(client, "COMMERCE_REVIEWER");
    const pdf = await pdfFile();

    await expect(upload(viewer, proposal.id, "spec.pdf", pdf)).rejects.toBeInstanceOf(ForbiddenError);
    await expect(upload(stranger, proposal.id, "spec.pdf", pdf)).rejects.toBeInstanceOf(NotFoundError);
    await expect(upload(reviewer, proposal.id, "spec.pdf", pdf)).rejects.toBeInstanceOf(NotFoundError);
    expect((await upload(contributor, proposal.id, "spec.pdf", pdf)).ok).toBe(true);

    const { version } = await client.proposal.findUniqueOrThrow({ where: { id: proposal.id } });
    await submitProposal(client, actor, { proposalId: proposal.id, expectedVersion: version });
    await expect(upload(actor, proposal.id, "late.pdf", pdf)).rejects.toBeInstanceOf(RuleViolationError);
    expect(await client.document.count({ where: { proposalId: proposal.id } })).toBe(1);
  });
});

describe("who may download what", () => {
  it("own consortium (any seat), reviewers and officers once submitted; another consortium and a draft's reviewers get 404", async () => {
    const { actor, consortium, proposal } = await draft();
    const viewer = await addSeat(client, consortium.id, "VIEWER");
    const { actor: stranger } = await createConsortiumMember(client);
    const reviewer = await createUser(client, "COMMERCE_REVIEWER");
    const officer = await createUser(client, "EXIM_OFFICER");
    const bytes = await pdfFile("Cooling design");
    const result = await upload(actor, proposal.id, "cooling.pdf", bytes);
    if (!result.ok) throw new Error("upload refused");
    const open = async (who: Actor, proposalId = proposal.id) => {
      const { document, body } = await openAttachment(client, storage, who, proposalId, result.document.id);
      return { document, bytes: await streamToBuffer(body) };
    };

    expect((await open(actor)).bytes).toEqual(bytes);
    expect((await open(viewer)).document).toMatchObject({ fileName: "cooling.pdf", contentType: "application/pdf" });
    await expect(open(stranger)).rejects.toBeInstanceOf(NotFoundError);
    // Government roles see a proposal once it is submitted, never a draft.
    await expect(open(reviewer)).rejects.toBeInstanceOf(NotFoundError);

    const { version } = await client.proposal.findUniqueOrThrow({ where: { id: proposal.id } });
    await submitProposal(client, actor, { proposalId: proposal.id, expectedVersion: version });
    expect((await open(reviewer)).bytes).toEqual(bytes);
    expect((await open(officer)).bytes).toEqual(bytes);
    await expect(open(stranger)).rejects.toBeInstanceOf(NotFoundError);

    // A document id under another proposal's URL is not found either.
    const { actor: otherLead } = await createConsortiumMember(client);
    const other = await createCompleteDraft(client, otherLead);
    await expect(open(actor, other.id)).rejects.toBeInstanceOf(NotFoundError);
  });
});

/** The ZIP's entries by name (read whole: test files are small). */
async function zipEntries(stream: ReadableStream<Uint8Array>): Promise<Map<string, Buffer>> {
  const buffer = await streamToBuffer(stream);
  const zip = await promisify<Buffer, yauzl.Options, yauzl.ZipFile>(yauzl.fromBuffer)(buffer, { lazyEntries: true });
  const entries = new Map<string, Buffer>();
  await new Promise<void>((resolve, reject) => {
    zip.on("entry", (entry: yauzl.Entry) => {
      zip.openReadStream(entry, (error, read) => {
        if (error) return reject(error);
        const chunks: Buffer[] = [];
        read.on("data", (chunk: Buffer) => chunks.push(chunk));
        read.on("end", () => {
          entries.set(entry.fileName, Buffer.concat(chunks));
          zip.readEntry();
        });
        read.on("error", reject);
      });
    });
    zip.on("end", resolve);
    zip.on("error", reject);
    zip.readEntry();
  });
  return entries;
}

describe("what was submitted, as files", () => {
  it("freezes the attachments' ids, names and hashes; the PDF parses and names the proposal; the ZIP holds it all with matching hashes", async () => {
    const { actor, proposal } = await draft();
    const pdfBytes = await pdfFile("Specification");
    const docxBytes = await docxFile();
    const spec = await upload(actor, proposal.id, "specification.pdf", pdfBytes);
    const plan = await upload(actor, proposal.id, "security plan.docx", docxBytes, "SECURITY_PLAN");
    const dropped = await upload(actor, proposal.id, "old draft.pdf", await pdfFile("old"));
    if (!spec.ok || !plan.ok || !dropped.ok) throw new Error("upload refused");
    await removeAttachment(client, actor, { proposalId: proposal.id, documentId: dropped.document.id });
    const { version } = await client.proposal.findUniqueOrThrow({ where: { id: proposal.id } });
    await submitProposal(client, actor, { proposalId: proposal.id, expectedVersion: version });

    // The first submission is version 1, whatever the draft's edit counter.
    const submission = await readSubmission(client, actor, proposal.id, "1");
    expect(submission.snapshot.attachments).toEqual([
      expect.objectContaining({ id: spec.document.id, fileName: "specification.pdf", sha256: sha256(pdfBytes) }),
      expect.objectContaining({ id: plan.document.id, fileName: "security plan.docx", sha256: sha256(docxBytes), kind: "SECURITY_PLAN" }),
    ]);

    const pdf = await PDFDocument.load(await submissionPdf(submission));
    expect(pdf.getTitle()).toContain("Sovereign compute campus");
    expect(pdf.getPageCount()).toBeGreaterThanOrEqual(1);

    const entries = await zipEntries(await submissionZip(client, storage, submission));
    const pdfName = `${proposal.reference}-version-1.pdf`;
    expect([...entries.keys()].sort()).toEqual(["SHA256SUMS", "attachments/security plan.docx", "attachments/specification.pdf", pdfName].sort());
    expect(sha256(entries.get("attachments/specification.pdf")!)).toBe(sha256(pdfBytes));
    expect(sha256(entries.get("attachments/security plan.docx")!)).toBe(sha256(docxBytes));
    expect((await PDFDocument.load(entries.get(pdfName)!)).getTitle()).toContain(proposal.reference);
    const sums = entries.get("SHA256SUMS")!.toString("utf8");
    expect(sums).toContain(`${sha256(pdfBytes)}  attachments/specification.pdf`);
    expect(sums).toContain(`${sha256(entries.get(pdfName)!)}  ${pdfName}`);
  });

  it("keeps what a submitted version named when the file is removed from the returned draft", async () => {
    const { actor, proposal } = await draft();
    const reviewer = await createUser(client, "COMMERCE_REVIEWER");
    const bytes = await pdfFile("Version one");
    const result = await upload(actor, proposal.id, "v1.pdf", bytes);
    if (!result.ok) throw new Error("upload refused");
    const { version } = await client.proposal.findUniqueOrThrow({ where: { id: proposal.id } });
    await submitProposal(client, actor, { proposalId: proposal.id, expectedVersion: version });
    // Returned for revision (the return screens come with the versions work).
    await owner.proposal.update({ where: { id: proposal.id }, data: { status: "RETURNED_FOR_REVISION" } });

    await removeAttachment(client, actor, { proposalId: proposal.id, documentId: result.document.id });

    expect(await client.document.findUniqueOrThrow({ where: { id: result.document.id } })).toMatchObject({ removedAt: expect.any(Date) });
    const { body } = await openAttachment(client, storage, reviewer, proposal.id, result.document.id);
    expect(await streamToBuffer(body)).toEqual(bytes);
    const submission = await readSubmission(client, reviewer, proposal.id, "1");
    const entries = await zipEntries(await submissionZip(client, storage, submission));
    expect(sha256(entries.get("attachments/v1.pdf")!)).toBe(sha256(bytes));
    expect((await getProposal(client, actor, proposal.id)).proposal.id).toBe(proposal.id);
  });

  it("removes a document never submitted from view, and the version files are 404 for another consortium", async () => {
    const { actor, proposal } = await draft();
    const { actor: stranger } = await createConsortiumMember(client);
    const result = await upload(actor, proposal.id, "scratch.pdf", await pdfFile());
    if (!result.ok) throw new Error("upload refused");
    await removeAttachment(client, actor, { proposalId: proposal.id, documentId: result.document.id });
    await expect(openAttachment(client, storage, actor, proposal.id, result.document.id)).rejects.toBeInstanceOf(NotFoundError);
    await expect(removeAttachment(client, actor, { proposalId: proposal.id, documentId: result.document.id })).rejects.toBeInstanceOf(NotFoundError);

    const { version } = await client.proposal.findUniqueOrThrow({ where: { id: proposal.id } });
    await submitProposal(client, actor, { proposalId: proposal.id, expectedVersion: version });
    await expect(readSubmission(client, stranger, proposal.id, "1")).rejects.toBeInstanceOf(NotFoundError);
    await expect(readSubmission(client, actor, proposal.id, "999")).rejects.toBeInstanceOf(NotFoundError);
    await expect(readSubmission(client, actor, proposal.id, "1; drop")).rejects.toBeInstanceOf(NotFoundError);
  });
});
