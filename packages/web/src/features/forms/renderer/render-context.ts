import type { FormChoice, FormDefinition, FormField, FormValue, Locale } from '@coso/domain';
import { createContext, useContext } from 'react';

/** What the engine says about one field instance, as the inputs need it. */
export interface FieldView {
  relevant: boolean;
  required: boolean;
  readOnly: boolean;
  /** The answer, or the computed value of a calculation. */
  value: FormValue | undefined;
  /** A select's choices after its choice_filter. */
  choices: readonly FormChoice[];
}

export interface RenderState {
  view(path: string, field: FormField): FieldView;
  /** A repeat's fixed number of instances (repeat_count), undefined when the user adds and removes them. */
  fixedCount(path: string): number | undefined;
  /** A repeat's instances present in the answers (their 0-based indices). */
  instances(path: string): readonly number[];
  /** What a label's `${name}` shows for the field instance at `path`; undefined when there is none. */
  shown(path: string): string | undefined;
}

/** Media inputs keep a reference as the answer; the adapter stores the blob and shows it back. */
export interface MediaAdapter {
  store(blob: Blob, fileName: string): Promise<string>;
  url(ref: string): string | undefined;
  name(ref: string): string | undefined;
}

export interface RenderContextValue {
  definition: FormDefinition;
  locale: Locale;
  state: RenderState;
  /** Errors to show, by answer path (after "Vérifier" or a "Suivant" refused). */
  errors: ReadonlyMap<string, string>;
  setValue(path: string, value: FormValue | undefined): void;
  addInstance(repeatPath: string): void;
  removeInstance(repeatPath: string, index: number): void;
  media: MediaAdapter;
}

export const RenderContext = createContext<RenderContextValue | null>(null);

export function useRender(): RenderContextValue {
  const ctx = useContext(RenderContext);
  if (!ctx) throw new Error('A form field is rendered outside FormRenderer');
  return ctx;
}
