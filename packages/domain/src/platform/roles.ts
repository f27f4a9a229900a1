/** The platform's roles, from the specification. A permission is a role held over a jurisdiction. */
export const ROLES = [
  'facilitator',
  'focal_point',
  'grm_officer',
  'sensitive_focal_point',
  'cdd_specialist',
  'supervisor',
  'analyst',
  'infrastructure_specialist',
  'finance_officer',
  'admin',
] as const;

export type Role = (typeof ROLES)[number];

export function isRole(value: string): value is Role {
  return (ROLES as readonly string[]).includes(value);
}
