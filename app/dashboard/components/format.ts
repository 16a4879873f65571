/** Number formats shared by the dashboard's components. */
export const fixed = (value: number | null | undefined, digits = 2): string =>
  value === null || value === undefined || !Number.isFinite(value) ? "–" : value.toFixed(digits);
export const percent = (value: number | null | undefined): string => (value === null || value === undefined ? "–" : `${Math.round(value * 100)}%`);
export const minutes = (ms: number): string => (ms / 60_000).toFixed(1);
/** Colour band of a quiz accuracy (0..1) for the concept grid. */
export const accuracyLevel = (value: number | null | undefined): "low" | "mid" | "high" | "none" =>
  value === null || value === undefined ? "none" : value < 0.5 ? "low" : value < 0.8 ? "mid" : "high";
