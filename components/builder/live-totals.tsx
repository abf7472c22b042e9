"use client";
// The line item's total and the package's US-content share, updated as the user
// types the quantity, unit price and US content. The server renders the same
// figures from what is saved, so they are right without JavaScript; this only
// follows the typing. Nothing here decides anything: saving re-reads the form.
import { useEffect, useState } from "react";
import { formatBasisPoints, formatCents, parseDollarsToCents } from "@/lib/money";

type Props = {
  /** The rest of the package (every other line item), as decimal strings of cents and cents x basis points. */
  otherValueCents: string;
  otherUsCentBasisPoints: string;
  thresholdBasisPoints: number;
  initial: { quantity: string; unitPrice: string; usContent: string };
};

function basisPoints(text: string): number | null {
  const match = /^\s*(\d{1,3})(?:\.(\d{1,2}))?\s*%?\s*$/.exec(text);
  if (!match) return null;
  const value = Number(match[1]) * 100 + Number((match[2] ?? "").padEnd(2, "0"));
  return value <= 10_000 ? value : null;
}

function figures(typed: Props["initial"], otherValue: bigint, otherUs: bigint) {
  const quantity = /^\s*\d+\s*$/.test(typed.quantity) ? BigInt(typed.quantity.trim()) : null;
  const price = parseDollarsToCents(typed.unitPrice);
  const share = basisPoints(typed.usContent);
  const line = quantity !== null && price !== null ? quantity * price : null;
  const total = otherValue + (line ?? 0n);
  const us = otherUs + (line !== null && share !== null ? line * BigInt(share) : 0n);
  return { line, total, shareOfPackage: total === 0n ? 0 : Number(us / total) };
}

const FIELDS = ["quantity", "unitPrice", "usContent"] as const;

export function LiveTotals({ otherValueCents, otherUsCentBasisPoints, thresholdBasisPoints, initial }: Props) {
  const [typed, setTyped] = useState(initial);
  useEffect(() => {
    const onInput = (event: Event) => {
      const target = event.target as HTMLInputElement;
      const name = FIELDS.find((field) => target.id === `field-${field}`);
      if (name) setTyped((current) => ({ ...current, [name]: target.value }));
    };
    document.addEventListener("input", onInput);
    return () => document.removeEventListener("input", onInput);
  }, []);
  const { line, total, shareOfPackage } = figures(typed, BigInt(otherValueCents), BigInt(otherUsCentBasisPoints));
  return (
    <dl className="mb-6 grid gap-2 bg-gray-50 p-4 text-sm sm:grid-cols-3" data-testid="live-totals">
      <div>
        <dt className="text-[var(--color-muted)]">Line total</dt>
        <dd className="font-semibold">{line === null ? "Enter the quantity and unit price" : formatCents(line)}</dd>
      </div>
      <div>
        <dt className="text-[var(--color-muted)]">Package total with this item</dt>
        <dd className="font-semibold">{formatCents(total)}</dd>
      </div>
      <div>
        <dt className="text-[var(--color-muted)]">Package US content</dt>
        <dd className="font-semibold">
          {formatBasisPoints(shareOfPackage)} ({shareOfPackage >= thresholdBasisPoints ? "meets" : "below"} the {formatBasisPoints(thresholdBasisPoints)} threshold)
        </dd>
      </div>
    </dl>
  );
}
