/**
 * sync_removals is pruned (platform/sync/prune.ts): removals older than the retention go, and the highest
 * number pruned is kept here, so that a device whose cursor is older than that gets a full pull instead of
 * missing a removal.
 */
export const sql = /* sql */ `
create table sync_state (
  id int primary key default 1 check (id = 1),
  removals_pruned_through bigint not null default 0
);
insert into sync_state default values;
create index sync_removals_at on sync_removals (at);
`;
