// Uploads one attachment to a draft. A plain HTML form posts here (no JavaScript
// needed) and is answered with a redirect back to the attachments page, with a
// notice or the reason the file was refused. The body streams to storage: this
// route is outside the proxy (which would buffer it), so it runs the proxy's
// request checks itself.
import { db } from "@/lib/db";
import { ForbiddenError, NotFoundError, RuleViolationError, UnauthenticatedError } from "@/lib/errors";
import { checkUploadPost } from "@/lib/request-guard";
import { uploadAttachment } from "@/lib/attachments/service";
import { MalformedUploadError } from "@/lib/attachments/upload";
import { attachmentStorage } from "@/lib/storage";
import { requireActor } from "@/lib/session";

const plain = (status: number, message: string) =>
  new Response(message, { status, headers: { "content-type": "text/plain; charset=utf-8", "cache-control": "no-store" } });

const back = (request: Request, path: string, query: Record<string, string | undefined>) => {
  const search = new URLSearchParams(Object.entries(query).filter((entry): entry is [string, string] => Boolean(entry[1])));
  const location = new URL(`${path}${search.size ? `?${search}` : ""}`, request.url);
  return new Response(null, { status: 303, headers: { location: `${location.pathname}${location.search}`, "cache-control": "no-store" } });
};

export async function POST(request: Request, { params }: { params: Promise<{ id: string }> }) {
  const rejection = checkUploadPost(request);
  if (rejection) return plain(rejection.status, rejection.status === 403 ? "Forbidden." : "Bad request.");
  const { id } = await params;
  const page = `/proposals/${encodeURIComponent(id)}/attachments`;
  try {
    const actor = await requireActor("proposal:update");
    const result = await uploadAttachment(db(), attachmentStorage(), actor, id, request);
    if (result.ok) return back(request, page, { notice: "uploaded" });
    return back(request, page, {
      fileError: result.refusal?.reason,
      file: result.refusal?.fileName,
      detected: result.refusal?.detected,
      kind: result.kind,
      kindError: result.kindProblem ? "1" : undefined,
    });
  } catch (error) {
    if (error instanceof UnauthenticatedError) return back(request, "/sign-in", { callbackUrl: page });
    if (error instanceof NotFoundError) return plain(404, "Page not found.");
    if (error instanceof ForbiddenError || error instanceof RuleViolationError) return back(request, page, { fileError: "locked" });
    if (error instanceof MalformedUploadError) return plain(400, error.message);
    console.error("Attachment upload failed", error);
    return plain(500, "Something went wrong on our side and the file was not saved. Please try again.");
  }
}
