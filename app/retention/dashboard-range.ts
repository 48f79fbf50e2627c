/** The periods the dashboard offers, in months ending with the current one; 6 unless asked otherwise. */
export const DASHBOARD_RANGES = [3, 6, 12] as const;
export type DashboardRange = (typeof DASHBOARD_RANGES)[number];

export function dashboardRange(asked: string | null): DashboardRange {
  return DASHBOARD_RANGES.find((range) => String(range) === asked) ?? 6;
}
