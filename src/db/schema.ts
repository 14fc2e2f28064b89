// The one barrel file: drizzle-kit and the query builder read every table from here.
export * from '../features/accounts/accounts.table.ts';
export * from '../features/activities/activities.table.ts';
export * from '../features/agreements/agreements.table.ts';
export * from '../features/auth/oidc/oidc.table.ts';
export * from '../features/documents/documents.table.ts';
export * from '../features/feedback/feedback.table.ts';
export * from '../features/goals/goals.table.ts';
export * from '../features/groups/groups.table.ts';
export * from '../features/mail/mail.table.ts';
export * from '../features/needs/needs.table.ts';
export * from '../features/organisations/organisations.table.ts';
export * from '../features/pages/pages.table.ts';
export * from '../features/placements/placements.table.ts';
export * from '../features/proposals/proposals.table.ts';
export * from '../features/rate-limits/rate-limits.table.ts';
export * from '../features/register/register.table.ts';
export * from '../features/transfer/transfer.table.ts';
