/** Places: distances between geolocations and labels for summaries. */

/** Great-circle distance in kilometres. */
export function haversineKm(a: { lat: number; lon: number }, b: { lat: number; lon: number }): number {
  const rad = Math.PI / 180;
  const dLat = (b.lat - a.lat) * rad;
  const dLon = (b.lon - a.lon) * rad;
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(a.lat * rad) * Math.cos(b.lat * rad) * Math.sin(dLon / 2) ** 2;
  return 2 * 6371 * Math.asin(Math.min(1, Math.sqrt(h)));
}

/** "City, Country" (or whichever is known), for summaries. */
export function placeLabel(p: { city?: string; country?: string; ip?: string }): string {
  const parts = [p.city, p.country].filter((x): x is string => !!x);
  if (parts.length) return parts.join(', ');
  return p.ip ?? 'an unknown place';
}
