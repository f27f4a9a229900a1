import type { Actor } from '@coso/domain';
import { useMemo } from 'react';
import { useField, useLive } from './engine-context';
import { fieldActor, type GeoNode, geoIndex } from './geo';
import { useT } from './i18n/i18n';
import { type Reference, reference, refItems } from './reference';

export interface FieldGeo {
  index: ReadonlyMap<string, GeoNode>;
  actor: Actor;
  loading: boolean;
}

/** The geographic units on the device and the user as the domain policies see them. */
export function useGeo(): FieldGeo {
  const { session } = useField();
  const live = useLive((engine) => engine.geoUnits(), []);
  return useMemo(() => {
    const index = geoIndex(live.data ?? []);
    return { index, actor: fieldActor(session.user, index), loading: live.loading };
  }, [live.data, live.loading, session.user]);
}

/** The reference lists on the device, labelled in the UI language. */
export function useReference(): Reference & { empty: boolean; loading: boolean } {
  const { locale } = useT();
  const live = useLive((engine) => engine.reference(), []);
  return useMemo(() => {
    const items = refItems(live.data ?? []);
    return { ...reference(items, locale), empty: items.length === 0, loading: live.loading };
  }, [live.data, live.loading, locale]);
}
