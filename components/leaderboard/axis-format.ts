/** "$0.004", "$12", "$1.5K": a currency prefix and as many digits as small prices need. */
export function formatAxisCost(value: number): string {
  if (value === 0) return "$0";
  if (Math.abs(value) >= 1000)
    return `$${new Intl.NumberFormat("en-US", { notation: "compact", maximumSignificantDigits: 3 }).format(value)}`;
  return `$${Number(value.toPrecision(2))}`;
}
