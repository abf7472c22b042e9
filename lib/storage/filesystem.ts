// Object storage in a folder: each object is written to a temporary file while
// its SHA-256 is computed, then renamed into place, so a half-written upload is
// never visible under a key. Keys are 128 random bits in hex; objects sit in
// 256 sub-folders by the key's first two characters.
import { createHash, randomBytes } from "node:crypto";
import { createReadStream, createWriteStream } from "node:fs";
import { mkdir, rename, rm, stat } from "node:fs/promises";
import path from "node:path";
import { Readable, Transform } from "node:stream";
import { pipeline } from "node:stream/promises";
import type { ReadableStream as NodeWebReadableStream } from "node:stream/web";
import { MissingObjectError, type ObjectStorage, type StoredObject } from "./types";

const KEY = /^[0-9a-f]{32}$/;

export class FileSystemStorage implements ObjectStorage {
  constructor(private readonly root: string) {}

  private pathOf(key: string): string {
    if (!KEY.test(key)) throw new MissingObjectError(key);
    return path.join(this.root, key.slice(0, 2), key);
  }

  async put(body: ReadableStream<Uint8Array> | NodeJS.ReadableStream): Promise<StoredObject> {
    const key = randomBytes(16).toString("hex");
    const incoming = path.join(this.root, "incoming");
    await mkdir(incoming, { recursive: true });
    const temporary = path.join(incoming, `${key}.part`);
    const hash = createHash("sha256");
    let size = 0;
    const measure = new Transform({
      transform(chunk: Buffer, _encoding, done) {
        hash.update(chunk);
        size += chunk.length;
        done(null, chunk);
      },
    });
    const source = body instanceof ReadableStream ? Readable.fromWeb(body as NodeWebReadableStream<Uint8Array>) : (body as Readable);
    try {
      await pipeline(source, measure, createWriteStream(temporary, { flags: "wx", mode: 0o640 }));
      const final = this.pathOf(key);
      await mkdir(path.dirname(final), { recursive: true });
      await rename(temporary, final);
    } catch (error) {
      await rm(temporary, { force: true });
      throw error;
    }
    return { key, sha256: hash.digest("hex"), size };
  }

  async get(key: string): Promise<ReadableStream<Uint8Array>> {
    const file = this.pathOf(key);
    try {
      await stat(file);
    } catch {
      throw new MissingObjectError(key);
    }
    return Readable.toWeb(createReadStream(file)) as unknown as ReadableStream<Uint8Array>;
  }

  async delete(key: string): Promise<void> {
    await rm(this.pathOf(key), { force: true });
  }
}
