// This process's one LISTEN on the channel the database's triggers notify when a write changes
// what the public pages show (prisma/migrations/*_public_cache_notifications). PostgreSQL sends a
// transaction's notifications when it commits, in commit order, to every listening process, so
// each portal process drops what a write changed whichever process wrote it; a rolled-back write
// notifies nobody. While not listening, the cache is bypassed; on (re)connecting it starts empty.
import { randomUUID } from "node:crypto";
import pg from "pg";
import { appDatabase } from "@/lib/db";
import { settings } from "@/lib/env";
import { describeError, log } from "@/lib/log";
import { publicCache } from "./store";

export const PUBLIC_CACHE_CHANNEL = "radiant_public_cache";
/** A notification's payload is one tag, or a marker this process sent to itself. */
const MARKER_PREFIX = "marker:";
/** The longest an action waits to hear its own writes' notifications. */
export const CATCH_UP_TIMEOUT_MS = 1000;
const MAX_BACKOFF_MS = 10_000;

interface ListenerState {
  stop: () => Promise<void>;
  /** Sends a marker after every write committed so far and waits to hear it (PostgreSQL only). */
  catchUp: (() => Promise<void>) | null;
}

const globalForListener = globalThis as unknown as { radiantPublicCacheListener?: Promise<ListenerState> };

function onNotification(payload: string, markers: Map<string, () => void>): void {
  if (payload.startsWith(MARKER_PREFIX)) {
    markers.get(payload)?.();
    return;
  }
  publicCache().invalidate([payload]);
}

/** Listens from a dedicated connection, reconnecting with a growing pause while the database is away. */
async function listenOnPostgres(url: string): Promise<ListenerState> {
  const cache = publicCache();
  const markers = new Map<string, () => void>();
  let client: pg.Client | null = null;
  let stopped = false;
  let backoff = 250;
  let retry: NodeJS.Timeout | undefined;

  const lost = (current: pg.Client, error?: unknown) => {
    if (client !== current) return;
    client = null;
    cache.deactivate();
    current.removeAllListeners("notification");
    current.end().catch(() => undefined);
    if (stopped) return;
    log("warn", "public-cache.listener.lost", error ? describeError(error) : {});
    retry = setTimeout(() => void connect(), backoff);
    backoff = Math.min(backoff * 2, MAX_BACKOFF_MS);
  };

  const connect = (): Promise<void> | undefined => {
    if (stopped) return;
    const current = new pg.Client({ connectionString: url, application_name: "radiant-public-cache" });
    client = current;
    current.on("error", (error) => lost(current, error));
    current.on("end", () => lost(current));
    current.on("notification", (message) => {
      if (message.channel === PUBLIC_CACHE_CHANNEL && message.payload) onNotification(message.payload, markers);
    });
    return (async () => {
      try {
        await current.connect();
        await current.query(`LISTEN ${PUBLIC_CACHE_CHANNEL}`);
        if (client !== current || stopped) return;
        backoff = 250;
        cache.activate();
      } catch (error) {
        lost(current, error);
      }
    })();
  };

  // The first attempt is awaited, so a process that can reach its database starts with the cache on.
  await connect();

  return {
    async stop() {
      stopped = true;
      clearTimeout(retry);
      const current = client;
      client = null;
      cache.deactivate();
      if (current) {
        current.removeAllListeners();
        current.on("error", () => undefined);
        await current.end().catch(() => undefined);
      }
    },
    async catchUp() {
      const current = client;
      if (!current || !cache.isActive) return;
      const marker = `${MARKER_PREFIX}${randomUUID()}`;
      let timer: NodeJS.Timeout | undefined;
      const heard = new Promise<void>((resolve) => {
        markers.set(marker, resolve);
        timer = setTimeout(resolve, CATCH_UP_TIMEOUT_MS);
      });
      try {
        await current.query("SELECT pg_notify($1, $2)", [PUBLIC_CACHE_CHANNEL, marker]);
        await heard;
      } catch {
        // The connection went: lost() has already turned the cache off.
      } finally {
        clearTimeout(timer);
        markers.delete(marker);
      }
    },
  };
}

async function start(): Promise<ListenerState> {
  const handle = appDatabase();
  const connection = handle.jobQueueConnection;
  if (connection.kind === "postgres") return listenOnPostgres(connection.url);
  // The embedded database is this process's own: its notifications are handed over as each
  // statement that commits returns, before the writer goes on, so there is nothing to wait for.
  const markers = new Map<string, () => void>();
  const unlisten = await connection.lite.listen(PUBLIC_CACHE_CHANNEL, (payload) => onNotification(payload, markers));
  publicCache().activate();
  return {
    async stop() {
      publicCache().deactivate();
      if (!connection.lite.closed) await unlisten();
    },
    catchUp: null,
  };
}

/** Starts this process's listener (once), unless RADIANT_PUBLIC_CACHE=0 turns the cache off. */
export async function startPublicCacheListener(): Promise<void> {
  if (settings().RADIANT_PUBLIC_CACHE === "0") return;
  globalForListener.radiantPublicCacheListener ??= start();
  await globalForListener.radiantPublicCacheListener;
}

/** Stops listening; the cache is bypassed from now on. */
export async function stopPublicCacheListener(): Promise<void> {
  const state = globalForListener.radiantPublicCacheListener;
  if (!state) return;
  globalForListener.radiantPublicCacheListener = undefined;
  await (await state.catch(() => null))?.stop();
}

/**
 * After a write: returns once this process has heard every notification committed before now
 * (at most CATCH_UP_TIMEOUT_MS), so the page drawn next shows the write. Nothing to wait for
 * when the cache holds nothing that could be stale.
 */
export async function catchUpWithOwnWrites(): Promise<void> {
  if (publicCache().holdsAnything) await hearEverythingCommitted();
}

/** Returns once this process has heard every notification committed before now (at most CATCH_UP_TIMEOUT_MS). */
export async function hearEverythingCommitted(): Promise<void> {
  const state = globalForListener.radiantPublicCacheListener;
  if (!state) return;
  const listener = await state.catch(() => null);
  await listener?.catchUp?.();
}
