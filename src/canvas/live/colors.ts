// Dot colours: one per route (the client's traffic mix), one for background jobs, and the
// outcome colours that override them.

export const ROUTE_COLORS = [
  '#2563eb',
  '#0d9488',
  '#c026d3',
  '#ea580c',
  '#0891b2',
  '#65a30d',
  '#db2777',
  '#ca8a04',
] as const;
export const JOB_COLOR = '#7c3aed';
export const FAIL_COLOR = '#dc2626';
export const LOAD_COLOR = 'rgba(37, 99, 235, 0.16)';

export function routeColor(route: number): string {
  return route < 0 ? JOB_COLOR : ROUTE_COLORS[route % ROUTE_COLORS.length]!;
}
