import * as m0001 from './0001-foundation.js';
import * as m0002 from './0002-grievances.js';
import * as m0003 from './0003-grievance-reference.js';
import * as m0004 from './0004-identity-encryption.js';
import * as m0005 from './0005-deadlines.js';
import * as m0006 from './0006-notifications.js';
import * as m0007 from './0007-case-access.js';
import * as m0008 from './0008-self-service.js';
import * as m0009 from './0009-next-due-date.js';
import * as m0010 from './0010-sync-feed.js';
import * as m0011 from './0011-sync-push.js';
import * as m0012 from './0012-reports.js';
import * as m0013 from './0013-list-indexes.js';
import * as m0014 from './0014-sync-removals-prune.js';
import * as m0017 from './0017-deadline-rules.js';
import * as m0019 from './0019-open-case-counts.js';
import * as m0020 from './0020-generic-subjects.js';
import * as m0021 from './0021-job-state.js';
import * as m0022 from './0022-sync-removals-scope.js';
import * as m0023 from './0023-forms.js';
import * as m0024 from './0024-dcc.js';
import * as m0025 from './0025-dcc-sync.js';

/** Ordered, append-only list: never edit a migration that has shipped, add a new one. */
export const MIGRATIONS: ReadonlyArray<{ id: string; sql: string }> = [
  { id: '0001-foundation', sql: m0001.sql },
  { id: '0002-grievances', sql: m0002.sql },
  { id: '0003-grievance-reference', sql: m0003.sql },
  { id: '0004-identity-encryption', sql: m0004.sql },
  { id: '0005-deadlines', sql: m0005.sql },
  { id: '0006-notifications', sql: m0006.sql },
  { id: '0007-case-access', sql: m0007.sql },
  { id: '0008-self-service', sql: m0008.sql },
  { id: '0009-next-due-date', sql: m0009.sql },
  { id: '0010-sync-feed', sql: m0010.sql },
  { id: '0011-sync-push', sql: m0011.sql },
  { id: '0012-reports', sql: m0012.sql },
  { id: '0013-list-indexes', sql: m0013.sql },
  { id: '0014-sync-removals-prune', sql: m0014.sql },
  { id: '0017-deadline-rules', sql: m0017.sql },
  { id: '0019-open-case-counts', sql: m0019.sql },
  { id: '0020-generic-subjects', sql: m0020.sql },
  { id: '0021-job-state', sql: m0021.sql },
  { id: '0022-sync-removals-scope', sql: m0022.sql },
  { id: '0023-forms', sql: m0023.sql },
  { id: '0024-dcc', sql: m0024.sql },
  { id: '0025-dcc-sync', sql: m0025.sql },
];
