import { useI18n } from '../../../i18n/i18n-context';
import { FieldSet, TextField } from '../../../ui/form-fields';
import { BENEFICIARY_GROUPS, BENEFICIARY_PEOPLE } from './subproject-form';
import { useMisReference } from './use-mis-reference';

type Texts = Record<string, string>;

/** The chosen structure type's technical attributes (length, surface, classrooms…), each a number. */
export function AttributeFields(props: {
  codes: readonly string[];
  values: Texts;
  errors: Texts;
  onChange: (code: string, value: string) => void;
}) {
  const { t, locale } = useI18n();
  const { ref } = useMisReference();
  if (props.codes.length === 0)
    return <p className="small text-body-secondary">{t('mis.form.noAttributes')}</p>;
  return (
    <div className="row g-3">
      {props.codes.map((code) => {
        const def = ref?.attributes.find((a) => a.code === code);
        const name = def ? def.labels[locale] : code;
        return (
          <div key={code} className="col-sm-6 col-lg-4">
            <TextField
              id={`attr-${code}`}
              label={def?.unit ? `${name} (${def.unit})` : name}
              value={props.values[code] ?? ''}
              onChange={(v) => props.onChange(code, v)}
              inputMode={def?.kind === 'integer' ? 'numeric' : 'decimal'}
              error={props.errors[`attributes.${code}`]}
              className=""
            />
          </div>
        );
      })}
    </div>
  );
}

/** Direct and indirect beneficiaries, each as men, women and youth counts. */
export function BeneficiaryFields(props: {
  values: Texts;
  errors: Texts;
  onChange: (key: string, value: string) => void;
}) {
  const { t } = useI18n();
  return (
    <div className="row g-3">
      {BENEFICIARY_GROUPS.map((group) => (
        <div key={group} className="col-md-6">
          <FieldSet
            legend={t(group === 'direct' ? 'mis.form.direct' : 'mis.form.indirect')}
            id={`ben-${group}`}
          >
            <div className="row g-2">
              {BENEFICIARY_PEOPLE.map((who) => {
                const key = `${group}.${who}`;
                return (
                  <div key={who} className="col-4">
                    <TextField
                      id={`ben-${group}-${who}`}
                      label={t(`mis.form.${who}`)}
                      value={props.values[key] ?? ''}
                      onChange={(v) => props.onChange(key, v)}
                      inputMode="numeric"
                      error={props.errors[`beneficiaries.${key}`]}
                      className=""
                    />
                  </div>
                );
              })}
            </div>
          </FieldSet>
        </div>
      ))}
    </div>
  );
}
