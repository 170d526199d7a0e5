const integer = new Intl.NumberFormat("en-US");
const usd = new Intl.NumberFormat("en-US", { style: "currency", currency: "USD", maximumFractionDigits: 4 });

export function formatInt(n: number | null | undefined): string {
  return n == null ? "—" : integer.format(n);
}

export function formatTokens(n: number | null | undefined): string {
  if (n == null) return "—";
  if (n >= 1_000_000) return `${+(n / 1_000_000).toFixed(1)}M`;
  if (n >= 1_000) return `${+(n / 1_000).toFixed(1)}K`;
  return integer.format(n);
}

export function formatPrice(n: number | null | undefined): string {
  return n == null ? "—" : usd.format(n);
}
