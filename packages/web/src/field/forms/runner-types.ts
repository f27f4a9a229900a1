import type { FormChoice, FormField, FormValue } from '@coso/domain';
import type { FormsT } from './texts';

/** A file the user gave (photo, recording, chosen file, signature) before it is kept. */
export interface RunnerFile {
  blob: Blob;
  name: string;
  type: string;
}

/**
 * How the runner keeps photos, recordings, files and signatures: the field app stores them with the draft
 * (IndexedDB) and submits them with the form; the desktop preview keeps them in memory. The answer holds the
 * reference `keep` returns.
 */
export interface RunnerMedia {
  keep(file: RunnerFile): Promise<string>;
  /** A URL to show or play a kept file (undefined when it cannot be shown here). */
  url(ref: string): string | undefined;
  /** The kept file's name, to show (undefined when unknown). */
  name?(ref: string): string | undefined;
  /** Makes a camera photo small before it is kept (the field app: compressPhoto). */
  preparePhoto?(file: File): Promise<Blob>;
  /** Starts a voice recording (the field app: startAudioRecording); absent: a file input only. */
  record?(): Promise<{ readonly type: string; stop(): Promise<Blob>; cancel(): void }>;
}

/** What one question's input receives. */
export interface InputProps {
  id: string;
  path: string;
  field: FormField;
  label: string;
  value: FormValue | undefined;
  onChange: (value: FormValue | undefined) => void;
  readOnly: boolean;
  invalid: boolean;
  /** Ids of the hint and the error, for aria-describedby. */
  describedBy: string | undefined;
  choices: readonly FormChoice[];
  /** select with or_other: the text of "other" (`<name>_other`). */
  other?: { value: string; onChange: (text: string) => void };
  locale: string;
  t: FormsT;
  media: RunnerMedia;
}
