import { randomBytes } from "node:crypto";

/**
 * Where the study's documents keep their bytes: the local disk (the embedded default) or an
 * S3-compatible bucket. A key is random (newStorageKey), never a file's name.
 */
export interface FileStorage {
  /** Stores the bytes under the key, whole or not at all. */
  put(key: string, bytes: Uint8Array, mediaType: string): Promise<void>;
  /** The bytes under the key; throws StorageNotFoundError when there are none. */
  get(key: string): Promise<Uint8Array>;
  /** The bytes under the key as a stream, for a response; throws StorageNotFoundError when there are none. */
  stream(key: string): Promise<ReadableStream<Uint8Array>>;
  /** Deletes the key's bytes; nothing to delete is not an error. */
  delete(key: string): Promise<void>;
}

export class StorageNotFoundError extends Error {
  constructor(key: string) {
    super(`Nothing is stored under ${key}.`);
    this.name = "StorageNotFoundError";
  }
}

// 32 lowercase hex characters: nothing a path or a bucket could read as a separator or a dot.
const KEY = /^[0-9a-f]{32}$/;

/** A new random key for a file. */
export function newStorageKey(): string {
  return randomBytes(16).toString("hex");
}

/** Refuses anything that is not a key newStorageKey made, so no key can reach outside its folder. */
export function assertStorageKey(key: string): void {
  if (!KEY.test(key)) throw new Error("That is not a storage key.");
}
