// Not "server-only": the seed script writes the demo's files through it too (lib/seed/write.ts).
import path from "node:path";
import { settings, type Settings } from "@/lib/env";
import { LocalDiskStorage } from "./local-disk";
import { S3Storage, s3Client } from "./s3";
import type { FileStorage } from "./storage";

export { newStorageKey, StorageNotFoundError, type FileStorage } from "./storage";

/** The folder of the local-disk storage: STORAGE_DIR, or "files" beside the embedded database's folder. */
export function storageDirectory(env: Settings = settings()): string {
  return path.resolve(/*turbopackIgnore: true*/ env.STORAGE_DIR ?? path.join(path.dirname(path.resolve(env.RADIANT_DATA_DIR)), "files"));
}

const cached = globalThis as unknown as { radiantStorage?: { fingerprint: string; storage: FileStorage } };

/** The configured storage: S3 when S3_BUCKET is set, otherwise the local disk. */
export function fileStorage(env: Settings = settings()): FileStorage {
  const fingerprint = JSON.stringify([env.S3_BUCKET, env.S3_REGION, env.S3_ENDPOINT, env.S3_ACCESS_KEY_ID, storageDirectory(env)]);
  if (cached.radiantStorage?.fingerprint !== fingerprint) {
    const storage = env.S3_BUCKET
      ? new S3Storage(env.S3_BUCKET, s3Client({ bucket: env.S3_BUCKET, region: env.S3_REGION, endpoint: env.S3_ENDPOINT, accessKeyId: env.S3_ACCESS_KEY_ID, secretAccessKey: env.S3_SECRET_ACCESS_KEY }))
      : new LocalDiskStorage(storageDirectory(env));
    cached.radiantStorage = { fingerprint, storage };
  }
  return cached.radiantStorage.storage;
}
