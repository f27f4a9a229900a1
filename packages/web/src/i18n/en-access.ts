import type { frAccess } from './fr-access';

export const enAccess: Record<keyof typeof frAccess, string> = {
  'publication.summaryOnly': 'You see the published summary of this case, not its original description.',
  'event.person': 'Person: {name}',
  'event.referralService': 'Service: {service}',
  'event.republished': 'Summary corrected',
  'validation.user_cannot_be_added':
    'This person cannot be added: an active account handling complaints in the area is needed.',
  'validation.outcome_before_referral': 'The outcome cannot come before the referral.',
};
