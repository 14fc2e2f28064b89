import { type ApiResource, registered } from './api-resource.ts';
import { activitiesResource } from './resources/activities.resource.ts';
import { agreementsResource } from './resources/agreements.resource.ts';
import { annualReportsResource } from './resources/annual-reports.resource.ts';
import { briefsResource } from './resources/briefs.resource.ts';
import { decisionsResource } from './resources/decisions.resource.ts';
import { focusAreasResource } from './resources/focus-areas.resource.ts';
import { goalsResource } from './resources/goals.resource.ts';
import { groupsResource } from './resources/groups.resource.ts';
import { indicatorsResource } from './resources/indicators.resource.ts';
import { meetingActionsResource } from './resources/meeting-actions.resource.ts';
import { meetingsResource } from './resources/meetings.resource.ts';
import { organisationsResource } from './resources/organisations.resource.ts';
import { placementCapacitiesResource } from './resources/placement-capacities.resource.ts';

/**
 * Every kind of public record in the open data, in the order the API document and the data catalogue list
 * them. A public record type that is in none of these fails tests/open-data-completeness.test.ts.
 */
export const API_RESOURCES: readonly ApiResource[] = [
  registered(organisationsResource),
  registered(agreementsResource),
  registered(focusAreasResource),
  registered(groupsResource),
  registered(activitiesResource),
  registered(briefsResource),
  registered(placementCapacitiesResource),
  registered(meetingsResource),
  registered(decisionsResource),
  registered(meetingActionsResource),
  registered(goalsResource),
  registered(indicatorsResource),
  registered(annualReportsResource),
];
