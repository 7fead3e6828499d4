import { DeleteObjectCommand, GetObjectCommand, PutObjectCommand } from "@aws-sdk/client-s3";
import { describe, expect, it } from "vitest";
import { S3Storage, s3Client } from "./s3";
import { newStorageKey, StorageNotFoundError } from "./storage";

type Command = PutObjectCommand | GetObjectCommand | DeleteObjectCommand;

/** Records the commands S3Storage sends and answers like a bucket, with no network. */
function recordingBucket() {
  const sent: Command[] = [];
  const objects = new Map<string, Uint8Array>();
  return {
    sent,
    client: {
      async send(command: Command) {
        sent.push(command);
        const key = command.input.Key as string;
        if (command instanceof PutObjectCommand) objects.set(key, command.input.Body as Uint8Array);
        if (command instanceof DeleteObjectCommand) objects.delete(key);
        if (command instanceof GetObjectCommand) {
          const bytes = objects.get(key);
          if (!bytes) throw Object.assign(new Error("The specified key does not exist."), { name: "NoSuchKey" });
          return { Body: { transformToByteArray: async () => bytes, transformToWebStream: () => new Response(Buffer.from(bytes)).body! } };
        }
        return {};
      },
    },
  };
}

describe("S3Storage", () => {
  it("puts, gets and deletes one object per key in its bucket, under documents/", async () => {
    const bucket = recordingBucket();
    const storage = new S3Storage("radiant-files", bucket.client);
    const key = newStorageKey();
    const bytes = new TextEncoder().encode("%PDF-1.4");
    await storage.put(key, bytes, "application/pdf");
    expect(await storage.get(key)).toEqual(bytes);
    await storage.delete(key);
    await expect(storage.get(key)).rejects.toBeInstanceOf(StorageNotFoundError);
    expect(bucket.sent.map((command) => [command.constructor.name, command.input])).toEqual([
      ["PutObjectCommand", { Bucket: "radiant-files", Key: `documents/${key}`, Body: bytes, ContentType: "application/pdf", ContentLength: 8 }],
      ["GetObjectCommand", { Bucket: "radiant-files", Key: `documents/${key}` }],
      ["DeleteObjectCommand", { Bucket: "radiant-files", Key: `documents/${key}` }],
      ["GetObjectCommand", { Bucket: "radiant-files", Key: `documents/${key}` }],
    ]);
  });

  it("sends nothing for a key it did not make", async () => {
    const bucket = recordingBucket();
    const storage = new S3Storage("radiant-files", bucket.client);
    await expect(storage.put("../other/thing", new Uint8Array([1]), "text/plain")).rejects.toThrow("not a storage key");
    await expect(storage.get("documents/x")).rejects.toThrow("not a storage key");
    expect(bucket.sent).toEqual([]);
  });

  it("is configured for an S3-compatible endpoint by path, with the credentials it is given", async () => {
    const client = s3Client({ bucket: "b", region: "eu-west-2", endpoint: "https://s3.example.org", accessKeyId: "id", secretAccessKey: "secret" });
    expect(await client.config.region()).toBe("eu-west-2");
    expect(client.config.forcePathStyle).toBe(true);
    expect((await client.config.endpoint!()).hostname).toBe("s3.example.org");
    expect((await client.config.credentials()).accessKeyId).toBe("id");
    client.destroy();
  });
});
