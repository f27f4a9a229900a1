import { type FormDefinition, type FormField, formText } from '@coso/domain';
import type { ReactNode } from 'react';
import { useI18n } from '../../i18n/i18n-context';

interface Row {
  field: FormField;
  depth: number;
}

function rows(fields: readonly FormField[], depth = 0): Row[] {
  return fields.flatMap((field) => [{ field, depth }, ...rows(field.children ?? [], depth + 1)]);
}

const RULES = [
  ['relevant', 'forms.rule.relevant'],
  ['required', 'forms.rule.required'],
  ['constraint', 'forms.rule.constraint'],
  ['calculation', 'forms.rule.calculation'],
  ['readOnly', 'forms.rule.readOnly'],
  ['default', 'forms.rule.default'],
  ['choiceFilter', 'forms.rule.choiceFilter'],
  ['repeatCount', 'forms.rule.repeatCount'],
] as const;

/**
 * The definition as a reviewer reads it: every field in document order, indented under its group or repeat,
 * with its type, name, label, the expressions that drive it and its indicator binding.
 */
export function DefinitionTree({ definition }: { definition: FormDefinition }) {
  const { t, locale } = useI18n();
  const text = (v: FormField['label']) => formText(v, locale, definition.defaultLanguage);

  function rules(f: FormField): ReactNode[] {
    const out: ReactNode[] = [];
    for (const [key, label] of RULES) {
      const value = f[key];
      if (value === undefined || value === false) continue;
      out.push(
        <li key={key}>
          <span className="text-body-secondary">{t('forms.rule.item', { rule: t(label) })} </span>
          {value === true ? t('forms.rule.always') : <code className="text-break">{String(value)}</code>}
        </li>,
      );
    }
    if (f.list)
      out.push(
        <li key="list">
          <span className="text-body-secondary">{t('forms.rule.item', { rule: t('forms.rule.list') })} </span>
          <code>{f.list}</code> ({definition.choices[f.list]?.length ?? 0})
          {f.orOther && ` ${t('forms.rule.orOther')}`}
        </li>,
      );
    if (f.appearance?.length)
      out.push(
        <li key="appearance">
          <span className="text-body-secondary">
            {t('forms.rule.item', { rule: t('forms.rule.appearance') })}{' '}
          </span>
          <code>{f.appearance.join(' ')}</code>
        </li>,
      );
    return out;
  }

  return (
    // biome-ignore lint/a11y/noNoninteractiveTabindex: a scrollable region is focusable, as WCAG asks.
    <div className="table-responsive" tabIndex={0}>
      <table className="table table-sm align-middle mb-0">
        <caption className="visually-hidden">{t('forms.detail.fields')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('forms.detail.name')}</th>
            <th scope="col">{t('forms.detail.type')}</th>
            <th scope="col">{t('forms.detail.label')}</th>
            <th scope="col">{t('forms.detail.rules')}</th>
            <th scope="col">{t('forms.detail.indicator')}</th>
          </tr>
        </thead>
        <tbody>
          {rows(definition.fields).map(({ field, depth }) => {
            const container = field.type === 'group' || field.type === 'repeat';
            const r = rules(field);
            return (
              <tr key={field.name}>
                <td style={{ paddingLeft: `${0.5 + depth * 1.25}rem` }}>
                  <code className={container ? 'fw-semibold' : undefined}>{field.name}</code>
                </td>
                <td className="text-nowrap">
                  <span className={`badge ${container ? 'text-bg-dark' : 'text-bg-light border'}`}>
                    {t(`forms.type.${field.type}`)}
                  </span>
                </td>
                <td>
                  {text(field.label) ?? '—'}
                  {field.hint && <div className="small text-body-secondary">{text(field.hint)}</div>}
                </td>
                <td className="small">{r.length ? <ul className="list-unstyled mb-0">{r}</ul> : '—'}</td>
                <td className="small">{field.indicator ? <code>{field.indicator}</code> : '—'}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
