import { useState } from 'react';
import { listAllGeoUnits } from '../../../api/geo';
import { deleteRegionChain, type EscalationChain, listChains, saveChain } from '../../../api/grm';
import { useI18n } from '../../../i18n/i18n-context';
import { ErrorAlert, Loading } from '../../../ui/alerts';
import { Card } from '../../../ui/card';
import { ConfirmButton } from '../../../ui/confirm-dialog';
import { SelectField } from '../../../ui/form-fields';
import { PageHeader } from '../../../ui/page-header';
import { useAsync } from '../../../ui/use-async';
import { useGeoLevels } from '../../geo/use-geo-levels';
import { ChainEditor } from './chain-editor';

/** `/grm/escalation`: the default escalation chain and the regions that skip some levels. */
export default function EscalationChainsPage() {
  const { t } = useI18n();
  const { levels } = useGeoLevels();
  const chains = useAsync(() => listChains().then((r) => r.items), []);
  const regions = useAsync(() => listAllGeoUnits({ level: 'region' }), []);
  const [newRegion, setNewRegion] = useState('');

  const all = chains.data ?? [];
  const fallback = all.find((c) => c.region === null);
  const regional = all.filter(
    (c): c is EscalationChain & { region: NonNullable<EscalationChain['region']> } => c.region !== null,
  );
  const free = (regions.data ?? []).filter((r) => !regional.some((c) => c.region.id === r.id));
  const chosenRegion = free.find((r) => r.id === newRegion);

  if ((chains.loading && !chains.data) || levels.length === 0) return <Loading />;

  return (
    <>
      <PageHeader
        title={t('grm.chains.title')}
        crumbs={[{ label: t('nav.grmConfig') }, { label: t('grm.chains.title') }]}
      />
      <ErrorAlert error={chains.error ?? regions.error} />
      <p className="text-secondary">{t('grm.chains.help')}</p>
      <Card title={t('grm.chains.default')} outline="primary">
        <ChainEditor
          key={`default-${fallback?.levels.join()}`}
          id="chain-default"
          levels={levels}
          value={fallback?.levels ?? levels.map((l) => l.code).reverse()}
          saveLabel={t('grm.chains.save')}
          onSave={async (l) => {
            await saveChain(null, l);
          }}
        />
      </Card>
      {regional.length === 0 && <p className="text-secondary">{t('grm.chains.noRegional')}</p>}
      {regional.map((c) => (
        <Card
          key={c.id}
          title={t('grm.chains.region', { name: c.region.name })}
          tools={
            <ConfirmButton
              label={t('grm.chains.delete')}
              title={t('grm.chains.deleteTitle', { name: c.region.name })}
              message={t('grm.chains.deleteText')}
              className="btn btn-sm btn-outline-danger"
              onConfirm={async () => {
                await deleteRegionChain(c.region.id);
                chains.reload();
              }}
            />
          }
        >
          <ChainEditor
            id={`chain-${c.region.id}`}
            levels={levels}
            value={c.levels}
            saveLabel={t('grm.chains.save')}
            onSave={async (l) => {
              await saveChain(c.region.id, l);
            }}
          />
        </Card>
      ))}
      <Card title={t('grm.chains.addRegion')}>
        {free.length === 0 ? (
          <p className="text-secondary mb-0">{t('grm.chains.allRegions')}</p>
        ) : (
          <>
            <SelectField
              id="chain-new-region"
              label={t('grm.chains.regionSelect')}
              value={newRegion}
              onChange={setNewRegion}
              options={[{ value: '', label: '—' }, ...free.map((r) => ({ value: r.id, label: r.name }))]}
            />
            {chosenRegion && (
              <ChainEditor
                key={chosenRegion.id}
                id="chain-new"
                levels={levels}
                value={fallback?.levels ?? []}
                saveLabel={t('grm.chains.create')}
                onSave={async (l) => {
                  await saveChain(chosenRegion.id, l);
                  setNewRegion('');
                  chains.reload();
                }}
              />
            )}
          </>
        )}
      </Card>
    </>
  );
}
