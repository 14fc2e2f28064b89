import { and, eq, isNotNull, isNull, ne } from 'drizzle-orm';
import type { AppDeps, RequestDeps } from '../../app-deps.ts';
import type { DbOrTx } from '../../db/client.ts';
import { AppError } from '../../lib/errors.ts';
import { Refusal } from '../../lib/refusal.ts';
import type { Messages } from '../../web/i18n/messages.ts';
import { memberships, people, personIdentities, type Role } from '../accounts/accounts.table.ts';
import { countActiveAdministrators, lockAdministrators } from '../accounts/administrators.ts';
import { findIdentityHolder, findPerson } from '../accounts/people.queries.ts';
import { recordAudit } from '../auth/audit.ts';
import { EMAIL_LINK_ISSUER } from '../auth/identities.tsx';
import type { Viewer } from '../auth/permissions.ts';
import { endAllSessions } from '../auth/sessions.ts';
import { normaliseEmail, sendInvitation } from '../auth/sign-in-links.service.ts';
import { groupMemberships } from '../groups/groups.table.ts';
import { controlIds } from './admin.forms.ts';
import { findGroupName, findOrganisationName } from './admin.queries.ts';

type Deps = Pick<AppDeps, 'db' | 'clock' | 'config'>;
type Actor = Pick<Viewer, 'personId' | 'name' | 'email'>;

/**
 * A change the rules do not allow, with the control its message belongs next to. Thrown inside the
 * transaction, so nothing of the change is kept.
 */
function refuse(reason: keyof Messages['admin']['refused'], field: string): Refusal {
  return new Refusal(`admin.refused.${reason}`, { field });
}

/**
 * A person with this e-mail-link identity already exists; the invitation would make a second one. The
 * refusal names that person, so the form can link to them.
 */
export function alreadyInvited(personId: number): Refusal {
  return new Refusal('admin.invite.alreadyInvited', { field: 'email', params: { personId } });
}

/**
 * Changes that can take the administrator role away (role changes, removals, disabling) take
 * `lockAdministrators` first and end with this check, so two administrators demoting or disabling each
 * other at once cannot both succeed and leave the platform without one.
 */
async function ensureAdministratorLeft(tx: DbOrTx, field: string): Promise<void> {
  if ((await countActiveAdministrators(tx)) === 0) throw refuse('noAdministratorLeft', field);
}

async function requirePerson(tx: DbOrTx, personId: number) {
  const person = await findPerson(tx, personId);
  // An erased person is a tombstone kept for the audit log: nothing more is done to it.
  if (!person || person.erasedAt) throw new AppError('NOT_FOUND', `person ${personId}`);
  return person;
}

/** The actor's administrator roles in other organisations than `organisationId`. */
async function otherAdministratorRoles(tx: DbOrTx, personId: number, organisationId: number) {
  const rows = await tx
    .select({ organisationId: memberships.organisationId })
    .from(memberships)
    .where(
      and(
        eq(memberships.personId, personId),
        eq(memberships.role, 'administrator'),
        ne(memberships.organisationId, organisationId),
      ),
    );
  return rows.length;
}

/** Whether this change would take the actor's own last administrator role away. */
async function losesOwnLastAdministratorRole(
  tx: DbOrTx,
  actor: Actor,
  personId: number,
  organisationId: number,
  current: Role | undefined,
  next: Role | null,
): Promise<boolean> {
  if (personId !== actor.personId || current !== 'administrator' || next === 'administrator') return false;
  return (await otherAdministratorRoles(tx, personId, organisationId)) === 0;
}

/** Gives the person a role in an organisation, or changes the role they have there. */
export async function setMembership(
  deps: Deps,
  actor: Actor,
  change: { personId: number; organisationId: number; role: Role },
): Promise<void> {
  const now = deps.clock.now();
  await deps.db.transaction(async (tx) => {
    await lockAdministrators(tx);
    await requirePerson(tx, change.personId);
    const organisation = await findOrganisationName(tx, change.organisationId);
    if (organisation === undefined) throw refuse('organisationMissing', controlIds.newOrganisation);
    const [current] = await tx
      .select({ role: memberships.role })
      .from(memberships)
      .where(
        and(eq(memberships.personId, change.personId), eq(memberships.organisationId, change.organisationId)),
      );
    if (current?.role === change.role) return;
    // A refusal is shown at the role the person has there, or at the add form for a new membership.
    const field = current ? controlIds.role(change.organisationId) : controlIds.newRole;
    if (
      await losesOwnLastAdministratorRole(
        tx,
        actor,
        change.personId,
        change.organisationId,
        current?.role,
        change.role,
      )
    )
      throw refuse('ownLastAdminRole', field);
    await tx
      .insert(memberships)
      .values({ personId: change.personId, organisationId: change.organisationId, role: change.role })
      .onConflictDoUpdate({
        target: [memberships.personId, memberships.organisationId],
        set: { role: change.role },
      });
    await recordAudit(tx, now, {
      action: 'membership_granted',
      actorPersonId: actor.personId,
      subjectPersonId: change.personId,
      detail: { organisation, role: change.role, ...(current ? { previousRole: current.role } : {}) },
    });
    await ensureAdministratorLeft(tx, field);
  });
}

export async function removeMembership(
  deps: Deps,
  actor: Actor,
  change: { personId: number; organisationId: number },
): Promise<void> {
  const field = controlIds.role(change.organisationId);
  const now = deps.clock.now();
  await deps.db.transaction(async (tx) => {
    await lockAdministrators(tx);
    await requirePerson(tx, change.personId);
    const where = and(
      eq(memberships.personId, change.personId),
      eq(memberships.organisationId, change.organisationId),
    );
    const [current] = await tx.select({ role: memberships.role }).from(memberships).where(where);
    // Already gone (a second click, or another administrator was first): nothing to do or log.
    if (!current) return;
    if (
      await losesOwnLastAdministratorRole(
        tx,
        actor,
        change.personId,
        change.organisationId,
        current.role,
        null,
      )
    )
      throw refuse('ownLastAdminRole', field);
    await tx.delete(memberships).where(where);
    await recordAudit(tx, now, {
      action: 'membership_revoked',
      actorPersonId: actor.personId,
      subjectPersonId: change.personId,
      detail: {
        organisation: (await findOrganisationName(tx, change.organisationId)) ?? change.organisationId,
        role: current.role,
      },
    });
    await ensureAdministratorLeft(tx, field);
  });
}

export async function addToGroup(
  deps: Deps,
  actor: Actor,
  change: { personId: number; groupId: number },
): Promise<void> {
  const now = deps.clock.now();
  await deps.db.transaction(async (tx) => {
    await requirePerson(tx, change.personId);
    const group = await findGroupName(tx, change.groupId);
    if (group === undefined) throw refuse('groupMissing', controlIds.newGroup);
    const added = await tx
      .insert(groupMemberships)
      .values({ personId: change.personId, groupId: change.groupId })
      .onConflictDoNothing()
      .returning({ groupId: groupMemberships.groupId });
    if (added.length === 0) return;
    await recordAudit(tx, now, {
      action: 'group_membership_granted',
      actorPersonId: actor.personId,
      subjectPersonId: change.personId,
      detail: { group },
    });
  });
}

export async function removeFromGroup(
  deps: Deps,
  actor: Actor,
  change: { personId: number; groupId: number },
): Promise<void> {
  const now = deps.clock.now();
  await deps.db.transaction(async (tx) => {
    await requirePerson(tx, change.personId);
    const removed = await tx
      .delete(groupMemberships)
      .where(
        and(eq(groupMemberships.personId, change.personId), eq(groupMemberships.groupId, change.groupId)),
      )
      .returning({ groupId: groupMemberships.groupId });
    if (removed.length === 0) return;
    await recordAudit(tx, now, {
      action: 'group_membership_revoked',
      actorPersonId: actor.personId,
      subjectPersonId: change.personId,
      detail: { group: (await findGroupName(tx, change.groupId)) ?? change.groupId },
    });
  });
}

/** Disables an account and ends all its sessions in the same transaction: it is out at once. */
export async function disablePerson(deps: Deps, actor: Actor, personId: number): Promise<void> {
  if (personId === actor.personId) throw refuse('selfDisable', controlIds.disable);
  const now = deps.clock.now();
  await deps.db.transaction(async (tx) => {
    await lockAdministrators(tx);
    await requirePerson(tx, personId);
    const disabled = await tx
      .update(people)
      .set({ disabledAt: now })
      .where(and(eq(people.id, personId), isNull(people.disabledAt)))
      .returning({ id: people.id });
    if (disabled.length === 0) return;
    const sessionsEnded = await endAllSessions(tx, personId);
    await recordAudit(tx, now, {
      action: 'person_disabled',
      actorPersonId: actor.personId,
      subjectPersonId: personId,
      detail: { sessionsEnded },
    });
    await ensureAdministratorLeft(tx, controlIds.disable);
  });
}

export async function enablePerson(deps: Deps, actor: Actor, personId: number): Promise<void> {
  const now = deps.clock.now();
  await deps.db.transaction(async (tx) => {
    await requirePerson(tx, personId);
    const enabled = await tx
      .update(people)
      .set({ disabledAt: null })
      .where(and(eq(people.id, personId), isNotNull(people.disabledAt)))
      .returning({ id: people.id });
    if (enabled.length === 0) return;
    await recordAudit(tx, now, {
      action: 'person_enabled',
      actorPersonId: actor.personId,
      subjectPersonId: personId,
    });
  });
}

export type Invitation = {
  name: string;
  email: string;
  /** Both or neither: a role in one organisation. */
  membership: { organisationId: number; role: Role } | null;
};

/**
 * Creates the person with an e-mail-link identity, gives the role, queues the invitation mail and logs
 * it, all in one transaction. An address that already has an e-mail-link identity is refused with
 * `alreadyInvited`, so one address never becomes two people.
 */
export async function invitePerson(
  deps: Deps & Pick<RequestDeps, 't'>,
  actor: Actor,
  invitation: Invitation,
): Promise<number> {
  const now = deps.clock.now();
  const address = normaliseEmail(invitation.email);
  return deps.db.transaction(async (tx) => {
    const holder = await findIdentityHolder(tx, EMAIL_LINK_ISSUER, address);
    if (holder !== undefined) throw alreadyInvited(holder);
    const organisation = invitation.membership
      ? await findOrganisationName(tx, invitation.membership.organisationId)
      : undefined;
    if (invitation.membership && organisation === undefined)
      throw refuse('organisationMissing', 'organisationId');
    const [person] = await tx
      .insert(people)
      .values({ name: invitation.name, email: address })
      .returning({ id: people.id });
    if (!person) throw new Error('people insert returned no row');
    // Someone signing in with a link to this address at this moment: their identity won; use theirs.
    const linked = await tx
      .insert(personIdentities)
      .values({ personId: person.id, issuer: EMAIL_LINK_ISSUER, subject: address })
      .onConflictDoNothing()
      .returning({ personId: personIdentities.personId });
    if (linked.length === 0) {
      const winner = await findIdentityHolder(tx, EMAIL_LINK_ISSUER, address);
      throw alreadyInvited(winner ?? person.id);
    }
    await recordAudit(tx, now, {
      action: 'person_invited',
      actorPersonId: actor.personId,
      subjectPersonId: person.id,
      detail: { name: invitation.name, email: address },
    });
    if (invitation.membership && organisation !== undefined) {
      await tx.insert(memberships).values({ personId: person.id, ...invitation.membership });
      await recordAudit(tx, now, {
        action: 'membership_granted',
        actorPersonId: actor.personId,
        subjectPersonId: person.id,
        detail: { organisation, role: invitation.membership.role },
      });
    }
    await sendInvitation(tx, deps, {
      email: address,
      inviterName: actor.name || actor.email || deps.t.admin.invite.inviterFallback,
      now,
    });
    return person.id;
  });
}
