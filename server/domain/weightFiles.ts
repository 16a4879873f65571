/**
 * Submitted weight files on disk, outside the database (issue 16 §2): DATA_DIR/weights/<sha256>.rnnw.
 * Writing megabytes through Prisma stalled the event loop for up to a second per file (the
 * query engine converts the bytes on the main thread); here the hash (WebCrypto) and the write
 * (fs/promises, with fsync before the rename) run on libuv's thread pool. Files are named by
 * their SHA-256, so the same model submitted twice is one file and a half-written file is never
 * under a final name. The row keeps the hash (and, for rows stored before this, the bytes).
 * Several processes must share DATA_DIR (one machine, or a shared volume).
 */
import { randomBytes } from "node:crypto";
import { mkdir, open, readFile, rename, rm } from "node:fs/promises";
import { join, resolve } from "node:path";

export interface WeightFiles {
  /** Stores the bytes durably; returns their SHA-256 (hex). */
  save(bytes: Uint8Array): Promise<string>;
  read(sha256: string): Promise<Uint8Array>;
}

const SHA256_HEX = /^[0-9a-f]{64}$/;

export function weightFiles(dataDir: string): WeightFiles {
  const dir = resolve(dataDir, "weights");
  const pathOf = (sha256: string) => {
    if (!SHA256_HEX.test(sha256)) throw new Error(`not a SHA-256: ${sha256}`);
    return join(dir, `${sha256}.rnnw`);
  };
  return {
    async save(bytes) {
      const sha256 = Buffer.from(await crypto.subtle.digest("SHA-256", bytes as Uint8Array<ArrayBuffer>)).toString("hex");
      await mkdir(dir, { recursive: true });
      const temporary = join(dir, `.${sha256}.${randomBytes(6).toString("hex")}.part`);
      const file = await open(temporary, "w", 0o600);
      try {
        await file.writeFile(bytes);
        await file.sync();
      } finally {
        await file.close();
      }
      try {
        await rename(temporary, pathOf(sha256));
      } catch (error) {
        await rm(temporary, { force: true });
        throw error;
      }
      return sha256;
    },
    async read(sha256) {
      const bytes = await readFile(pathOf(sha256));
      return new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    },
  };
}

/** A row's weights: its own bytes (rows stored before the files) or its file. */
export async function rowWeights(files: WeightFiles, row: { weights: Uint8Array; weightsSha256: string }): Promise<Uint8Array> {
  return row.weights.byteLength > 0 ? new Uint8Array(row.weights) : files.read(row.weightsSha256);
}
