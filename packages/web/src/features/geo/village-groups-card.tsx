import { useState } from 'react';
import {
  createVillageGroup,
  deleteVillageGroup,
  listAllGeoUnits,
  listVillageGroups,
  updateVillageGroup,
} from '../../api/geo';
import type { VillageGroup } from '../../api/types';
import { useI18n } from '../../i18n/i18n-context';
import { ErrorAlert, Loading, SuccessAlert } from '../../ui/alerts';
import { Card } from '../../ui/card';
import { ConfirmButton } from '../../ui/confirm-dialog';
import { LoadMore } from '../../ui/load-more';
import { useAsync } from '../../ui/use-async';
import { useCursorList } from '../../ui/use-cursor-list';
import { VillageGroupForm } from './village-group-form';

/** CVDs and geographical units of one canton: list for everyone, create/edit/delete for admins. */
export function VillageGroupsCard({ cantonId, canManage }: { cantonId: string; canManage: boolean }) {
  const { t } = useI18n();
  const groups = useCursorList((cursor) => listVillageGroups({ canton: cantonId, cursor }), [cantonId]);
  const villages = useAsync(() => listAllGeoUnits({ within: cantonId, level: 'village' }), [cantonId]);
  const [editing, setEditing] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);

  function villageName(id: string | null, group: VillageGroup): string {
    if (!id) return '—';
    return (
      group.villages.find((v) => v.id === id)?.name ?? villages.data?.find((v) => v.id === id)?.name ?? '—'
    );
  }

  return (
    <Card title={t('groups.title')}>
      {notice && <SuccessAlert>{notice}</SuccessAlert>}
      {groups.items.length === 0 && !groups.loading && !groups.error && (
        <p className="text-secondary">{t('groups.empty')}</p>
      )}
      <ul className="list-group mb-3">
        {groups.items.map((g) => (
          <li key={g.id} className="list-group-item">
            {editing === g.id && villages.data ? (
              <VillageGroupForm
                cantonId={cantonId}
                villages={villages.data}
                group={g}
                groups={groups.items}
                onCancel={() => setEditing(null)}
                onSubmit={async (body) => {
                  const updated = await updateVillageGroup(g.id, body);
                  groups.setItems((items) => items.map((x) => (x.id === g.id ? updated : x)));
                  setEditing(null);
                  setNotice(t('groups.saved'));
                }}
              />
            ) : (
              <div className="d-flex flex-wrap gap-2 align-items-start">
                <div className="me-auto">
                  <span className="badge text-bg-info me-2">{t(`groups.kind.${g.kind}`)}</span>
                  <strong>{g.name}</strong> <span className="text-secondary small">· {g.code}</span>
                  <div className="small">
                    {t('groups.headquarters')} : {villageName(g.headquartersVillageId, g)}
                  </div>
                  <div className="small text-secondary">
                    {t('groups.villages')} : {g.villages.map((v) => v.name).join(', ') || '—'}
                  </div>
                </div>
                {canManage && (
                  <div className="d-flex gap-2">
                    <button
                      type="button"
                      className="btn btn-sm btn-outline-primary"
                      onClick={() => {
                        setNotice(null);
                        setEditing(g.id);
                      }}
                      aria-label={t('groups.editNamed', { name: g.name })}
                    >
                      {t('common.edit')}
                    </button>
                    <ConfirmButton
                      label={t('common.delete')}
                      title={t('groups.deleteTitle', { name: g.name })}
                      message={t('groups.deleteText')}
                      className="btn btn-sm btn-outline-danger"
                      onConfirm={async () => {
                        await deleteVillageGroup(g.id);
                        groups.setItems((items) => items.filter((x) => x.id !== g.id));
                        setNotice(t('groups.deleted'));
                      }}
                    />
                  </div>
                )}
              </div>
            )}
          </li>
        ))}
      </ul>
      <LoadMore list={groups} />
      {canManage && (
        <>
          <h3 className="h6 mt-3">{t('groups.new')}</h3>
          {villages.loading && <Loading />}
          <ErrorAlert error={villages.error} />
          {villages.data && (
            <VillageGroupForm
              cantonId={cantonId}
              villages={villages.data}
              groups={groups.items}
              onSubmit={async (body) => {
                const created = await createVillageGroup(body);
                groups.setItems((items) => [...items, created]);
                setNotice(t('groups.created'));
              }}
            />
          )}
        </>
      )}
    </Card>
  );
}
