// Attachment use cases: upload to a draft, list, remove, and open for download.
// Each change locks the proposal in the actor's scope, checks it is editable,
// writes the Document row and its audit event in one transaction.
import type { Db } from "@/lib/db";
import { auditSnapshot, recordAudit } from "@/lib/audit";
import { ForbiddenError, NotFoundError, requireRecordId, RuleViolationError } from "@/lib/errors";
import { pageWithin, readKeysetPage, type PageRequest } from "@/lib/pagination";
import { proposalScope, seatAllows, type Actor } from "@/lib/policy";
import { changeDraft } from "@/lib/proposals/service";
import { attachmentFieldsSchema } from "@/lib/schemas/attachments";
import { loadProgramSettings } from "@/lib/settings";
import type { ObjectStorage } from "@/lib/storage";
import { isEditable } from "@/lib/workflow";
import { checkAttachment, type Refusal } from "./rules";
import { detectStoredType, receiveUpload } from "./upload";

/** What an attachments list shows of each document. */
const DOCUMENT_ROW = { id: true, fileName: true, contentType: true, sizeBytes: true, sha256: true, kind: true, createdAt: true, uploadedBy: { select: { name: true } } } as const;
const DOCUMENT_ORDER = { key: "createdAt", order: "asc", idOrder: "asc" } as const;

/** The proposal's current attachments, oldest first, a page at a time (the proposal's scope already checked by the caller). */
export async function listAttachments(client: Db, proposalId: string, request: PageRequest) {
  return readKeysetPage(
    DOCUMENT_ORDER,
    request,
    (page) => client.document.findMany({ ...pageWithin({ proposalId, removedAt: null }, page), select: DOCUMENT_ROW }),
    (row) => row.createdAt,
  );
}

/** May the actor add or remove attachments now? Throws as the change itself would; 404 outside the scope. */
async function requireUploadable(client: Db, actor: Actor, proposalId: string) {
  requireRecordId(proposalId, "Proposal");
  const proposal = await client.proposal.findFirst({
    where: { AND: [{ id: proposalId }, proposalScope(actor, "proposal:read")] },
    select: { id: true, status: true, consortium: { select: { users: { where: { userId: actor.userId }, select: { seatRole: true } } } } },
  });
  if (!proposal) throw new NotFoundError("Proposal");
  proposalScope(actor, "proposal:update");
  if (!seatAllows(proposal.consortium.users[0]?.seatRole ?? null, "proposal:update")) {
    throw new ForbiddenError("Your seat in this consortium may read this proposal but not change it.");
  }
  if (!isEditable(proposal.status)) throw new RuleViolationError("This proposal has been submitted; attachments can change only if it is returned for revision.");
  return proposal;
}

/** Multipart framing and the form's other fields, on top of the file itself. */
const FORM_OVERHEAD_BYTES = 64 * 1024;

export type UploadResult =
  | { ok: true; document: { id: string; fileName: string; sha256: string; sizeBytes: number; contentType: string } }
  | { ok: false; refusal: Refusal | null; kindProblem: string | null; kind: string | undefined; maxBytes: number };

/**
 * Uploads one attachment from a multipart request: checks the actor may edit the
 * draft before reading the body, streams the file to storage, decides its type
 * from the bytes, and records it; a refused file is deleted and nothing is written.
 */
export async function uploadAttachment(client: Db, storage: ObjectStorage, actor: Actor, proposalId: string, request: Request): Promise<UploadResult> {
  await requireUploadable(client, actor, proposalId);
  const maxBytes = (await loadProgramSettings(client))["attachments.maxBytes"];
  // Far over the limit by its declared length: refused without storing what would be thrown away.
  if (Number(request.headers.get("content-length") ?? "0") > maxBytes + FORM_OVERHEAD_BYTES) {
    return { ok: false, refusal: { reason: "too-large", fileName: "" }, kindProblem: null, kind: undefined, maxBytes };
  }
  const received = await receiveUpload(request, storage, maxBytes);
  const file = received.file;
  let kept = false;
  try {
    const fields = attachmentFieldsSchema.safeParse(received.fields);
    const sniffable = file && !file.truncated && file.stored.size > 0;
    const detected = sniffable ? await detectStoredType(storage, file.stored.key) : undefined;
    const verdict = checkAttachment(file && { fileName: file.fileName, size: file.stored.size, truncated: file.truncated, detected }, maxBytes);
    if (!verdict.ok || !fields.success || !file) {
      return {
        ok: false,
        refusal: verdict.ok ? null : verdict.refusal,
        kindProblem: fields.success ? null : (fields.error.issues[0]?.message ?? "Choose what the document is."),
        kind: received.fields.kind,
        maxBytes,
      };
    }
    const document = await changeDraft(client, actor, proposalId, async (tx, proposal) => {
      const created = await tx.document.create({
        data: {
          proposalId: proposal.id,
          uploadedById: actor.userId,
          fileName: file.fileName,
          contentType: verdict.contentType,
          sizeBytes: file.stored.size,
          sha256: file.stored.sha256,
          storageKey: file.stored.key,
          kind: fields.data.kind,
        },
        select: { id: true, fileName: true, sha256: true, sizeBytes: true, contentType: true, kind: true },
      });
      await recordAudit(tx, actor, { action: "proposal.attachmentAdded", entityType: "Document", entityId: created.id, proposalId: proposal.id, after: auditSnapshot(created) });
      return created;
    });
    kept = true;
    return { ok: true, document };
  } finally {
    if (file && !kept) await storage.delete(file.stored.key);
  }
}

/**
 * Removes an attachment from the draft. The row and the file stay: a submitted
 * version may name the document, and its ZIP must still hold it.
 */
export async function removeAttachment(client: Db, actor: Actor, input: { proposalId: string; documentId: string }) {
  await changeDraft(client, actor, input.proposalId, async (tx, proposal) => {
    const document = await tx.document.findFirst({ where: { id: input.documentId, proposalId: proposal.id, removedAt: null } });
    if (!document) throw new NotFoundError("Attachment");
    await tx.document.update({ where: { id: document.id }, data: { removedAt: new Date() } });
    await recordAudit(tx, actor, {
      action: "proposal.attachmentRemoved",
      entityType: "Document",
      entityId: document.id,
      proposalId: proposal.id,
      before: auditSnapshot({ fileName: document.fileName, kind: document.kind, sha256: document.sha256 }),
    });
  });
}

/**
 * A document for download, with its bytes as a stream: only for those who may
 * read the proposal (404 for everyone else, as for a missing one). A removed
 * document stays readable while a submitted version names it.
 */
export async function openAttachment(client: Db, storage: ObjectStorage, actor: Actor, proposalId: string, documentId: string) {
  requireRecordId(proposalId, "Proposal");
  requireRecordId(documentId, "Attachment");
  const document = await client.document.findFirst({
    where: { id: documentId, proposal: { AND: [{ id: proposalId }, proposalScope(actor, "proposal:read")] } },
    select: { id: true, proposalId: true, fileName: true, contentType: true, sizeBytes: true, storageKey: true, removedAt: true },
  });
  if (!document) throw new NotFoundError("Attachment");
  if (document.removedAt) {
    const named = await client.proposalSubmission.findFirst({
      where: { proposalId: document.proposalId, snapshot: { path: ["attachments"], array_contains: [{ id: document.id }] } },
      select: { id: true },
    });
    if (!named) throw new NotFoundError("Attachment");
  }
  return { document, body: await storage.get(document.storageKey) };
}
