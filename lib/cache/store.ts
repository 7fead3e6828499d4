// The data of the public pages (home figures, projects list, project pages, outputs), kept in
// this process until a write changes it. Every entry names the tags it depends on; a write's
// notification (lib/cache/listener.ts, sent by the database's triggers) drops the entries of the
// tags it touches. While this process cannot hear notifications the cache is bypassed.
// See docs/decisions/037-public-page-cache.md.

/**
 * `collaborative`: the home page's figures; `projects`: the projects list and its filters;
 * `project:<slug>`: one public project page and its outputs; `outputs`: the outputs list;
 * `*`: everything.
 */
export type CacheTag = "collaborative" | "projects" | "outputs" | "*" | `project:${string}`;

export const ALL_TAGS: CacheTag = "*";

interface Entry {
  value: unknown;
  tags: readonly CacheTag[];
}

export interface PublicCacheOptions {
  /** Entries kept at most; the least recently read goes first. */
  maxEntries?: number;
}

/** Freezes a loader's answer so that no reader can change what the next reader is given. */
export function deepFreeze<T>(value: T): T {
  if (value === null || typeof value !== "object" || Object.isFrozen(value)) return value;
  Object.freeze(value);
  for (const key of Reflect.ownKeys(value)) deepFreeze((value as Record<PropertyKey, unknown>)[key]);
  return value;
}

export class PublicCache {
  readonly maxEntries: number;
  private readonly entries = new Map<string, Entry>();
  /** How many times each tag has been invalidated; tags never invalidated are absent (0). */
  private readonly generations = new Map<string, number>();
  /** Bumped by clear() and by turning the cache off or on: a load begun before it is not stored. */
  private epoch = 0;
  private active = false;
  private loadsInFlight = 0;

  constructor(options: PublicCacheOptions = {}) {
    this.maxEntries = options.maxEntries ?? 500;
  }

  /** Whether reads are served from the cache (the listener is connected and the setting is on). */
  get isActive(): boolean {
    return this.active;
  }

  get size(): number {
    return this.entries.size;
  }

  /** Whether anything could be stale: an entry is held or a load may still store one. */
  get holdsAnything(): boolean {
    return this.entries.size > 0 || this.loadsInFlight > 0;
  }

  /** Starts serving from the cache, empty: nothing heard before now is trusted. */
  activate(): void {
    this.clear();
    this.active = true;
  }

  /** Bypasses the cache (every read goes to the database) until activate(). */
  deactivate(): void {
    this.active = false;
    this.clear();
  }

  clear(): void {
    this.entries.clear();
    this.generations.clear();
    this.epoch += 1;
  }

  /** Drops every entry that depends on one of `tags`. */
  invalidate(tags: readonly string[]): void {
    if (tags.includes(ALL_TAGS)) {
      this.clear();
      return;
    }
    // A map of every tag ever invalidated would grow with the number of projects: start again.
    if (this.generations.size > 10 * this.maxEntries) this.clear();
    for (const tag of tags) this.generations.set(tag, (this.generations.get(tag) ?? 0) + 1);
    for (const [key, entry] of this.entries) {
      if (entry.tags.some((tag) => tags.includes(tag))) this.entries.delete(key);
    }
  }

  /**
   * The cached answer for `key`, or `load`'s (stored unless one of `tags` was invalidated meanwhile).
   * `storeAs` names the key a loaded answer is kept under (by default `key`), or null to keep it out.
   */
  async read<T>(key: string, tags: readonly CacheTag[], load: () => Promise<T>, storeAs?: (value: T) => string | null): Promise<T> {
    if (!this.active) return load();
    const hit = this.entries.get(key);
    if (hit) {
      // Least recently read first: a read moves the entry to the end.
      this.entries.delete(key);
      this.entries.set(key, hit);
      return hit.value as T;
    }
    const epoch = this.epoch;
    const before = tags.map((tag) => this.generations.get(tag) ?? 0);
    this.loadsInFlight += 1;
    let value: T;
    try {
      value = await load();
    } finally {
      this.loadsInFlight -= 1;
    }
    const unchanged = this.active && epoch === this.epoch && tags.every((tag, index) => (this.generations.get(tag) ?? 0) === before[index]);
    if (!unchanged) return value;
    const storedKey = storeAs ? storeAs(value) : key;
    if (storedKey === null) return value;
    deepFreeze(value);
    this.entries.delete(storedKey);
    this.entries.set(storedKey, { value, tags });
    while (this.entries.size > this.maxEntries) {
      const oldest = this.entries.keys().next().value as string;
      this.entries.delete(oldest);
    }
    return value;
  }
}

const globalForCache = globalThis as unknown as { radiantPublicCache?: PublicCache };

/**
 * The process's cache. On globalThis because Next.js bundles each route (and the
 * instrumentation that starts the listener) separately, each with its own copy of this module.
 */
export function publicCache(): PublicCache {
  globalForCache.radiantPublicCache ??= new PublicCache();
  return globalForCache.radiantPublicCache;
}
