import { useT } from '../../i18n/i18n';
import type { ListName } from '../../reference';
import { type Choice, ChoiceList, TextField } from '../../ui/fields';
import { codeIcon } from '../../ui/icons';
import type { StepProps } from './step-props';

/** Active items of a reference list as big choices, with an icon where the code has one. */
function choicesOf(p: StepProps, list: ListName, withIcons = true): Choice[] {
  return p.reference.options(list).map((i) => ({
    value: i.code,
    label: p.reference.itemLabel(i),
    icon: withIcons ? codeIcon(i.code) : undefined,
  }));
}

export function TypeStep(p: StepProps) {
  const { t } = useT();
  return (
    <ChoiceList
      name="wizard-type"
      legend={t('wizard.q.type')}
      hideLegend
      choices={choicesOf(p, 'type')}
      value={p.values.type}
      onChange={(v) => p.set('type', v)}
      error={p.issue('type')}
    />
  );
}

export function CategoryStep(p: StepProps) {
  const { t } = useT();
  const chosen = p.reference.item('category', p.values.category);
  return (
    <>
      <ChoiceList
        name="wizard-category"
        legend={t('wizard.q.category')}
        hideLegend
        choices={choicesOf(p, 'category', false)}
        value={p.values.category}
        onChange={(v) => p.set('category', v)}
        error={p.issue('category')}
      />
      {chosen?.sensitive && (
        <div className="alert alert-warning" role="status">
          {t('wizard.sensitiveNote')}
        </div>
      )}
      {chosen?.outOfScope && (
        <div className="alert alert-info" role="status">
          {t('wizard.outOfScopeNote')}
        </div>
      )}
    </>
  );
}

export function ChannelStep(p: StepProps) {
  const { t } = useT();
  return (
    <ChoiceList
      name="wizard-channel"
      legend={t('wizard.q.channel')}
      hideLegend
      choices={choicesOf(p, 'channel')}
      value={p.values.channel}
      onChange={(v) => p.set('channel', v)}
      error={p.issue('channel')}
    />
  );
}

export function IdentityStep(p: StepProps) {
  const { t } = useT();
  return (
    <>
      <ChoiceList
        name="wizard-identity"
        legend={t('wizard.q.identity')}
        hideLegend
        choices={[
          { value: 'named', label: t('field.named'), icon: 'user' },
          { value: 'anonymous', label: t('field.anonymous'), icon: 'mask' },
        ]}
        value={p.values.anonymous ? 'anonymous' : 'named'}
        onChange={(v) => p.set('anonymous', v === 'anonymous')}
        error={p.issue('complainant.anonymous')}
      />
      <p className="form-text">{t('wizard.h.identity')}</p>
    </>
  );
}

export function ProfileStep(p: StepProps) {
  const { t } = useT();
  return (
    <>
      <ChoiceList
        name="wizard-kind"
        legend={t('wizard.q.profile')}
        hideLegend
        choices={[
          { value: 'individual', label: t('field.kind.individual'), icon: 'user' },
          { value: 'group', label: t('field.kind.group'), icon: 'group' },
          { value: 'organisation', label: t('field.kind.organisation'), icon: 'building' },
        ]}
        value={p.values.kind}
        onChange={(v) => p.set('kind', v as StepProps['values']['kind'])}
        error={p.issue('complainant.kind')}
      />
      {p.values.kind !== 'individual' && (
        <TextField
          id="wizard-group-size"
          type="number"
          inputMode="numeric"
          label={t('field.groupSize')}
          value={p.values.groupSize}
          onChange={(v) => p.set('groupSize', v)}
          error={p.issue('complainant.groupSize')}
        />
      )}
    </>
  );
}

export function GenderStep(p: StepProps) {
  const { t } = useT();
  const none: Choice = { value: '', label: t('common.notSpecified') };
  return (
    <>
      <ChoiceList
        name="wizard-gender"
        legend={t('field.gender')}
        choices={[...choicesOf(p, 'gender', false), none]}
        value={p.values.gender}
        onChange={(v) => p.set('gender', v)}
        error={p.issue('complainant.gender')}
      />
      <ChoiceList
        name="wizard-age-group"
        legend={t('field.ageGroup')}
        choices={[...choicesOf(p, 'age_group', false), none]}
        value={p.values.ageGroup}
        onChange={(v) => p.set('ageGroup', v)}
        error={p.issue('complainant.ageGroup')}
      />
    </>
  );
}

export function VulnerabilitiesStep(p: StepProps) {
  const { t } = useT();
  const order = p.reference.options('vulnerability').map((i) => i.code);
  return (
    <>
      <p className="form-text">{t('wizard.h.vulnerabilities')}</p>
      <ChoiceList
        name="wizard-vulnerabilities"
        legend={t('wizard.q.vulnerabilities')}
        hideLegend
        multiple
        choices={choicesOf(p, 'vulnerability', false)}
        value={p.values.vulnerabilities}
        onChange={(code, on) => {
          const next = on
            ? [...p.values.vulnerabilities, code]
            : p.values.vulnerabilities.filter((c) => c !== code);
          p.set(
            'vulnerabilities',
            order.filter((c) => next.includes(c)),
          );
        }}
        error={p.issue('complainant.vulnerabilities')}
      />
    </>
  );
}
