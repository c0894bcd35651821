/**
 * Limits counted in characters (code points), as LINE counts them, not in
 * UTF-16 units. A string's UTF-16 length is never below its character
 * count, so short strings, nearly all of them, are answered without
 * splitting them into characters.
 */

/** The first `max` characters of a text. */
export function firstChars(text: string, max: number): string {
  if (text.length <= max) return text;
  return [...text].slice(0, max).join("");
}

/** Whether a text has more than `max` characters. */
export function longerThan(text: string, max: number): boolean {
  if (text.length <= max) return false;
  let count = 0;
  for (const _ of text) if (++count > max) return true;
  return false;
}
