import type { frDeadlines, frNotifications } from './fr-deadlines';

/** English of `frDeadlines`: exactly its keys (a missing or extra key is a type error). */
export const enDeadlines: Record<keyof typeof frDeadlines, string> = {
  'nav.grmDeadlines': 'Calendar and deadlines',
  'deadlines.title': 'Calendar and deadlines',
  'deadlines.holidays.title': 'Public holidays',
  'deadlines.holidays.year': 'Year',
  'deadlines.holidays.help':
    "Togo's fixed holidays and the Easter-derived ones are computed; add the Muslim feasts (Tabaski, end of Ramadan, Maouloud) and exceptional closures every year.",
  'deadlines.holidays.date': 'Date',
  'deadlines.holidays.label': 'Label',
  'deadlines.holidays.labelFr': 'Label (French)',
  'deadlines.holidays.labelEn': 'Label (English)',
  'deadlines.holidays.source': 'Source',
  'deadlines.holidays.computed': 'Computed',
  'deadlines.holidays.entered': 'Entered',
  'deadlines.holidays.kind': 'Kind',
  'deadlines.holidays.movable': 'Movable feast (date set every year)',
  'deadlines.holidays.fixed': 'One-off closure',
  'deadlines.holidays.kindHelp': 'Deadlines of open cases are recomputed at their next step.',
  'deadlines.holidays.add': 'Add a public holiday',
  'deadlines.holidays.deleteTitle': 'Delete this holiday?',
  'deadlines.holidays.deleteMessage': '{date} will be a working day again.',
  'deadlines.sla.title': 'Deadlines in business days',
  'deadlines.sla.help':
    'The most specific row applies: level and category, then level only, then category only, then the default row.',
  'deadlines.sla.add': 'Add a deadline rule',
  'deadlines.sla.edit': 'Edit the deadline rule',
  'deadlines.sla.level': 'Level',
  'deadlines.sla.category': 'Category',
  'deadlines.sla.any': 'All',
  'deadlines.sla.acknowledgeDays': 'Acknowledgment',
  'deadlines.sla.resolveDays': 'Resolution',
  'deadlines.sla.answerDays': "Complainant's answer",
  'deadlines.sla.appealDays': 'Appeal handling',
  'deadlines.sla.reminderDays': 'Reminder before due date',
  'deadlines.sla.answerLapse': 'No answer',
  'deadlines.sla.answerLapseLong': 'When the complainant has not answered the proposal in time',
  'deadlines.sla.answerLapse.flag': 'Flag “no answer” (the case stays open)',
  'deadlines.sla.answerLapse.close': 'Close the case “no answer”',
  'deadlines.sla.autoEscalate': 'Auto escalation',
  'deadlines.sla.autoEscalateLong': 'Escalate to the next level automatically when the deadline is breached',
  'deadlines.sla.daysInvalid': 'A whole number of days (0 to 365 for the reminder, 1 to 365 otherwise).',
};

/** English of `frNotifications`. */
export const enNotifications: Record<keyof typeof frNotifications, string> = {
  'notifications.title': 'Notifications',
  'notifications.unreadLabel': 'Notifications: {n} unread',
  'notifications.list': 'My notifications',
  'notifications.unreadOnly': 'Unread only',
  'notifications.empty': 'No notifications.',
  'notifications.new': 'New',
  'notifications.openCase': 'Open the case',
  'notifications.markRead': 'Mark as read',
  'notifications.readAll': 'Mark all as read',
};
