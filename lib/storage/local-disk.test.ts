import { mkdtemp, readdir, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { LocalDiskStorage } from "./local-disk";
import { newStorageKey, StorageNotFoundError, type FileStorage } from "./storage";

let root: string;
let storage: FileStorage;

beforeEach(async () => {
  root = await mkdtemp(path.join(tmpdir(), "radiant-storage-"));
  storage = new LocalDiskStorage(root);
});
afterEach(() => rm(root, { recursive: true, force: true }));

async function filesUnder(folder: string): Promise<string[]> {
  return (await readdir(folder, { recursive: true, withFileTypes: true })).filter((entry) => entry.isFile()).map((entry) => entry.name);
}

describe("LocalDiskStorage", () => {
  it("gives back what was put, as bytes and as a stream, and nothing once deleted", async () => {
    const key = newStorageKey();
    const bytes = new TextEncoder().encode("%PDF-1.4 a protocol");
    await storage.put(key, bytes, "application/pdf");
    expect(await storage.get(key)).toEqual(bytes);
    const streamed = new Uint8Array(await new Response(await storage.stream(key)).arrayBuffer());
    expect(streamed).toEqual(bytes);
    await storage.delete(key);
    await expect(storage.get(key)).rejects.toBeInstanceOf(StorageNotFoundError);
    await expect(storage.stream(key)).rejects.toBeInstanceOf(StorageNotFoundError);
    await storage.delete(key);
  });

  it("leaves only the file itself, with no temporary file beside it", async () => {
    const key = newStorageKey();
    await storage.put(key, new Uint8Array([1, 2, 3]), "text/plain");
    await storage.put(key, new Uint8Array([4, 5]), "text/plain");
    expect(await filesUnder(root)).toEqual([key]);
    expect(await storage.get(key)).toEqual(new Uint8Array([4, 5]));
  });

  it("makes keys that are random and name no file", () => {
    const keys = new Set(Array.from({ length: 100 }, newStorageKey));
    expect(keys.size).toBe(100);
    for (const key of keys) expect(key).toMatch(/^[0-9a-f]{32}$/);
  });

  it.each(["../../etc/passwd", "..", "a/b", "protocol.pdf", "", "0123456789abcdef0123456789abcdeF", `${"a".repeat(31)}/`])(
    "refuses %j as a key, so nothing is read or written outside its folder",
    async (key) => {
      await expect(storage.put(key, new Uint8Array([1]), "text/plain")).rejects.toThrow("not a storage key");
      await expect(storage.get(key)).rejects.toThrow("not a storage key");
      await expect(storage.delete(key)).rejects.toThrow("not a storage key");
      expect(await filesUnder(root)).toEqual([]);
    },
  );
});
