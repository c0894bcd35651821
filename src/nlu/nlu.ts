import type { RouteResult } from "./types.js";

/** Turns a resident's text into an intent with slots. */
export interface Nlu {
  route(text: string, now: Date): RouteResult | Promise<RouteResult>;
}
