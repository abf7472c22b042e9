// Where uploaded files live: one small interface, so the folder on disk that a
// fresh machine uses can give way to an S3-compatible bucket without touching
// the services that call it. Keys are opaque and random; a file's SHA-256 is
// computed as it streams in, never by reading it whole.
import path from "node:path";
import { FileSystemStorage } from "./filesystem";

export { MissingObjectError, type ObjectStorage, type StoredObject } from "./types";
import type { ObjectStorage } from "./types";

/** The folder attachments go to: ATTACHMENTS_DIR, or `.data/attachments` in the working folder. */
export function attachmentsDirectory(): string {
  return path.resolve(/*turbopackIgnore: true*/ process.env.ATTACHMENTS_DIR || path.join(process.cwd(), ".data", "attachments"));
}

let shared: ObjectStorage | null = null;

/** The portal's attachment storage (one per process). */
export function attachmentStorage(): ObjectStorage {
  shared ??= new FileSystemStorage(attachmentsDirectory());
  return shared;
}
