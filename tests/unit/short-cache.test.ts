import { describe, expect, it } from "vitest";
import { shortCached } from "@/lib/short-cache";

describe("short-lived cache", () => {
  it("loads once within the ttl, serves the stale value while one refresh runs, and waits when far too old", async () => {
    let loads = 0;
    const load = async () => ++loads;
    const key = `test:${Math.random()}`;
    expect(await shortCached(key, 1000, load, 0)).toBe(1);
    expect(await shortCached(key, 1000, load, 500)).toBe(1);
    expect(loads).toBe(1);
    // Expired: the old value at once, a refresh behind it.
    const stale = await shortCached(key, 1000, load, Date.now() + 1500);
    expect(stale).toBe(1);
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(loads).toBe(2);
    // Far past the ttl: the caller waits for a fresh value.
    expect(await shortCached(key, 1000, load, Date.now() + 60_000)).toBe(3);
  });

  it("keeps no failure: the next caller loads again", async () => {
    const key = `test:${Math.random()}`;
    await expect(shortCached(key, 1000, async () => Promise.reject(new Error("down")))).rejects.toThrow("down");
    expect(await shortCached(key, 1000, async () => 7)).toBe(7);
  });
});
