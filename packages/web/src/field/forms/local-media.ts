import { LOCAL_FILE_PREFIX, randomUuid } from '@coso/domain';
import { useEffect, useMemo, useRef } from 'react';
import { compressPhoto, startAudioRecording } from '../platform/media';
import type { RunnerFile, RunnerMedia } from './runner-types';

/**
 * The runner's media adapter for a form filled on the phone (a form's draft, a DCC task's form): photos,
 * recordings and files kept in memory under `local-file.<uuid>` references until the screen saves them with
 * its draft, shown through object URLs that are released when the screen goes.
 */
export function useLocalMedia() {
  const files = useRef<Record<string, RunnerFile>>({});
  const urls = useRef(new Map<string, string>());
  useEffect(() => {
    const made = urls.current;
    return () => {
      for (const url of made.values()) URL.revokeObjectURL(url);
    };
  }, []);
  return useMemo(() => {
    const show = (ref: string, file: RunnerFile) => urls.current.set(ref, URL.createObjectURL(file.blob));
    const media: RunnerMedia = {
      async keep(file) {
        const ref = `${LOCAL_FILE_PREFIX}${randomUuid()}`;
        files.current[ref] = file;
        show(ref, file);
        return ref;
      },
      url: (ref) => urls.current.get(ref),
      name: (ref) => files.current[ref]?.name,
      preparePhoto: (file) => compressPhoto(file),
      record: () => startAudioRecording({ maxSeconds: 600 }),
    };
    return {
      media,
      /** What the screen saves with its draft. */
      files: () => files.current,
      /** The files of a saved draft, back in memory. */
      restore(saved: Record<string, RunnerFile>) {
        files.current = { ...saved };
        for (const [ref, file] of Object.entries(saved)) show(ref, file);
      },
    };
  }, []);
}
