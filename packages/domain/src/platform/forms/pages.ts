import { type CompiledField, compiledOrThrow } from './compile.js';
import type { FormDefinition, FormField, FormText } from './definition.js';
import type { FormState } from './state.js';

/**
 * ODK Collect's pagination, shared by the field app and the desktop's page-by-page mode: each question its own
 * page; a group (or a repeat's instance) with appearance `field-list` is one page; other groups are
 * transparent and lend their label as the heading; questions that do not apply are skipped, notes are pages,
 * calculations are never shown. Re-run after each answer: relevance changes the page list.
 */

export interface FormPage {
  /** Stable across runs while the page exists: the path of its question, group or repeat instance. */
  key: string;
  /** The enclosing group's or repeat's label. */
  title?: FormText;
  fields: { path: string; field: FormField }[];
}

const isFieldList = (f: FormField) => f.appearance?.includes('field-list') === true;

export function formPages(def: FormDefinition, state: FormState): FormPage[] {
  const form = compiledOrThrow(def);
  const pages: FormPage[] = [];
  const pathOf = (cf: CompiledField, prefix: string) => prefix + cf.name;

  /** Every question shown on one field-list page, nested groups and repeat instances flattened. */
  const collect = (list: readonly CompiledField[], prefix: string, out: FormPage['fields']) => {
    for (const cf of list) {
      const path = pathOf(cf, prefix);
      const st = state.fields.get(path);
      if (!st?.relevant || cf.field.type === 'calculate') continue;
      if (cf.field.type === 'group') collect(cf.children, prefix, out);
      else if (cf.field.type === 'repeat')
        for (const j of st.instances ?? []) collect(cf.children, `${path}[${j}].`, out);
      else out.push({ path, field: cf.field });
    }
    return out;
  };

  const paginate = (list: readonly CompiledField[], prefix: string, title: FormText | undefined) => {
    for (const cf of list) {
      const path = pathOf(cf, prefix);
      const st = state.fields.get(path);
      const { field } = cf;
      if (!st?.relevant || field.type === 'calculate') continue;
      const heading = field.label ?? title;
      if (field.type === 'group') {
        if (!isFieldList(field)) paginate(cf.children, prefix, heading);
        else {
          const fields = collect(cf.children, prefix, []);
          if (fields.length) pages.push({ key: path, ...(heading ? { title: heading } : {}), fields });
        }
      } else if (field.type === 'repeat') {
        for (const j of st.instances ?? []) {
          const instancePrefix = `${path}[${j}].`;
          if (!isFieldList(field)) paginate(cf.children, instancePrefix, heading);
          else {
            const fields = collect(cf.children, instancePrefix, []);
            if (fields.length)
              pages.push({ key: `${path}[${j}]`, ...(heading ? { title: heading } : {}), fields });
          }
        }
      } else pages.push({ key: path, ...(title ? { title } : {}), fields: [{ path, field }] });
    }
  };
  paginate(form.roots, '', undefined);
  return pages;
}
