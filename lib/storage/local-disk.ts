import { createReadStream } from "node:fs";
import { mkdir, readFile, rename, rm, stat, writeFile } from "node:fs/promises";
import path from "node:path";
import { Readable } from "node:stream";
import { randomBytes } from "node:crypto";
import { assertStorageKey, StorageNotFoundError, type FileStorage } from "./storage";

const isMissing = (error: unknown) => (error as NodeJS.ErrnoException).code === "ENOENT";

/**
 * Files in one folder on the local disk, each under its key (two levels of folders by the key's
 * first characters keep a folder small). A write goes to a temporary file in the same folder and is
 * renamed over the key, so a reader never sees half a file.
 */
export class LocalDiskStorage implements FileStorage {
  constructor(readonly root: string) {}

  private pathOf(key: string): string {
    assertStorageKey(key);
    return path.join(/*turbopackIgnore: true*/ this.root, key.slice(0, 2), key);
  }

  async put(key: string, bytes: Uint8Array): Promise<void> {
    const target = this.pathOf(key);
    await mkdir(/*turbopackIgnore: true*/ path.dirname(target), { recursive: true });
    const temporary = `${target}.${randomBytes(6).toString("hex")}.partial`;
    try {
      await writeFile(/*turbopackIgnore: true*/ temporary, bytes, { flag: "wx" });
      await rename(/*turbopackIgnore: true*/ temporary, /*turbopackIgnore: true*/ target);
    } catch (error) {
      await rm(/*turbopackIgnore: true*/ temporary, { force: true });
      throw error;
    }
  }

  async get(key: string): Promise<Uint8Array> {
    try {
      return new Uint8Array(await readFile(/*turbopackIgnore: true*/ this.pathOf(key)));
    } catch (error) {
      if (isMissing(error)) throw new StorageNotFoundError(key);
      throw error;
    }
  }

  async stream(key: string): Promise<ReadableStream<Uint8Array>> {
    const file = this.pathOf(key);
    try {
      await stat(/*turbopackIgnore: true*/ file);
    } catch (error) {
      if (isMissing(error)) throw new StorageNotFoundError(key);
      throw error;
    }
    return Readable.toWeb(createReadStream(/*turbopackIgnore: true*/ file)) as ReadableStream<Uint8Array>;
  }

  async delete(key: string): Promise<void> {
    await rm(/*turbopackIgnore: true*/ this.pathOf(key), { force: true });
  }
}
