// Reads a multipart upload as it arrives: the file part streams straight into
// storage (hashed on the way), bounded by the size limit, and the few text fields
// are kept. Nothing holds the whole file in memory.
import busboy from "busboy";
import { Readable } from "node:stream";
import type { ReadableStream as NodeWebReadableStream } from "node:stream/web";
import { fileTypeFromStream } from "file-type";
import type { ObjectStorage, StoredObject } from "@/lib/storage";
import { cleanFileName } from "./rules";

export type ReceivedFile = { fileName: string; stored: StoredObject; truncated: boolean };
export type ReceivedUpload = { fields: Record<string, string>; file: ReceivedFile | null };

/** The request was not a readable multipart form. */
export class MalformedUploadError extends Error {
  constructor() {
    super("The upload could not be read. Choose the file and try again.");
    this.name = "MalformedUploadError";
  }
}

/** The multipart field that carries the file. */
export const FILE_FIELD = "file";

/**
 * Streams the request's file (field `file`, the first one only) into storage. A
 * file over `maxBytes` is cut off there and comes back `truncated`; the caller
 * refuses it and deletes what was stored.
 */
export async function receiveUpload(request: Request, storage: ObjectStorage, maxBytes: number): Promise<ReceivedUpload> {
  const contentType = request.headers.get("content-type") ?? "";
  if (!/^multipart\/form-data;\s*boundary=/i.test(contentType) || !request.body) throw new MalformedUploadError();
  let parser: busboy.Busboy;
  try {
    parser = busboy({
      headers: { "content-type": contentType },
      defParamCharset: "utf8",
      limits: { files: 1, fileSize: maxBytes, fields: 10, fieldSize: 1024, fieldNameSize: 100, parts: 12 },
    });
  } catch {
    throw new MalformedUploadError();
  }
  const fields: Record<string, string> = {};
  let pending: Promise<ReceivedFile> | null = null;
  parser.on("field", (name, value) => {
    if (!(name in fields)) fields[name] = value;
  });
  parser.on("file", (name, stream, info) => {
    if (name !== FILE_FIELD || pending) {
      stream.resume();
      return;
    }
    let truncated = false;
    stream.on("limit", () => {
      truncated = true;
    });
    const stored = storage.put(stream).then((object): ReceivedFile => ({ fileName: info.filename ? cleanFileName(info.filename) : "", stored: object, truncated: truncated || Boolean(stream.truncated) }));
    // Handled below once the form is read; this keeps an early failure from going unobserved.
    stored.catch(() => undefined);
    pending = stored;
  });
  const finished = new Promise<void>((resolve, reject) => {
    parser.on("close", resolve);
    parser.on("error", reject);
  });
  const body = Readable.fromWeb(request.body as NodeWebReadableStream<Uint8Array>);
  body.on("error", (error) => parser.destroy(error));
  body.pipe(parser);
  try {
    await finished;
  } catch {
    const file = await (pending as Promise<ReceivedFile> | null)?.catch(() => null);
    if (file) await storage.delete(file.stored.key);
    throw new MalformedUploadError();
  }
  return { fields, file: pending ? await pending : null };
}

/** What the stored bytes are, by their signature (file-type); reads only as far as it needs. */
export async function detectStoredType(storage: ObjectStorage, key: string): Promise<{ ext: string; mime: string } | undefined> {
  const stream = await storage.get(key);
  try {
    const detected = await fileTypeFromStream(stream);
    return detected ? { ext: detected.ext, mime: detected.mime } : undefined;
  } finally {
    await stream.cancel().catch(() => undefined);
  }
}
