/** decodeURIComponent without the URIError: undefined for a broken escape such as "%" or "%E0%A4%A". */
export function decodePercent(text: string): string | undefined {
  try {
    return decodeURIComponent(text);
  } catch {
    return undefined;
  }
}
