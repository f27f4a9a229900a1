import type { ReactNode } from 'react';
import { useT } from '../../i18n/i18n';
import type { StepProps } from './step-props';
import type { StepId } from './wizard-model';

function Row(props: { label: string; step: StepId; goTo: (s: StepId) => void; children: ReactNode }) {
  const { t } = useT();
  return (
    <div className="summary-row">
      <dt>{props.label}</dt>
      <dd>
        <span className="pre-wrap">{props.children}</span>
        <button
          type="button"
          className="btn btn-link p-0 ms-2"
          onClick={() => props.goTo(props.step)}
          aria-label={`${t('summary.edit')} : ${props.label}`}
        >
          {t('summary.edit')}
        </button>
      </dd>
    </div>
  );
}

/** Everything entered, each with a way back to its step; the save button is the wizard's. */
export function SummaryStep(p: StepProps) {
  const { t } = useT();
  const v = p.values;
  const ref = p.reference;
  const dash = t('common.notSpecified');
  const photos = p.files.filter((f) => f.kind === 'photo').length;
  const recordings = p.files.filter((f) => f.kind === 'audio').length;
  const who = v.anonymous
    ? t('field.anonymous')
    : [v.name, v.phone, v.whatsapp, v.email].filter((s) => s.trim()).join(' · ') || dash;
  const profile = [
    t(`field.kind.${v.kind}`) + (v.kind !== 'individual' && v.groupSize ? ` (${v.groupSize})` : ''),
    v.gender && ref.label('gender', v.gender),
    v.ageGroup && ref.label('age_group', v.ageGroup),
    ...v.vulnerabilities.map((c) => ref.label('vulnerability', c)),
  ].filter(Boolean);
  const when = [
    v.incidentDate || dash,
    v.ongoing && t('field.ongoing'),
    v.recurring && t('field.recurring'),
  ].filter(Boolean);
  const where = [
    v.village ? v.village.name + (v.village.context ? ` (${v.village.context})` : '') : dash,
    v.latitude && v.longitude && `${v.latitude}, ${v.longitude}`,
    v.placeDescription,
  ].filter(Boolean);

  return (
    <dl className="field-summary-list">
      <Row label={t('case.type')} step="type" goTo={p.goTo}>
        {ref.label('type', v.type)}
      </Row>
      <Row label={t('case.category')} step="category" goTo={p.goTo}>
        {ref.label('category', v.category)}
      </Row>
      <Row label={t('case.channel')} step="channel" goTo={p.goTo}>
        {ref.label('channel', v.channel)}
      </Row>
      <Row label={t('summary.complainant')} step={v.anonymous ? 'identity' : 'contact'} goTo={p.goTo}>
        {who}
      </Row>
      <Row label={t('wizard.q.profile')} step="profile" goTo={p.goTo}>
        {profile.join(' · ')}
      </Row>
      {(v.preferredLanguage || v.onBehalfOf) && (
        <Row label={t('wizard.q.language')} step="language" goTo={p.goTo}>
          {[v.preferredLanguage, v.onBehalfOf].filter(Boolean).join(' · ')}
        </Row>
      )}
      <Row label={t('case.description')} step="description" goTo={p.goTo}>
        {v.description || dash}
      </Row>
      <Row label={t('summary.when')} step="incident" goTo={p.goTo}>
        {when.join(' · ')}
      </Row>
      <Row label={t('summary.where')} step="village" goTo={p.goTo}>
        {where.join(' · ')}
      </Row>
      {v.subprojectRef && (
        <Row label={t('case.subproject')} step="subproject" goTo={p.goTo}>
          {v.subprojectRef}
        </Row>
      )}
      <Row label={t('case.attachments')} step={photos ? 'photos' : 'audio'} goTo={p.goTo}>
        {t('summary.files', { photos, recordings })}
      </Row>
    </dl>
  );
}
