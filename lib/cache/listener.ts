// This process's one LISTEN on the channel the database's triggers notify when a write changes
// what the public pages show (prisma/migrations/*_public_cache_notifications). PostgreSQL sends a
// transaction's notifications when it commits, in commit order, to every listening process, so
// each portal process drops what a write changed whichever process wrote it; a rolled-back write
// notifies nobody. While not listening, the cache is bypassed; on (re)connecting it starts empty.
// The cache is turned on only once this process has heard its own marker and the triggers are in
// place, and off again whenever a marker goes unheard: a connection that stalls without closing
// (a half-open TCP connection) must not leave the cache serving what it can no longer hear change.
import { randomUUID } from "node:crypto";
import pg from "pg";
import { appDatabase } from "@/lib/db";
import { settings } from "@/lib/env";
import { describeError, log } from "@/lib/log";
import { within } from "@/lib/time/within";
import { publicCache } from "./store";

export const PUBLIC_CACHE_CHANNEL = "radiant_public_cache";
/** A notification's payload is one tag, or a marker this process sent to itself. */
const MARKER_PREFIX = "marker:";
/** The longest an action waits to hear its own writes' notifications. */
export const CATCH_UP_TIMEOUT_MS = 1000;
/** The longest connecting (and proving the connection hears) may take. */
const CONNECT_TIMEOUT_MS = 5000;
/** How often an idle connection is proved to still hear, and how long its marker may take. */
const HEARTBEAT_EVERY_MS = 15_000;
const HEARTBEAT_TIMEOUT_MS = 5000;
const MAX_BACKOFF_MS = 10_000;
/** The migration's triggers, all named radiant_public_cache_<event>, on the tables the public pages read. */
export const TRIGGER_NAME_PATTERN = "radiant_public_cache_%";
export const EXPECTED_TRIGGERS = 26;
const COUNT_TRIGGERS = `SELECT count(*)::int AS count FROM pg_trigger WHERE NOT tgisinternal AND tgname LIKE '${TRIGGER_NAME_PATTERN}'`;

interface ListenerState {
  stop: () => Promise<void>;
  /** Sends a marker after every write committed so far and waits to hear it (PostgreSQL only). */
  catchUp: (() => Promise<void>) | null;
}

/** What the listener needs of a pg.Client; a test hands in one that stalls. */
export interface ListenerClient {
  connect(): Promise<unknown>;
  query(text: string, values?: unknown[]): Promise<{ rows: unknown[] }>;
  end(): Promise<unknown>;
  on(event: "error", listener: (error: Error) => void): unknown;
  on(event: "end", listener: () => void): unknown;
  on(event: "notification", listener: (message: { channel: string; payload?: string }) => void): unknown;
  removeAllListeners(event?: string): unknown;
}

export interface PostgresListenerOptions {
  createClient?: () => ListenerClient;
  heartbeatEveryMs?: number;
  heartbeatTimeoutMs?: number;
  connectTimeoutMs?: number;
}

const globalForListener = globalThis as unknown as { radiantPublicCacheListener?: Promise<ListenerState> };

function onNotification(payload: string, markers: Map<string, () => void>): void {
  if (payload.startsWith(MARKER_PREFIX)) {
    markers.get(payload)?.();
    return;
  }
  publicCache().invalidate([payload]);
}

/** Whether `work` resolved within `ms`: false when it failed or was still going then. */
async function settledWithin(work: Promise<unknown>, ms: number): Promise<boolean> {
  return (await within(work.then(() => true, () => false), ms)) === true;
}

/** Sends a marker through `send` and waits (at most `ms`) to hear it back: whether it was heard. */
async function hearsMarker(markers: Map<string, () => void>, send: (marker: string) => Promise<unknown>, ms: number): Promise<boolean> {
  const marker = `${MARKER_PREFIX}${randomUUID()}`;
  const heard = new Promise<void>((resolve) => markers.set(marker, resolve));
  try {
    return await settledWithin(
      (async () => {
        await send(marker);
        await heard;
      })(),
      ms,
    );
  } finally {
    markers.delete(marker);
  }
}

/** Whether every trigger of the migration is in place; says why not in one log line. */
async function triggersInPlace(query: (text: string) => Promise<{ rows: unknown[] }>): Promise<boolean> {
  const { rows } = await query(COUNT_TRIGGERS);
  const count = Number((rows[0] as { count?: unknown } | undefined)?.count ?? 0);
  if (count >= EXPECTED_TRIGGERS) return true;
  log("warn", "public-cache.triggers-missing", {});
  return false;
}

/** Listens from a dedicated connection, reconnecting with a growing pause while the database is away. */
export async function listenOnPostgres(url: string, options: PostgresListenerOptions = {}): Promise<ListenerState> {
  const createClient =
    options.createClient ??
    (() => new pg.Client({ connectionString: url, application_name: "radiant-public-cache", keepAlive: true, connectionTimeoutMillis: CONNECT_TIMEOUT_MS }));
  const connectTimeoutMs = options.connectTimeoutMs ?? CONNECT_TIMEOUT_MS;
  const cache = publicCache();
  const markers = new Map<string, () => void>();
  let client: ListenerClient | null = null;
  let stopped = false;
  let backoff = 250;
  let retry: NodeJS.Timeout | undefined;
  let checking = false;

  const lost = (current: ListenerClient, error?: unknown) => {
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

  const hears = (current: ListenerClient, ms: number) =>
    hearsMarker(markers, (marker) => current.query("SELECT pg_notify($1, $2)", [PUBLIC_CACHE_CHANNEL, marker]), ms);

  const connect = (): Promise<void> | undefined => {
    if (stopped) return;
    const current = createClient();
    client = current;
    current.on("error", (error: Error) => lost(current, error));
    current.on("end", () => lost(current));
    current.on("notification", (message: { channel: string; payload?: string }) => {
      if (message.channel === PUBLIC_CACHE_CHANNEL && message.payload) onNotification(message.payload, markers);
    });
    return (async () => {
      let complete = false;
      const ready = settledWithin(
        (async () => {
          await current.connect();
          await current.query(`LISTEN ${PUBLIC_CACHE_CHANNEL}`);
          complete = await triggersInPlace((text) => current.query(text));
        })(),
        connectTimeoutMs,
      );
      if (!(await ready)) return lost(current, new Error("The listener's connection did not answer."));
      if (client !== current || stopped) return;
      if (!complete) {
        // Without its triggers the database tells nobody what changed: bypass the cache for good.
        client = null;
        current.removeAllListeners();
        current.on("error", () => undefined);
        await current.end().catch(() => undefined);
        return;
      }
      if (!(await hears(current, connectTimeoutMs))) return lost(current, new Error("The listener did not hear its own marker."));
      if (client !== current || stopped) return;
      backoff = 250;
      cache.activate();
    })();
  };

  // An idle connection may stall without closing: prove now and then that it still hears.
  const heartbeat = setInterval(() => {
    const current = client;
    if (!current || !cache.isActive || checking) return;
    checking = true;
    void hears(current, options.heartbeatTimeoutMs ?? HEARTBEAT_TIMEOUT_MS)
      .then((heard) => {
        if (!heard) lost(current, new Error("The listener did not hear its own marker."));
      })
      .finally(() => {
        checking = false;
      });
  }, options.heartbeatEveryMs ?? HEARTBEAT_EVERY_MS);
  heartbeat.unref();

  // The first attempt is awaited, so a process that can reach its database starts with the cache on.
  await connect();

  return {
    async stop() {
      stopped = true;
      clearTimeout(retry);
      clearInterval(heartbeat);
      const current = client;
      client = null;
      cache.deactivate();
      if (current) {
        current.removeAllListeners();
        current.on("error", () => undefined);
        await settledWithin(current.end(), connectTimeoutMs);
      }
    },
    async catchUp() {
      const current = client;
      if (!current || !cache.isActive) return;
      // Not heard in time: the connection cannot be trusted to tell this process what changes.
      if (!(await hears(current, CATCH_UP_TIMEOUT_MS))) lost(current, new Error("The listener did not hear its own marker in time."));
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
  const lite = connection.lite;
  const unlisten = await lite.listen(PUBLIC_CACHE_CHANNEL, (payload) => onNotification(payload, markers));
  const heard = await hearsMarker(markers, (marker) => lite.query("SELECT pg_notify($1, $2)", [PUBLIC_CACHE_CHANNEL, marker]), CONNECT_TIMEOUT_MS);
  if (heard && (await triggersInPlace((text) => lite.query(text)))) publicCache().activate();
  else if (!heard) log("warn", "public-cache.listener.deaf", {});
  return {
    async stop() {
      publicCache().deactivate();
      if (!lite.closed) await unlisten();
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
