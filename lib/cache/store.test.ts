import { describe, expect, it } from "vitest";
import { PublicCache } from "./store";

function counted<T>(value: () => T) {
  const loader = { calls: 0, load: async () => ((loader.calls += 1), value()) };
  return loader;
}

function deferred<T>() {
  let resolve!: (value: T) => void;
  const promise = new Promise<T>((done) => (resolve = done));
  return { promise, resolve };
}

const activeCache = (maxEntries?: number) => {
  const cache = new PublicCache(maxEntries ? { maxEntries } : {});
  cache.activate();
  return cache;
};

describe("the public pages' cache", () => {
  it("answers a second read from the cache, without loading again", async () => {
    const cache = activeCache();
    const loader = counted(() => ({ trainees: 3 }));
    expect(await cache.read("counts", ["collaborative"], loader.load)).toEqual({ trainees: 3 });
    expect(await cache.read("counts", ["collaborative"], loader.load)).toEqual({ trainees: 3 });
    expect(loader.calls).toBe(1);
  });

  it("drops exactly the entries of the tags a write touches", async () => {
    const cache = activeCache();
    const home = counted(() => 1);
    const leeds = counted(() => "leeds");
    const york = counted(() => "york");
    const read = () =>
      Promise.all([
        cache.read("counts", ["collaborative"], home.load),
        cache.read("project leeds", ["project:leeds"], leeds.load),
        cache.read("project york", ["project:york"], york.load),
      ]);
    await read();
    cache.invalidate(["project:leeds", "collaborative"]);
    await read();
    expect([home.calls, leeds.calls, york.calls]).toEqual([2, 2, 1]);
    cache.invalidate(["*"]);
    await read();
    expect([home.calls, leeds.calls, york.calls]).toEqual([3, 3, 2]);
  });

  it("keeps at most its bound, dropping the entry read least recently", async () => {
    const cache = activeCache(2);
    const a = counted(() => "a");
    const b = counted(() => "b");
    const c = counted(() => "c");
    await cache.read("a", ["projects"], a.load);
    await cache.read("b", ["projects"], b.load);
    await cache.read("a", ["projects"], a.load);
    await cache.read("c", ["projects"], c.load);
    expect(cache.size).toBe(2);
    await cache.read("a", ["projects"], a.load);
    await cache.read("b", ["projects"], b.load);
    expect([a.calls, b.calls, c.calls]).toEqual([1, 2, 1]);
  });

  it("does not keep an answer loaded while a write to one of its tags was heard", async () => {
    const cache = activeCache();
    const gate = deferred<string>();
    const loads: string[] = [];
    const loading = cache.read("page", ["project:leeds", "projects"], () => (loads.push("old"), gate.promise));
    cache.invalidate(["projects"]);
    gate.resolve("before the write");
    // The reader that was already loading gets its answer, but the next reader loads again.
    expect(await loading).toBe("before the write");
    expect(await cache.read("page", ["project:leeds", "projects"], async () => (loads.push("new"), "after the write"))).toBe("after the write");
    expect(loads).toEqual(["old", "new"]);
  });

  it("keeps an answer loaded while a write to another tag was heard", async () => {
    const cache = activeCache();
    const gate = deferred<string>();
    const loading = cache.read("page", ["project:leeds"], () => gate.promise);
    cache.invalidate(["project:york"]);
    gate.resolve("leeds");
    await loading;
    expect(cache.size).toBe(1);
  });

  it("goes to the loader every time while off, and starts empty when turned on again", async () => {
    const cache = activeCache();
    const loader = counted(() => "figures");
    await cache.read("counts", ["collaborative"], loader.load);
    cache.deactivate();
    await cache.read("counts", ["collaborative"], loader.load);
    await cache.read("counts", ["collaborative"], loader.load);
    expect(cache.size).toBe(0);
    cache.activate();
    await cache.read("counts", ["collaborative"], loader.load);
    await cache.read("counts", ["collaborative"], loader.load);
    expect(loader.calls).toBe(4);
  });

  it("does not keep an answer whose load began before the cache was turned off and on", async () => {
    const cache = activeCache();
    const gate = deferred<string>();
    const loading = cache.read("counts", ["collaborative"], () => gate.promise);
    cache.deactivate();
    cache.activate();
    gate.resolve("heard nothing meanwhile");
    await loading;
    expect(cache.size).toBe(0);
  });

  it("gives every reader the same answer, which none of them can change", async () => {
    const cache = activeCache();
    const first = await cache.read("list", ["projects"], async () => ({ items: [{ title: "Stroke audit", sites: 3 }] }));
    expect(() => {
      first.items[0]!.sites = 4;
    }).toThrow(TypeError);
    expect(() => first.items.push({ title: "Another", sites: 1 })).toThrow(TypeError);
    const second = await cache.read("list", ["projects"], async () => ({ items: [] }));
    expect(second).toEqual({ items: [{ title: "Stroke audit", sites: 3 }] });
  });

  it("does not keep loading failures", async () => {
    const cache = activeCache();
    await expect(cache.read("counts", ["collaborative"], () => Promise.reject(new Error("database away")))).rejects.toThrow("database away");
    expect(cache.size).toBe(0);
    expect(cache.holdsAnything).toBe(false);
  });
});
