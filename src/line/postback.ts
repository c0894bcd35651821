import { MAX_POSTBACK_DATA } from "./limits.js";

/**
 * Postback data is compact and versioned: `v1:<action>` followed by
 * `?key=value&…` (URL-encoded). Anything else, or an action the app does not
 * know, decodes to null and the user is asked to try again.
 */
export const POSTBACK_VERSION = "v1";

export interface Postback {
  action: string;
  params: Record<string, string>;
}

const ACTION = /^[a-z][a-z0-9_.]{0,40}$/;

export function encodePostback(action: string, params: Record<string, string | number | boolean | undefined> = {}): string {
  if (!ACTION.test(action)) throw new Error(`invalid postback action ${action}`);
  const q = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) if (v !== undefined) q.set(k, String(v));
  const qs = q.toString();
  const data = `${POSTBACK_VERSION}:${action}${qs ? "?" + qs : ""}`;
  if (data.length > MAX_POSTBACK_DATA) throw new Error(`postback data over ${MAX_POSTBACK_DATA} characters for ${action}`);
  return data;
}

export function decodePostback(data: unknown): Postback | null {
  if (typeof data !== "string" || data.length > MAX_POSTBACK_DATA) return null;
  const m = /^v1:([a-z][a-z0-9_.]{0,40})(?:\?(.*))?$/s.exec(data);
  if (!m) return null;
  try {
    const params: Record<string, string> = {};
    for (const [k, v] of new URLSearchParams(m[2] ?? "")) params[k] = v;
    return { action: m[1], params };
  } catch {
    return null;
  }
}
