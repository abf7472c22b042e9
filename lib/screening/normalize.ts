// Names made comparable before fuzzy matching: case, diacritics, punctuation,
// legal-form suffixes and word order no longer tell two names apart. Pure; the
// same function normalizes the list at import and every name screened.

/** Letters that Unicode decomposition leaves whole. */
const LETTERS: Record<string, string> = { ß: "ss", æ: "ae", œ: "oe", ø: "o", ł: "l", đ: "d", ð: "d", þ: "th", ı: "i", ħ: "h" };

/**
 * Legal forms and company-type words dropped wherever they stand (after
 * punctuation is removed, so "S.A." and "L.L.C." arrive as "sa" and "llc").
 */
export const LEGAL_SUFFIXES: ReadonlySet<string> = new Set([
  "llc", "ltd", "limited", "gmbh", "mbh", "sa", "inc", "incorporated", "corp", "corporation", "co", "company", "plc",
  "ag", "bv", "nv", "srl", "spa", "sarl", "sas", "pte", "pty", "oy", "ab", "kk", "jsc", "ojsc", "pjsc", "cjsc", "ooo",
  "zao", "oao", "fze", "fzco", "fzc", "fzllc", "llp", "lp", "kg", "kft", "sro", "doo", "bhd", "sdn", "tbk", "pvt",
  "holding", "holdings", "group", "the",
]);

function foldLetters(value: string): string {
  return value
    .normalize("NFKD")
    .replace(/\p{M}+/gu, "")
    .toLowerCase()
    .replace(/[ßæœøłđðþıħ]/g, (letter) => LETTERS[letter] ?? letter);
}

/** Words of a name: lower case, no diacritics, apostrophes joined, other punctuation a space. */
export function nameTokens(value: string): string[] {
  const words = foldLetters(value)
    .replace(/&/g, " and ")
    .replace(/['’`´]/g, "")
    .replace(/[^\p{L}\p{N}]+/gu, " ")
    .trim()
    .split(" ")
    .filter(Boolean);
  // Initials spelled with dots or spaces ("s a", "l l c") are one word.
  const joined: string[] = [];
  let run = "";
  for (const word of words) {
    if (word.length === 1 && /\p{L}/u.test(word)) {
      run += word;
      continue;
    }
    if (run) joined.push(run);
    run = "";
    joined.push(word);
  }
  if (run) joined.push(run);
  return joined;
}

/** The normalized name: words without legal forms, sorted, so word order doesn't matter. */
export function normalizeName(value: string): string {
  const tokens = nameTokens(value);
  const meaningful = tokens.filter((token) => !LEGAL_SUFFIXES.has(token));
  // A name made only of legal words ("Holding Co.") keeps them rather than vanish.
  return (meaningful.length > 0 ? meaningful : tokens).sort().join(" ");
}
