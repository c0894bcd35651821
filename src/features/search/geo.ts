import { boundingBox } from "./distance.js";

/**
 * A grid of 0.01° cells (about 1.1 km north–south, 0.9 km east–west in
 * Tokyo), stored per resource so a nearest-place search reads only the
 * cells around the point through an index instead of scanning a latitude band.
 */
const STEP = 0.01;
const ROW = 100_000;

export function geoCell(lat: number | null | undefined, lng: number | null | undefined): number | null {
  if (lat === null || lat === undefined || lng === null || lng === undefined || !Number.isFinite(lat) || !Number.isFinite(lng)) return null;
  return Math.floor((lat + 90) / STEP) * ROW + Math.floor((lng + 180) / STEP);
}

/** Every cell that intersects the circle's bounding box. */
export function cellsAround(p: { lat: number; lng: number }, meters: number): number[] {
  const box = boundingBox(p, meters);
  const rows = [Math.floor((box.minLat + 90) / STEP), Math.floor((box.maxLat + 90) / STEP)];
  const cols = [Math.floor((box.minLng + 180) / STEP), Math.floor((box.maxLng + 180) / STEP)];
  const out: number[] = [];
  for (let r = rows[0]; r <= rows[1]; r++) for (let c = cols[0]; c <= cols[1]; c++) out.push(r * ROW + c);
  return out;
}
