import { DeleteObjectCommand, GetObjectCommand, NoSuchKey, PutObjectCommand, S3Client } from "@aws-sdk/client-s3";
import { assertStorageKey, StorageNotFoundError, type FileStorage } from "./storage";

export interface S3StorageSettings {
  bucket: string;
  region: string;
  /** An S3-compatible service's address (MinIO, R2…); AWS's own when absent. */
  endpoint?: string;
  accessKeyId?: string;
  secretAccessKey?: string;
}

/** What S3Storage asks of a client: the SDK's S3Client, or a test's stand-in that records the commands. */
export interface S3Sender {
  send(command: PutObjectCommand | GetObjectCommand | DeleteObjectCommand): Promise<unknown>;
}

/** The SDK's client for the settings; credentials from the settings, or the SDK's usual chain (a role, a profile). */
export function s3Client(config: S3StorageSettings): S3Client {
  return new S3Client({
    region: config.region,
    ...(config.endpoint ? { endpoint: config.endpoint, forcePathStyle: true } : {}),
    ...(config.accessKeyId && config.secretAccessKey ? { credentials: { accessKeyId: config.accessKeyId, secretAccessKey: config.secretAccessKey } } : {}),
  });
}

const isMissing = (error: unknown) => error instanceof NoSuchKey || (error as { name?: string }).name === "NoSuchKey" || (error as { $metadata?: { httpStatusCode?: number } }).$metadata?.httpStatusCode === 404;

/** Objects in one bucket, under "documents/<key>". An S3 put is whole or nothing by itself. */
export class S3Storage implements FileStorage {
  constructor(
    readonly bucket: string,
    private readonly client: S3Sender,
  ) {}

  objectKey(key: string): string {
    assertStorageKey(key);
    return `documents/${key}`;
  }

  async put(key: string, bytes: Uint8Array, mediaType: string): Promise<void> {
    await this.client.send(new PutObjectCommand({ Bucket: this.bucket, Key: this.objectKey(key), Body: bytes, ContentType: mediaType, ContentLength: bytes.byteLength }));
  }

  private async body(key: string) {
    try {
      const answer = (await this.client.send(new GetObjectCommand({ Bucket: this.bucket, Key: this.objectKey(key) }))) as {
        Body?: { transformToByteArray(): Promise<Uint8Array>; transformToWebStream(): ReadableStream<Uint8Array> };
      };
      if (!answer.Body) throw new StorageNotFoundError(key);
      return answer.Body;
    } catch (error) {
      if (isMissing(error)) throw new StorageNotFoundError(key);
      throw error;
    }
  }

  async get(key: string): Promise<Uint8Array> {
    return (await this.body(key)).transformToByteArray();
  }

  async stream(key: string): Promise<ReadableStream<Uint8Array>> {
    return (await this.body(key)).transformToWebStream();
  }

  async delete(key: string): Promise<void> {
    await this.client.send(new DeleteObjectCommand({ Bucket: this.bucket, Key: this.objectKey(key) }));
  }
}
