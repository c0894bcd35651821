import type { Db } from "../data/client.js";
import { deleteFlow, readFlow, writeFlow } from "../data/flow-state.js";
import type { FlowState } from "./types.js";

/** Unfinished flows expire so a user who comes back later starts fresh. */
export const FLOW_TTL_MS = 30 * 60 * 1000;

export type LoadedState = { state: FlowState; expired: false } | { state: FlowState; expired: true } | null;

export async function loadState(db: Db, userId: number, now: Date): Promise<LoadedState> {
  const row = await readFlow(db, userId);
  if (!row) return null;
  let data: Record<string, unknown> = {};
  try {
    data = JSON.parse(row.data);
  } catch {
    data = {};
  }
  // The one unchecked step: the row was written by saveState from a typed FlowState, and the
  // dispatcher hands it only to the flow its name says (an unknown name ends the flow).
  const state = { flow: row.flow, step: row.step, data } as FlowState;
  return { state, expired: row.expiresAt.getTime() <= now.getTime() };
}

export async function saveState(db: Db, userId: number, state: FlowState, now: Date, ttlMs = FLOW_TTL_MS): Promise<void> {
  await writeFlow(db, userId, { flow: state.flow, step: state.step, data: JSON.stringify(state.data), expiresAt: new Date(now.getTime() + ttlMs) });
}

export async function clearState(db: Db, userId: number): Promise<void> {
  await deleteFlow(db, userId);
}
