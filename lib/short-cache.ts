// Figures that may be a few seconds old (the dashboard's totals), kept in this
// process for a short while. Each server process keeps its own copy and none is
// ever invalidated from elsewhere, so only what is safe to show stale goes here:
// never anything a decision or an authorization reads.
//
// Stale while revalidating: after `ttlMs` the next caller still gets the value
// at once while one refresh runs in the background; only a value older than
// `MAX_STALE_FACTOR` times the ttl (or none at all) is waited for.
type Entry = { loadedAt: number; value?: unknown; pending?: Promise<unknown> };

const entries = new Map<string, Entry>();
const MAX_ENTRIES = 10_000;
const MAX_STALE_FACTOR = 20;

/** The value under `key`, computed by `load` at most once per `ttlMs` in this process. */
export async function shortCached<T>(key: string, ttlMs: number, load: () => Promise<T>, now = Date.now()): Promise<T> {
  const entry = entries.get(key);
  const has = entry !== undefined && "value" in entry;
  if (has && now - entry.loadedAt < ttlMs) return entry.value as T;
  const refresh = () => {
    if (entry?.pending) return entry.pending as Promise<T>;
    if (entries.size >= MAX_ENTRIES && !entry) entries.clear();
    const current: Entry = entry ?? { loadedAt: 0 };
    const pending = load().then(
      (value) => {
        entries.set(key, { loadedAt: Date.now(), value });
        return value;
      },
      (error: unknown) => {
        delete current.pending;
        throw error;
      },
    );
    current.pending = pending;
    entries.set(key, current);
    return pending;
  };
  if (has && now - entry.loadedAt < ttlMs * MAX_STALE_FACTOR) {
    // A failed background refresh keeps the old value; the next caller retries.
    refresh().catch(() => {});
    return entry.value as T;
  }
  return refresh();
}
