import type { NewLocalFile } from '@coso/domain';
import type { Reference } from '../../reference';
import type { FieldGeo } from '../../use-field-data';
import type { StepId, WizardValues } from './wizard-model';

/** A photo or recording chosen in the wizard, with a local URL to show or play it back. */
export interface WizardFile {
  key: string;
  kind: 'photo' | 'audio';
  file: NewLocalFile;
  url: string;
}

/** What every step of the wizard receives. */
export interface StepProps {
  values: WizardValues;
  set: <K extends keyof WizardValues>(key: K, value: WizardValues[K]) => void;
  /** The translated problem of a field path (or below it), after "Suivant" was tapped. */
  issue: (path: string) => string | undefined;
  reference: Reference;
  geo: FieldGeo;
  files: readonly WizardFile[];
  addFile: (file: WizardFile) => void;
  removeFile: (key: string) => void;
  goTo: (step: StepId) => void;
}
