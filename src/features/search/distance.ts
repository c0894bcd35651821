/** Great-circle distance and walking time (80 m per minute, the Japanese real-estate convention). */
const EARTH_RADIUS_M = 6_371_000;
export const WALK_M_PER_MIN = 80;

export function distanceMeters(a: { lat: number; lng: number }, b: { lat: number; lng: number }): number {
  const rad = (x: number) => (x * Math.PI) / 180;
  const dLat = rad(b.lat - a.lat);
  const dLng = rad(b.lng - a.lng);
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(rad(a.lat)) * Math.cos(rad(b.lat)) * Math.sin(dLng / 2) ** 2;
  return 2 * EARTH_RADIUS_M * Math.asin(Math.min(1, Math.sqrt(h)));
}

export function walkingMinutes(meters: number): number {
  return Math.max(1, Math.ceil(meters / WALK_M_PER_MIN));
}

/** A latitude/longitude box that contains the circle of `meters` around a point. */
export function boundingBox(p: { lat: number; lng: number }, meters: number) {
  const dLat = (meters / EARTH_RADIUS_M) * (180 / Math.PI);
  const dLng = dLat / Math.cos((p.lat * Math.PI) / 180);
  return { minLat: p.lat - dLat, maxLat: p.lat + dLat, minLng: p.lng - dLng, maxLng: p.lng + dLng };
}
