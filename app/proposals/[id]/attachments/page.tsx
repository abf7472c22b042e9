import type { Metadata } from "next";
import { cache } from "react";
import { StepFrame, StepReadFrame } from "@/components/builder/step-frame";
import { DataTable } from "@/components/data-table";
import { ActionForm } from "@/components/form/action-form";
import { FileField, SelectField } from "@/components/form/fields";
import { FormFeedback } from "@/components/form/form-feedback";
import { Notice } from "@/components/notice";
import { Pagination } from "@/components/pagination";
import { ACCEPT_ATTRIBUTE, ACCEPTED_LIST, ATTACHMENT_KINDS, attachmentKindLabel, formatBytes, refusalMessage } from "@/lib/attachments/rules";
import { listAttachments } from "@/lib/attachments/service";
import { FILE_FIELD } from "@/lib/attachments/upload";
import { formatDateTime } from "@/lib/dates";
import { db } from "@/lib/db";
import { pageRequestParams } from "@/lib/pagination";
import { builderPageData } from "@/lib/proposals/steps";
import { requestSettings } from "@/lib/request-cache";
import { uploadOutcomeSchema, type UploadOutcome } from "@/lib/schemas/attachments";
import { orNotFound, requirePageActor } from "@/lib/session";
import { isEditable } from "@/lib/workflow";
import { removeAttachmentAction } from "./actions";

type Props = { params: Promise<{ id: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

const NOTICES = { uploaded: "Attachment uploaded.", removed: "Attachment removed." } as const;

/** The proposal, read once per request for the title and the page. */
const loadProposal = cache(async (id: string) => {
  const actor = await requirePageActor("proposal:read", `/proposals/${id}/attachments`);
  const settings = await requestSettings();
  return { actor, settings, ...(await orNotFound(builderPageData(db(), actor, id, settings))) };
});

const first = (value: string | string[] | undefined) => (Array.isArray(value) ? value[0] : value);

function readOutcome(query: Record<string, string | string[] | undefined>): UploadOutcome {
  return uploadOutcomeSchema.parse(Object.fromEntries(Object.entries(query).map(([key, value]) => [key, first(value)])));
}

/** Field-level messages after a refused upload. */
function uploadErrors(outcome: UploadOutcome, maxBytes: number): Record<string, string> {
  const errors: Record<string, string> = {};
  if (outcome.kindError) errors.kind = "Choose what the document is.";
  if (outcome.fileError === "locked") errors[FILE_FIELD] = "This proposal can't take attachments now: it has been submitted, or your seat may only read it.";
  else if (outcome.fileError) errors[FILE_FIELD] = refusalMessage({ reason: outcome.fileError, fileName: outcome.file ?? "", detected: outcome.detected }, maxBytes);
  return errors;
}

export async function generateMetadata({ params, searchParams }: Props): Promise<Metadata> {
  const { id } = await params;
  const outcome = readOutcome(await searchParams);
  const { proposal } = await loadProposal(id);
  const failed = Boolean(outcome.fileError || outcome.kindError);
  return { title: `${failed ? "Error: " : ""}Attachments – ${proposal.title}` };
}

export default async function AttachmentsPage({ params, searchParams }: Props) {
  const { id } = await params;
  const query = await searchParams;
  // Editors see the step among the builder's steps; readers (reviewers, officers, viewers) the list alone.
  const { proposal, settings, mayEdit, steps } = await loadProposal(id);
  const maxBytes = settings["attachments.maxBytes"];
  const outcome = readOutcome(query);
  const errors = uploadErrors(outcome, maxBytes);
  const documents = await listAttachments(db(), proposal.id, pageRequestParams({ after: first(query.after), before: first(query.before) }));

  const intro = (
    <p>
      Attach the documents reviewers need beside the proposal: technical specifications, the security plan, financial
      statements. Each file must be a {ACCEPTED_LIST} file of {formatBytes(maxBytes)} or less; the portal checks what a
      file contains, not only its name. Every file is kept with its SHA-256 fingerprint, and each submitted version
      keeps the files it was submitted with.
    </p>
  );
  const notice = outcome.notice ? <Notice>{NOTICES[outcome.notice]}</Notice> : null;
  const content = (
    <>
      <section aria-labelledby="documents-heading" className="card">
        <h2 id="documents-heading" className="mb-3 text-xl font-bold">
          Attached documents
        </h2>
        {documents.rows.length === 0 && !documents.previous ? (
          <p>No documents attached yet.</p>
        ) : (
          <DataTable caption="Attached documents" columns={["File", "Document", "Size", "Added", ...(mayEdit ? ["Actions"] : [])]} className="">
            {documents.rows.map((document) => (
              <tr key={document.id}>
                <td className="min-w-48 wrap-anywhere">
                  <a href={`/proposals/${proposal.id}/attachments/${document.id}`} download>
                    {document.fileName}
                  </a>
                  <span className="block font-mono text-xs text-[var(--color-muted)]" title="SHA-256 fingerprint">
                    SHA-256 {document.sha256.slice(0, 16)}…
                  </span>
                </td>
                <td>{attachmentKindLabel(document.kind)}</td>
                <td>{formatBytes(document.sizeBytes)}</td>
                <td>
                  {formatDateTime(document.createdAt)} by {document.uploadedBy.name}
                </td>
                {mayEdit ? (
                  <td>
                    <ActionForm
                      size="small"
                      action={removeAttachmentAction}
                      label={`Remove ${document.fileName}`}
                      submitLabel="Remove"
                      variant="secondary"
                      hidden={{ proposalId: proposal.id, documentId: document.id }}
                      fields={[]}
                    />
                  </td>
                ) : null}
              </tr>
            ))}
          </DataTable>
        )}
        <Pagination next={documents.next} previous={documents.previous} basePath={`/proposals/${proposal.id}/attachments`} />
      </section>

      {mayEdit ? (
        <section aria-labelledby="upload-heading" className="card">
          <h2 id="upload-heading" className="mb-3 text-xl font-bold">
            Upload a document
          </h2>
          {Object.keys(errors).length > 0 ? (
            <FormFeedback
              state={{ status: "error", message: "There is a problem with the upload", fieldErrors: errors, values: {} }}
              labels={{ kind: "Document", [FILE_FIELD]: "File" }}
            />
          ) : null}
          <form method="post" action={`/proposals/${proposal.id}/attachments/upload`} encType="multipart/form-data" noValidate aria-labelledby="upload-heading">
            <SelectField
              name="kind"
              label="Document"
              required
              error={errors.kind}
              defaultValue={outcome.kind ?? ""}
              placeholder="Choose…"
              options={Object.entries(ATTACHMENT_KINDS).map(([value, label]) => ({ value, label }))}
            />
            <FileField name={FILE_FIELD} label="File" required hint={`${ACCEPTED_LIST}, ${formatBytes(maxBytes)} or less.`} error={errors[FILE_FIELD]} accept={ACCEPT_ATTRIBUTE} />
            <button type="submit" className="btn btn-primary">
              Upload
            </button>
          </form>
        </section>
      ) : (
        <p>{isEditable(proposal.status) ? "Your seat in this consortium may read the attachments but not change them." : "Attachments change only while the proposal is a draft or returned for revision."}</p>
      )}
    </>
  );
  if (mayEdit) {
    return (
      <StepFrame proposal={proposal} steps={steps} current="attachments" intro={intro} notice={notice}>
        {content}
      </StepFrame>
    );
  }
  return (
    <StepReadFrame proposal={proposal} heading="Attachments" intro={intro} notice={notice}>
      {content}
    </StepReadFrame>
  );
}
