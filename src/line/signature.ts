import { createHmac, timingSafeEqual } from "node:crypto";

/** LINE signs the raw request body: base64(HMAC-SHA256(channelSecret, body)). */
export function signBody(secret: string, body: Buffer | string): string {
  return createHmac("sha256", secret).update(body).digest("base64");
}

/** Constant-time check of the x-line-signature header against the raw body. */
export function verifySignature(secret: string, body: Buffer, header: string | string[] | undefined): boolean {
  if (typeof header !== "string" || header.length === 0 || header.length > 200) return false;
  const expected = Buffer.from(signBody(secret, body), "utf8");
  const given = Buffer.from(header, "utf8");
  // timingSafeEqual needs equal lengths; comparing against itself keeps the timing flat.
  if (given.length !== expected.length) {
    timingSafeEqual(expected, expected);
    return false;
  }
  return timingSafeEqual(expected, given);
}
