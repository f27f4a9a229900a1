import type { FieldErrors } from '../../../../ui/errors';
import type { Reference } from '../use-reference';
import type { IntakeValues } from './intake-values';

/** What every section of the intake form receives. */
export interface SectionProps {
  values: IntakeValues;
  set: <K extends keyof IntakeValues>(key: K, value: IntakeValues[K]) => void;
  /** Keyed by the API path ("category", "complainant.name"). */
  errors: FieldErrors;
  reference: Reference;
}
