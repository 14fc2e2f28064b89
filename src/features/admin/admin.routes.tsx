import { type Context, Hono } from 'hono';
import { type AppEnv, requestDeps } from '../../app-deps.ts';
import { AppError } from '../../lib/errors.ts';
import { Refusal } from '../../lib/refusal.ts';
import { fieldErrorsFor, parseForm } from '../../web/form.ts';
import { translate } from '../../web/i18n/message-key.ts';
import type { Messages } from '../../web/i18n/messages.ts';
import { renderPage } from '../../web/render.tsx';
import { findPerson } from '../accounts/people.queries.ts';
import { requirePermission, signedInViewer } from '../auth/guards.tsx';
import { identityMethod } from '../auth/identity-method.ts';
import { canAdministerAccounts, canViewAuditLog } from '../auth/permissions.ts';
import {
  auditLogQuery,
  controlIds,
  emptyForm,
  groupForm,
  idText,
  inviteForm,
  membershipForm,
  peopleQuery,
} from './admin.forms.ts';
import {
  findAllGroups,
  findAllOrganisations,
  findAuditEntries,
  findPeople,
  findPersonDetails,
} from './admin.queries.ts';
import {
  addToGroup,
  disablePerson,
  enablePerson,
  invitePerson,
  removeFromGroup,
  removeMembership,
  setMembership,
} from './admin.service.ts';
import { AuditLogPage } from './views/audit-log-page.tsx';
import { InvitePage, type InviteValues } from './views/invite-page.tsx';
import { PeopleList } from './views/people-list.tsx';
import { PersonPage, type PersonPageProps } from './views/person-page.tsx';

/** Administration: people, their roles and groups, invitations and the audit log. Administrators only. */
export const adminRoutes = new Hono<AppEnv>();

const administrators = requirePermission(canAdministerAccounts);

adminRoutes.get('/admin', administrators, async (c) => {
  const text = c.var.t.admin;
  const parsed = peopleQuery.safeParse({ q: c.req.query('q'), sida: c.req.query('sida') });
  if (!parsed.success) {
    const queryIssue = parsed.error.issues.find((issue) => issue.path[0] === 'q');
    if (!queryIssue) throw new AppError('BAD_REQUEST', 'people page number');
    return renderPage(c, {
      title: text.people.title,
      status: 422,
      children: (
        <PeopleList
          query={c.req.query('q') ?? ''}
          page={1}
          result={{ total: 0, people: [] }}
          error={translate(c.var.t, queryIssue.message)}
        />
      ),
    });
  }
  const { q, sida } = parsed.data;
  const result = await findPeople(c.get('deps').db, { q, page: sida });
  return renderPage(c, {
    title: text.people.title,
    children: <PeopleList query={q} page={sida} result={result} />,
  });
});

adminRoutes.get('/admin/bjud-in', administrators, async (c) => {
  const organisations = await findAllOrganisations(c.get('deps').db);
  return renderPage(c, {
    title: c.var.t.admin.invite.title,
    children: <InvitePage organisations={organisations} />,
  });
});

adminRoutes.post('/admin/bjud-in', administrators, async (c) => {
  const input = await parseForm(c, inviteForm);
  if (!input.ok) return renderInvite(c, inviteValues(input.form.values), input.form.errors);
  const values = inviteValues(input.values);
  const { name, email, organisationId, role } = input.data;
  if (organisationId !== '' && role === '')
    return renderInvite(c, values, { role: c.var.t.admin.refused.roleMissing });
  try {
    const personId = await invitePerson(requestDeps(c), signedInViewer(c), {
      name,
      email,
      membership: organisationId !== '' && role !== '' ? { organisationId, role } : null,
    });
    return c.redirect(`/admin/personer/${personId}?klart=invited`, 303);
  } catch (error) {
    const errors = fieldErrorsFor(c, error);
    // Already invited: the refusal names the person, so the form can link to them.
    const existingId = error instanceof Refusal ? Number(error.params?.personId ?? 0) : 0;
    const existing = existingId ? await findPerson(c.get('deps').db, existingId) : undefined;
    return renderInvite(
      c,
      values,
      errors,
      existing ? { id: existing.id, name: existing.name || existing.email || '' } : undefined,
    );
  }
});

function inviteValues(fields: Partial<Record<string, string>>): InviteValues {
  return {
    name: fields.name ?? '',
    email: fields.email ?? '',
    organisationId: fields.organisationId ?? '',
    role: fields.role ?? '',
  };
}

async function renderInvite(
  c: Context<AppEnv>,
  values: InviteValues,
  errors: Partial<Record<string, string>>,
  existing?: { id: number; name: string } | undefined,
) {
  const organisations = await findAllOrganisations(c.get('deps').db);
  return renderPage(c, {
    title: c.var.t.admin.invite.title,
    status: 422,
    children: (
      <InvitePage
        organisations={organisations}
        values={values}
        errors={errors}
        {...(existing ? { existing } : {})}
      />
    ),
  });
}

adminRoutes.get('/admin/logg', requirePermission(canViewAuditLog), async (c) => {
  const text = c.var.t.admin;
  const parsed = auditLogQuery.safeParse({
    handling: c.req.query('handling'),
    person: c.req.query('person'),
    sida: c.req.query('sida'),
  });
  const { db } = c.get('deps');
  if (!parsed.success) {
    const actionIssue = parsed.error.issues.find((issue) => issue.path[0] === 'handling');
    if (!actionIssue || parsed.error.issues.length > 1) throw new AppError('BAD_REQUEST', 'audit log query');
    return renderPage(c, {
      title: text.log.title,
      status: 422,
      children: (
        <AuditLogPage
          action=""
          person={null}
          page={1}
          entries={[]}
          total={0}
          error={translate(c.var.t, actionIssue.message)}
        />
      ),
    });
  }
  const { handling, person: personId, sida } = parsed.data;
  const person = personId === '' ? undefined : await findPerson(db, personId);
  if (personId !== '' && !person) throw new AppError('NOT_FOUND', `audit log person ${personId}`);
  const { entries, total } = await findAuditEntries(db, {
    ...(handling ? { action: handling } : {}),
    ...(person ? { personId: person.id } : {}),
    page: sida,
  });
  return renderPage(c, {
    title: text.log.title,
    children: (
      <AuditLogPage action={handling} person={person ?? null} page={sida} entries={entries} total={total} />
    ),
  });
});

/** The person id in the path; anything but a plain id is a page that does not exist. */
function personIdOf(c: Context<AppEnv>): number {
  const id = idText.safeParse(c.req.param('id'));
  if (!id.success) throw new AppError('NOT_FOUND', 'person id');
  return id.data;
}

function numericParam(c: Context<AppEnv>, name: string): number {
  const id = idText.safeParse(c.req.param(name));
  if (!id.success) throw new AppError('NOT_FOUND', `${name} in path`);
  return id.data;
}

adminRoutes.get('/admin/personer/:id', administrators, async (c) => {
  const done = c.req.query('klart') ?? '';
  const doneMessages: Record<string, string> = c.var.t.admin.done;
  return renderPerson(c, personIdOf(c), {
    notice: Object.hasOwn(doneMessages, done) ? doneMessages[done] : undefined,
  });
});

async function renderPerson(
  c: Context<AppEnv>,
  personId: number,
  extra: Pick<PersonPageProps, 'notice' | 'errors' | 'values'>,
  status: 200 | 422 = 200,
) {
  const { db, config } = c.get('deps');
  const person = await findPerson(db, personId);
  if (!person) throw new AppError('NOT_FOUND', `person ${personId}`);
  const [details, organisations, groups] = await Promise.all([
    findPersonDetails(db, personId),
    findAllOrganisations(db),
    findAllGroups(db),
  ]);
  const issuerName = (issuer: string) => identityMethod(c.var.t, issuer, config.oidcProviders);
  return renderPage(c, {
    title: person.name || person.email || c.var.t.admin.unnamed,
    status,
    children: (
      <PersonPage
        person={person}
        details={details}
        issuerName={issuerName}
        organisations={organisations}
        groups={groups}
        isViewer={signedInViewer(c).personId === personId}
        {...extra}
      />
    ),
  });
}

const addFormControls = [controlIds.newOrganisation, controlIds.newRole, controlIds.newGroup];

/**
 * Runs a change and answers with a redirect to the person page and its status message, or, when the
 * rules refuse it, with the page again and the message next to the control it concerns.
 */
async function change(
  c: Context<AppEnv>,
  personId: number,
  done: keyof Messages['admin']['done'],
  run: () => Promise<void>,
  values: NonNullable<PersonPageProps['values']> = {},
) {
  try {
    await run();
  } catch (error) {
    const errors = fieldErrorsFor(c, error);
    // What was chosen is kept in the add forms only; a refused row keeps showing the stored role.
    const inAddForm = Object.keys(errors).some((field) => addFormControls.includes(field));
    return renderPerson(c, personId, { errors, values: inAddForm ? values : {} }, 422);
  }
  return c.redirect(`/admin/personer/${personId}?klart=${done}`, 303);
}

/** Reads a form that is only a button: any field in it is a bad request. */
async function readButtonForm(c: Context<AppEnv>): Promise<void> {
  await parseForm(c, emptyForm);
}

adminRoutes.post('/admin/personer/:id/medlemskap', administrators, async (c) => {
  const personId = personIdOf(c);
  const input = await parseForm(c, membershipForm);
  const fields = input.ok ? input.values : input.form.values;
  const values = { organisationId: fields.organisationId ?? '', role: fields.role ?? '' };
  if (!input.ok) {
    const { errors } = input.form;
    return renderPerson(
      c,
      personId,
      {
        errors: {
          ...(errors.organisationId ? { [controlIds.newOrganisation]: errors.organisationId } : {}),
          ...(errors.role ? { [controlIds.newRole]: errors.role } : {}),
        },
        values,
      },
      422,
    );
  }
  return change(
    c,
    personId,
    'roleSaved',
    () => setMembership(c.get('deps'), signedInViewer(c), { personId, ...input.data }),
    values,
  );
});

adminRoutes.post('/admin/personer/:id/medlemskap/:organisationId/ta-bort', administrators, async (c) => {
  const personId = personIdOf(c);
  const organisationId = numericParam(c, 'organisationId');
  await readButtonForm(c);
  return change(c, personId, 'membershipRemoved', () =>
    removeMembership(c.get('deps'), signedInViewer(c), { personId, organisationId }),
  );
});

adminRoutes.post('/admin/personer/:id/grupper', administrators, async (c) => {
  const personId = personIdOf(c);
  const input = await parseForm(c, groupForm);
  const values = { groupId: (input.ok ? input.values : input.form.values).groupId ?? '' };
  if (!input.ok) {
    return renderPerson(
      c,
      personId,
      { errors: { [controlIds.newGroup]: c.var.t.admin.refused.groupMissing }, values },
      422,
    );
  }
  return change(
    c,
    personId,
    'groupAdded',
    () => addToGroup(c.get('deps'), signedInViewer(c), { personId, groupId: input.data.groupId }),
    values,
  );
});

adminRoutes.post('/admin/personer/:id/grupper/:groupId/ta-bort', administrators, async (c) => {
  const personId = personIdOf(c);
  const groupId = numericParam(c, 'groupId');
  await readButtonForm(c);
  return change(c, personId, 'groupRemoved', () =>
    removeFromGroup(c.get('deps'), signedInViewer(c), { personId, groupId }),
  );
});

adminRoutes.post('/admin/personer/:id/stang-av', administrators, async (c) => {
  const personId = personIdOf(c);
  await readButtonForm(c);
  return change(c, personId, 'disabled', () => disablePerson(c.get('deps'), signedInViewer(c), personId));
});

adminRoutes.post('/admin/personer/:id/aktivera', administrators, async (c) => {
  const personId = personIdOf(c);
  await readButtonForm(c);
  return change(c, personId, 'enabled', () => enablePerson(c.get('deps'), signedInViewer(c), personId));
});
