// Counts that stop at a cap: `count({ where, take: cap })` reads at most `cap`
// index entries, so a total costs the same however large the program grows, and
// a number that large only needs to say "many". Pure.

/** "1,234", or "99+" (with a cap of 100) when the count reached the cap. */
export function cappedCount(count: number, cap: number): string {
  return count >= cap ? `${(cap - 1).toLocaleString("en-US")}+` : count.toLocaleString("en-US");
}
