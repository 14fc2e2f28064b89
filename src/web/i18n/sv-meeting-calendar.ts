/**
 * The words in calendar events and feeds (src/features/meetings/icalendar.ts): what a calendar client
 * shows of a meeting, in the description since clients ignore the URL property.
 */
export const meetingCalendarText = {
  meetingPage: 'Mötets sida',
  videoLink: 'Videolänk',
  place: 'Plats',
  agenda: 'Dagordning',
  cancelled: 'INSTÄLLT',
  cancelledReason: 'Mötet är inställt',
  groupFeedName: (group: string) => `${group}: möten`,
  personalFeedName: 'Mina möten (Samverkan med akademierna)',
  feedDescription: 'Möten i Huddinge kommuns samverkan med akademierna.',
};
