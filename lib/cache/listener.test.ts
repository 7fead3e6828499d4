// The PostgreSQL listener against a connection that misbehaves as a real one can: it stalls
// without closing (a half-open TCP connection), never delivers notifications, or reaches a
// database without the public cache's triggers. In each case the cache must end up bypassed,
// and no action may wait on the connection for longer than its catch-up allows.
import { EventEmitter } from "node:events";
import { afterEach, describe, expect, it, vi } from "vitest";
import { CATCH_UP_TIMEOUT_MS, EXPECTED_TRIGGERS, listenOnPostgres, type ListenerClient } from "./listener";
import { publicCache } from "./store";

class FakeClient extends EventEmitter implements ListenerClient {
  constructor(private readonly database: FakeDatabase) {
    super();
  }
  connect() {
    return this.database.stalled ? new Promise<never>(() => undefined) : Promise.resolve();
  }
  query(text: string, values: unknown[] = []) {
    if (this.database.stalled) return new Promise<never>(() => undefined);
    if (text.includes("pg_trigger")) return Promise.resolve({ rows: [{ count: this.database.triggers }] });
    if (text.includes("pg_notify") && !this.database.deaf) {
      setImmediate(() => this.emit("notification", { channel: values[0], payload: values[1] }));
    }
    return Promise.resolve({ rows: [] });
  }
  end() {
    return Promise.resolve();
  }
}

class FakeDatabase {
  stalled = false;
  deaf = false;
  triggers = EXPECTED_TRIGGERS;
  clients = 0;
  readonly createClient = () => {
    this.clients += 1;
    return new FakeClient(this);
  };
}

/** Reads one entry twice: how many times the database was asked. */
async function loadsOfTwoReads(): Promise<number> {
  const load = vi.fn(() => Promise.resolve({ projects: 1 }));
  await publicCache().read("collaborativeCounts:null", ["collaborative"], load);
  await publicCache().read("collaborativeCounts:null", ["collaborative"], load);
  return load.mock.calls.length;
}

const stops: (() => Promise<void>)[] = [];
async function listen(database: FakeDatabase, options: Parameters<typeof listenOnPostgres>[1] = {}) {
  const listener = await listenOnPostgres("postgres://listener.test/radiant", { createClient: database.createClient, connectTimeoutMs: 300, ...options });
  stops.push(listener.stop);
  return listener;
}

afterEach(async () => {
  for (const stop of stops.splice(0)) await stop();
  publicCache().deactivate();
});

describe("the public cache's PostgreSQL listener", () => {
  it("serves from the cache once it hears its own marker and the triggers are in place", async () => {
    await listen(new FakeDatabase());
    expect(publicCache().isActive).toBe(true);
    expect(await loadsOfTwoReads()).toBe(1);
  });

  it("lets an action go on, and bypasses the cache, when the connection stalls without closing", async () => {
    const database = new FakeDatabase();
    const listener = await listen(database);
    expect(await loadsOfTwoReads()).toBe(1);

    database.stalled = true;
    await listener.catchUp!();

    expect(publicCache().isActive).toBe(false);
    expect(await loadsOfTwoReads()).toBe(2);
  }, 4 * CATCH_UP_TIMEOUT_MS);

  it("turns the cache off when an idle connection stops hearing, and on again once a new one hears", async () => {
    const database = new FakeDatabase();
    await listen(database, { heartbeatEveryMs: 20, heartbeatTimeoutMs: 100 });
    expect(publicCache().isActive).toBe(true);

    database.stalled = true;
    await vi.waitFor(() => expect(publicCache().isActive).toBe(false), { timeout: 3000 });
    expect(await loadsOfTwoReads()).toBe(2);

    database.stalled = false;
    await vi.waitFor(() => expect(publicCache().isActive).toBe(true), { timeout: 5000 });
    expect(database.clients).toBeGreaterThan(1);
  });

  it("stays bypassed when the database lacks one of the triggers", async () => {
    const database = new FakeDatabase();
    database.triggers = EXPECTED_TRIGGERS - 1;
    await listen(database);
    expect(publicCache().isActive).toBe(false);
    expect(await loadsOfTwoReads()).toBe(2);
  });

  it("stays bypassed while it cannot hear its own marker", async () => {
    const database = new FakeDatabase();
    database.deaf = true;
    await listen(database);
    expect(publicCache().isActive).toBe(false);
    expect(await loadsOfTwoReads()).toBe(2);
  });
});
