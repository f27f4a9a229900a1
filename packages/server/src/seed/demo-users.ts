import type { Role } from '@coso/domain';

/** Password of every demo account; demo and training environments only (never seeded in production). */
export const DEMO_PASSWORD = 'Demo-COSO-2027';

export interface DemoUser {
  username: string;
  displayName: string;
  roles: Role[];
  /** Codes of the geo units of the user's jurisdiction. */
  jurisdictions: string[];
}

// Usernames are part of the contract: the README, other tools and end-to-end tests rely on them.
export const DEMO_USERS: DemoUser[] = [
  { username: 'admin', displayName: 'Administrateur COSO', roles: ['admin'], jurisdictions: ['TG'] },
  {
    username: 'agent.grm',
    displayName: 'Afi Mensah (chargée MGP)',
    roles: ['grm_officer'],
    jurisdictions: ['TG'],
  },
  {
    username: 'vbg.focal',
    displayName: 'Essi Adjo (point focal VBG/EAS)',
    roles: ['sensitive_focal_point'],
    jurisdictions: ['TG'],
  },
  {
    username: 'focal.kara',
    displayName: 'Pakilam Essowè (point focal Kara)',
    roles: ['focal_point'],
    jurisdictions: ['TG-K'],
  },
  {
    username: 'focal.savanes',
    displayName: 'Lardja Yendoubé (point focal Savanes)',
    roles: ['focal_point'],
    jurisdictions: ['TG-S'],
  },
  {
    username: 'facilitateur.kara',
    displayName: 'Kodjo Tchalla (animateur, canton de Lama)',
    roles: ['facilitator'],
    jurisdictions: ['TG-K-KOZ-1-LAM-002', 'TG-K-KOZ-1-LAM-003', 'TG-K-KOZ-1-LAM-004'],
  },
  {
    username: 'facilitateur.savanes',
    displayName: 'Damitou Lamboni (animatrice, Dapaong)',
    roles: ['facilitator'],
    jurisdictions: ['TG-S-TON-1-DAP-002', 'TG-S-TON-1-DAP-003', 'TG-S-TON-1-DAP-004', 'TG-S-TON-1-NAS-002'],
  },
  {
    username: 'specialiste.dcc',
    displayName: 'Yawo Agbeko (spécialiste DCC)',
    roles: ['cdd_specialist'],
    jurisdictions: ['TG'],
  },
  {
    username: 'superviseur',
    displayName: 'Komi Dossou (superviseur)',
    roles: ['supervisor'],
    jurisdictions: ['TG'],
  },
  {
    username: 'analyste',
    displayName: 'Abla Kpodar (analyste S&E)',
    roles: ['analyst'],
    jurisdictions: ['TG'],
  },
  {
    username: 'specialiste.infra',
    displayName: 'Kossi Amegan (spécialiste infrastructures et S&E)',
    roles: ['infrastructure_specialist'],
    jurisdictions: ['TG'],
  },
  {
    username: 'finances',
    displayName: 'Akossiwa Doe (chargée des finances)',
    roles: ['finance_officer'],
    jurisdictions: ['TG'],
  },
];
