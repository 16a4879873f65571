/** Small display helpers for leaderboard numbers (pure). */
export const bpc = (value: number | null | undefined): string => (value === null || value === undefined ? "—" : value.toFixed(3));
export const percent = (value: number | null | undefined): string => (value === null || value === undefined ? "—" : `${Math.round(value * 100)}%`);
export const clock = (iso: string): string => new Date(iso).toLocaleTimeString([], { hour: "2-digit", minute: "2-digit", second: "2-digit" });
