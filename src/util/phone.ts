import { parsePhoneNumberFromString } from "libphonenumber-js";

/**
 * Phone numbers as people write them down: 03-5932-0695, 0120-279-338.
 * A number already written with hyphens is kept as its organiser wrote it;
 * a run of digits is hyphenated by libphonenumber's Japanese rules; short
 * numbers (119, #7119) stay as they are.
 */
export function displayPhone(raw: string): string {
  const s = raw.normalize("NFKC").replace(/[‐－―ー−]/g, "-").trim();
  if (s.includes("-") || !/^\+?\d{10,11}$/.test(s)) return s;
  const p = parsePhoneNumberFromString(s, "JP");
  return p?.isValid() ? p.formatNational() : s;
}

/** tel: URI for a button; # (as in #7119) is percent-encoded. */
export function telUri(raw: string): string {
  const s = raw.normalize("NFKC");
  return `tel:${s.replace(/[^\d+#]/g, "").replace(/#/g, "%23")}`;
}
