// Money is integer cents in BigInt end to end; these are the only conversions.

const DOLLARS = /^\s*\$?\s*(\d{1,3}(?:,\d{3})+|\d+)(?:\.(\d{1,2}))?\s*$/;

/** Parses "1,234.5" or "$1234.50" into cents; null when it isn't a dollar amount. */
export function parseDollarsToCents(input: string): bigint | null {
  const match = DOLLARS.exec(input);
  if (!match) return null;
  const whole = BigInt(match[1]!.replaceAll(",", ""));
  const fraction = BigInt((match[2] ?? "").padEnd(2, "0"));
  return whole * 100n + fraction;
}

const usd = new Intl.NumberFormat("en-US", { style: "currency", currency: "USD" });

/** Formats cents as US dollars, exactly (no float rounding for large amounts). */
export function formatCents(cents: bigint): string {
  const negative = cents < 0n;
  const abs = negative ? -cents : cents;
  const whole = abs / 100n;
  const fraction = (abs % 100n).toString().padStart(2, "0");
  // Intl formats bigint wholes exactly; we append the cents ourselves.
  const wholeText = usd.format(whole).replace(/\.00$/, "");
  return `${negative ? "-" : ""}${wholeText}.${fraction}`;
}

/** Compact form for dashboards: $135.0B, $34.1B, $68.0M. */
export function formatCentsCompact(cents: bigint): string {
  const dollars = cents / 100n;
  const units: Array<[bigint, string]> = [
    [1_000_000_000_000n, "T"],
    [1_000_000_000n, "B"],
    [1_000_000n, "M"],
    [1_000n, "K"],
  ];
  for (const [size, suffix] of units) {
    const abs = dollars < 0n ? -dollars : dollars;
    // size / 20_000n: from $999.95M up, "$1000.0M" would show; use the larger unit ($1.0B).
    if (abs >= size - size / 20_000n) {
      // One decimal, rounded half up, in integer arithmetic.
      const tenths = (dollars * 10n + (dollars < 0n ? -size / 2n : size / 2n)) / size;
      const sign = tenths < 0n ? "-" : "";
      const t = tenths < 0n ? -tenths : tenths;
      return `${sign}$${t / 10n}.${t % 10n}${suffix}`;
    }
  }
  return formatCents(cents);
}

/** Applies a basis-point share (10000 = 100%) to an amount, rounding down. */
export function shareOf(cents: bigint, basisPoints: number): bigint {
  return (cents * BigInt(basisPoints)) / 10_000n;
}

/** Applies a basis-point share, rounding up: for minimums such as the cash payment. */
export function shareOfRoundedUp(cents: bigint, basisPoints: number): bigint {
  return (cents * BigInt(basisPoints) + 9_999n) / 10_000n;
}

export function formatBasisPoints(basisPoints: number): string {
  return `${(basisPoints / 100).toFixed(basisPoints % 100 === 0 ? 0 : 2)}%`;
}
