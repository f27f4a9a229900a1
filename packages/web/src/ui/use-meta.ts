import { useEffect, useState } from 'react';
import { getMeta } from '../api/auth';
import type { Meta } from '../api/types';

let cached: Promise<Meta> | null = null;

/** Environment and version, fetched once per page load (they cannot change without a restart). */
export function useMeta(): Meta | null {
  const [meta, setMeta] = useState<Meta | null>(null);
  useEffect(() => {
    let current = true;
    cached ??= getMeta();
    cached.then(
      (m) => {
        if (current) setMeta(m);
      },
      () => {
        cached = null; // try again on the next mount
      },
    );
    return () => {
      current = false;
    };
  }, []);
  return meta;
}
