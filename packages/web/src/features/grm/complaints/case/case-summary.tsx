import { formatTrackingCode } from '@coso/domain';
import { type ReactNode, useState } from 'react';
import type { Complaint, RevealedIdentity } from '../../../../api/complaint-types';
import { useI18n } from '../../../../i18n/i18n-context';
import { Card } from '../../../../ui/card';
import { useAncestry } from '../../../geo/unit-context';
import { useGeoLevels } from '../../../geo/use-geo-levels';
import { SensitiveBadge, StatusBadge } from '../badges';
import type { Reference } from '../use-reference';
import { CaseDeadlines } from './case-deadlines';
import { RevealIdentityButton } from './reveal-identity';

function Row({ label, children, stacked }: { label: string; children: ReactNode; stacked?: boolean }) {
  // Stacked in narrow cards: the label above its value rather than squeezed beside it.
  return stacked ? (
    <>
      <dt className="col-12 small text-secondary fw-normal">{label}</dt>
      <dd className="col-12 mb-2">{children}</dd>
    </>
  ) : (
    <>
      <dt className="col-sm-5 col-xl-4">{label}</dt>
      <dd className="col-sm-7 col-xl-8">{children}</dd>
    </>
  );
}

/** The case at a glance: identification, classification, place, handling and dates. */
export function CaseSummary({ complaint: c, reference }: { complaint: Complaint; reference: Reference }) {
  const { t, formatDate } = useI18n();
  const { levelLabel } = useGeoLevels();
  const ancestry = useAncestry(c.village.id);
  return (
    <Card title={t('case.summary')} outline="primary">
      <dl className="row mb-0">
        <Row label={t('complaint.trackingCode')}>
          <span className="font-monospace fw-semibold fs-5">{formatTrackingCode(c.trackingCode)}</span>
        </Row>
        <Row label={t('complaint.reference')}>{c.reference}</Row>
        <Row label={t('complaint.status')}>
          <StatusBadge status={c.status} />
          {c.closureOutcome && <span className="ms-2">({t(`outcome.${c.closureOutcome}`)})</span>}
        </Row>
        <Row label={t('complaint.type')}>{reference.label('types', c.type)}</Row>
        <Row label={t('complaint.category')}>
          {reference.label('categories', c.category)} {c.sensitive && <SensitiveBadge />}
        </Row>
        <Row label={t('complaint.channel')}>{reference.label('channels', c.channel)}</Row>
        <Row label={t('complaint.village')}>
          {c.village.name}
          {ancestry && <span className="text-secondary"> — {ancestry}</span>}
        </Row>
        {c.placeDescription && <Row label={t('complaint.placeDescription')}>{c.placeDescription}</Row>}
        {c.latitude !== null && c.longitude !== null && (
          <Row label={t('case.gps')}>
            {c.latitude}, {c.longitude}
          </Row>
        )}
        <Row label={t('complaint.handlingLevel')}>{levelLabel(c.handlingLevel)}</Row>
        <Row label={t('complaint.assignee')}>
          {c.assignee?.displayName ?? <span className="text-secondary">{t('complaint.unassigned')}</span>}
        </Row>
        {c.escalationCount > 0 && <Row label={t('complaint.escalations')}>{c.escalationCount}</Row>}
        {c.appealCount > 0 && <Row label={t('complaint.appeals')}>{c.appealCount}</Row>}
        {c.deadlines.length > 0 && (
          <Row label={t('case.deadlines')}>
            <CaseDeadlines deadlines={c.deadlines} />
          </Row>
        )}
        <Row label={t('complaint.receivedAt')}>{formatDate(c.receivedAt)}</Row>
        <Row label={t('complaint.acknowledgedAt')}>{formatDate(c.acknowledgedAt)}</Row>
        <Row label={t('complaint.resolutionProposedAt')}>{formatDate(c.resolutionProposedAt)}</Row>
        <Row label={t('complaint.closedAt')}>{formatDate(c.closedAt)}</Row>
        {c.incidentDate && <Row label={t('complaint.incidentDate')}>{formatDate(c.incidentDate, true)}</Row>}
        {(c.ongoing || c.recurring) && (
          <Row label={t('case.pattern')}>
            {[c.ongoing && t('complaint.ongoing'), c.recurring && t('complaint.recurring')]
              .filter(Boolean)
              .join(' · ')}
          </Row>
        )}
        {c.subprojectRef && <Row label={t('complaint.subprojectRef')}>{c.subprojectRef}</Row>}
        {c.satisfaction !== null && <Row label={t('complaint.satisfaction')}>{`${c.satisfaction} / 5`}</Row>}
        <Row label={t('complaint.recordedBy')}>{c.recordedBy?.displayName ?? '—'}</Row>
      </dl>
    </Card>
  );
}

/** Who complained: anonymous, confidential (identity withheld by the server) or the identity itself. */
export function ComplainantCard({ complaint: c, reference }: { complaint: Complaint; reference: Reference }) {
  const { t } = useI18n();
  const p = c.complainant;
  // A revealed identity lives here only (never stored), and only for the case it was revealed for.
  const [revealed, setRevealed] = useState<{ id: string; identity: RevealedIdentity } | null>(null);
  const revealedIdentity = revealed?.id === c.id ? revealed.identity : null;
  const identity = revealedIdentity ?? (!p.anonymous && p.name !== undefined ? p : null);
  const shown = identity !== null;
  const contact: Array<[string, string | null | undefined]> = [
    [t('intake.phone'), identity?.phone],
    [t('intake.email'), identity?.email],
    [t('intake.whatsapp'), identity?.whatsapp],
    [t('intake.postalAddress'), identity?.postalAddress],
  ];
  return (
    <Card title={t('case.complainant')}>
      <dl className="row mb-0">
        <Row stacked label={t('intake.identity')}>
          {p.anonymous && t('intake.anonymous')}
          {!p.anonymous && !shown && (
            <>
              <span className="badge text-bg-dark fw-normal">{t('case.confidential')}</span>
              <div className="small text-secondary">{t('case.confidentialHint')}</div>
              {p.revealable && (
                <RevealIdentityButton
                  complaintId={c.id}
                  onRevealed={(found) => setRevealed({ id: c.id, identity: found })}
                />
              )}
            </>
          )}
          {shown && <strong>{identity.name ?? '—'}</strong>}
          {revealedIdentity && <div className="small text-secondary">{t('reveal.shown')}</div>}
        </Row>
        {shown &&
          contact
            .filter(([, value]) => value)
            .map(([label, value]) => (
              <Row key={label} stacked label={label}>
                {value}
              </Row>
            ))}
        <Row stacked label={t('intake.kind')}>
          {t(`complainantKind.${p.kind}`)}
          {p.groupSize !== null && ` (${p.groupSize})`}
        </Row>
        <Row stacked label={t('complaint.gender')}>
          {reference.label('genders', p.gender)}
        </Row>
        <Row stacked label={t('complaint.ageGroup')}>
          {reference.label('ageGroups', p.ageGroup)}
        </Row>
        <Row stacked label={t('complaint.vulnerabilities')}>
          {p.vulnerabilities.length
            ? p.vulnerabilities.map((v) => reference.label('vulnerabilityGroups', v)).join(', ')
            : '—'}
        </Row>
        {p.preferredLanguage && (
          <Row stacked label={t('intake.preferredLanguage')}>
            {p.preferredLanguage}
          </Row>
        )}
        {p.onBehalfOf && (
          <Row stacked label={t('intake.onBehalfOf')}>
            {p.onBehalfOf}
          </Row>
        )}
      </dl>
    </Card>
  );
}
