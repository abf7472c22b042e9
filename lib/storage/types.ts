// The storage interface and its one error, apart from any implementation.
export type StoredObject = { key: string; sha256: string; size: number };

export interface ObjectStorage {
  /** Streams `body` in; resolves once it is durably stored, with its key, hash and size. */
  put(body: ReadableStream<Uint8Array> | NodeJS.ReadableStream): Promise<StoredObject>;
  /** The object's bytes as a stream; throws `MissingObjectError` when there is none. */
  get(key: string): Promise<ReadableStream<Uint8Array>>;
  /** Removes the object; a missing one is not an error. */
  delete(key: string): Promise<void>;
}

export class MissingObjectError extends Error {
  constructor(key: string) {
    super(`No stored object ${key}.`);
    this.name = "MissingObjectError";
  }
}

