import { useMemo } from 'react';
import { useLive } from '../engine-context';
import type { GeoNode } from '../geo';
import { useGeo } from '../use-field-data';
import { readDccData } from './dcc-device';
import type { DccData } from './dcc-model';

export interface DccLive {
  data: DccData | undefined;
  geo: ReadonlyMap<string, GeoNode>;
  loading: boolean;
}

/** The DCC rows on the phone, read again after every local change or sync step. */
export function useDcc(): DccLive {
  const live = useLive((engine) => readDccData(engine), []);
  const geo = useGeo();
  return useMemo(
    () => ({ data: live.data, geo: geo.index, loading: live.loading || geo.loading }),
    [live.data, live.loading, geo.index, geo.loading],
  );
}
