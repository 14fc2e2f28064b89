import type { AppDeps, RequestDeps } from '../../app-deps.ts';
import type { DbOrTx } from '../../db/client.ts';
import { AppError } from '../../lib/errors.ts';
import { Refusal } from '../../lib/refusal.ts';
import { insertAtFreeSlug, slugFrom } from '../../lib/slug.ts';
import type { OrganisationChoice } from '../../web/components/organisation-options.tsx';
import type { Messages } from '../../web/i18n/messages.ts';
import { withPublicChange } from '../../web/page-cache.ts';
import {
  canAddAgreement,
  canChooseParty,
  canDeleteAgreement,
  canEditAgreement,
  canRestoreVersion,
  isCoordinator,
  type Viewer,
} from '../auth/permissions.ts';
import { listAgreementDocuments } from '../documents/documents.service.ts';
import { findOrganisationNames } from '../organisations/organisation-edits.queries.ts';
import { editorOrganisations } from '../organisations/organisation-edits.service.ts';
import { findHistory, findSnapshot } from '../register/history.queries.ts';
import { type Described, recordHistory, saveVersioned } from '../register/history.service.ts';
import {
  type AgreementColumns,
  type AgreementLinks,
  findAgreementLinks,
  findAgreementRecord,
  findAgreementSlugsLike,
  findContactChoices,
  findDeletedAgreements,
  findFocusAreaNames,
  findLiveAgreementsWithParties,
  findLiveFocusAreas,
  findOrganisationTree,
  findPeopleByIds,
  insertAgreement,
  lockAgreement,
  replaceAgreementLinks,
  updateAgreement,
} from './agreement-edits.queries.ts';
import { type AgreementValues, agreementValuesOf } from './agreements.forms.ts';
import { loadFocusAreaWorkspace } from './focus-area-edits.service.ts';

type Deps = Pick<RequestDeps, 'db' | 'clock' | 'pageCache' | 't'>;

/**
 * Editing agreements (issue 8): who may change which agreement and name which parties, every change
 * with its history in one transaction (decision 011), the parties, focus areas and contact people
 * replaced in that same transaction, optimistic locking on `version`, soft delete, restore.
 *
 * The signed agreement and its appendices are documents (src/features/documents): listed on the edit
 * page, each with its own form and history; nothing in these values changes for them.
 */

const notAllowed = () => new Refusal('auth.notAllowedBody', { status: 403 });

type Tree = { id: number; parentId: number | null }[];

/** Each organisation's chain (itself, then those above it), read from the whole tree without a query each. */
export function chainsIn(tree: Tree): (id: number) => number[] {
  const parents = new Map(tree.map((organisation) => [organisation.id, organisation.parentId]));
  return (id) => {
    const chain: number[] = [];
    let at: number | null | undefined = id;
    // The length limit only guards against a parent cycle typed into the database by hand.
    while (at !== null && at !== undefined && parents.has(at) && chain.length < 50) {
      chain.push(at);
      at = parents.get(at);
    }
    return chain;
  };
}

/** The rules of permissions.ts for one viewer, asked with organisation ids. */
function partyRules(viewer: Viewer, tree: Tree) {
  const chainOf = chainsIn(tree);
  const homeTops = editorOrganisations(viewer)
    .map((id) => chainOf(id).at(-1))
    .filter((top): top is number => top !== undefined);
  return {
    mayEdit: (parties: number[]) => canEditAgreement(viewer, parties.map(chainOf)),
    mayChoose: (party: number) => canChooseParty(viewer, chainOf(party), homeTops),
    mayDelete: (parties: number[]) => canDeleteAgreement(viewer, parties.map(chainOf), homeTops),
  };
}

function columnsOf(values: AgreementColumns): AgreementColumns {
  const { kind, title, diarienummer, signedOn, validFrom, validTo, description, visibility } = values;
  return {
    kind,
    title,
    diarienummer,
    signedOn,
    validFrom,
    validTo,
    description,
    visibility,
    internalReason: values.internalReason,
  };
}

function linksOf(values: AgreementValues): AgreementLinks {
  return { parties: values.parties, focusAreas: values.focusAreas, contacts: values.contacts };
}

/** The fields as people read them, for the history: names for ids, kinds and visibility in words. */
async function describe(db: DbOrTx, t: Messages, values: AgreementValues): Promise<Described> {
  const organisationIds = [
    ...values.parties,
    ...values.contacts.flatMap((contact) =>
      contact.organisationId === null ? [] : [contact.organisationId],
    ),
  ];
  // One after another: inside a transaction these share one connection.
  const organisationNames = await findOrganisationNames(db, [...new Set(organisationIds)]);
  const areaNames = await findFocusAreaNames(db, values.focusAreas);
  const persons = await findPeopleByIds(
    db,
    values.contacts.map((contact) => contact.personId),
  );
  return {
    kind: t.agreementKinds[values.kind],
    title: values.title,
    diarienummer: values.diarienummer ?? '',
    signedOn: values.signedOn ?? '',
    validFrom: values.validFrom ?? '',
    validTo: values.validTo ?? '',
    parties: values.parties.map((id) => organisationNames.get(id) ?? '').join(', '),
    focusAreas: values.focusAreas.map((id) => areaNames.get(id) ?? '').join(', '),
    contacts: values.contacts
      .map((contact) => {
        const name = persons.get(contact.personId)?.name ?? '';
        const party =
          contact.organisationId === null ? undefined : organisationNames.get(contact.organisationId);
        return party ? `${name} (${party})` : name;
      })
      .join(', '),
    description: values.description,
    visibility: t.agreementEdits.visibilities[values.visibility],
    internalReason: values.internalReason ?? '',
  };
}

/**
 * What the form offers this viewer: the parties they may name (and the agreement's present ones, which
 * stay whatever the viewer's right), the focus areas in the register, and the people with an account.
 */
async function loadChoices(db: DbOrTx, viewer: Viewer, present: AgreementValues | null) {
  const [tree, focusAreas, people] = await Promise.all([
    findOrganisationTree(db),
    findLiveFocusAreas(db),
    findContactChoices(db, present?.contacts.map((contact) => contact.personId) ?? []),
  ]);
  const rules = partyRules(viewer, tree);
  const kept = new Set(present?.parties ?? []);
  const organisations: OrganisationChoice[] = tree
    .filter(
      (organisation) =>
        kept.has(organisation.id) || (!organisation.deleted && rules.mayChoose(organisation.id)),
    )
    .map(({ id, name, parentId }) => ({ id, name, parentId }));
  return {
    rules,
    choices: {
      organisations,
      focusAreas: focusAreas.map(({ id, name }) => ({ id, name })),
      people: people.map((person) => ({
        id: person.id,
        label: person.organisations ? `${person.name} (${person.organisations})` : person.name,
      })),
    },
  };
}

export type AgreementChoices = Awaited<ReturnType<typeof loadChoices>>['choices'];

/** What a new agreement's form needs, for someone who may add one. */
export async function loadNewAgreement(deps: Pick<Deps, 'db'>, viewer: Viewer) {
  if (!canAddAgreement(viewer)) throw notAllowed();
  const { choices } = await loadChoices(deps.db, viewer, null);
  return { choices, coordinator: isCoordinator(viewer) };
}

/** The agreement as it is saved now: its columns and its links, in the shape the history keeps. */
async function currentValues(db: DbOrTx, agreement: AgreementColumns & { id: number }) {
  return agreementValuesOf({ ...columnsOf(agreement), ...(await findAgreementLinks(db, agreement.id)) });
}

/** An agreement and what its edit page needs, for someone who may edit it (internal ones too). */
export async function loadAgreementEditor(deps: Pick<Deps, 'db'>, viewer: Viewer, slug: string) {
  const agreement = await findAgreementRecord(deps.db, slug);
  if (!agreement || agreement.deletedAt) throw new AppError('NOT_FOUND', `agreement ${slug}`);
  const values = await currentValues(deps.db, agreement);
  const { rules, choices } = await loadChoices(deps.db, viewer, values);
  if (!rules.mayEdit(values.parties)) throw notAllowed();
  const live = new Set(choices.focusAreas.map((area) => area.id));
  return {
    agreement,
    values,
    documents: await listAgreementDocuments(deps, agreement.id),
    choices,
    coordinator: isCoordinator(viewer),
    mayDelete: rules.mayDelete(values.parties),
    /** Focus areas it prioritises that have been deleted since: kept by a save, not shown by the form. */
    keptAreas: values.focusAreas.filter((id) => !live.has(id)),
  };
}

/**
 * Checks what a save names against the viewer's rights: every new party one they may name (the form
 * offers no other, so another is a 403, as is a person the form does not offer), and, for an editor, at
 * least one party of their own, so they can still edit what they saved.
 */
async function checkChoices(
  tx: DbOrTx,
  viewer: Viewer,
  next: AgreementValues,
  present: AgreementValues | null,
) {
  const tree = await findOrganisationTree(tx);
  const rules = partyRules(viewer, tree);
  const live = new Set(
    tree.filter((organisation) => !organisation.deleted).map((organisation) => organisation.id),
  );
  const keptParties = new Set(present?.parties ?? []);
  for (const party of next.parties)
    if (!keptParties.has(party) && !(live.has(party) && rules.mayChoose(party))) throw notAllowed();
  // Taking a party off is as much that party's business as naming it: only a party the viewer may name
  // (else an editor could drop another administration and then delete the agreement).
  const nextParties = new Set(next.parties);
  for (const party of present?.parties ?? [])
    if (!nextParties.has(party) && !rules.mayChoose(party)) throw notAllowed();
  if (!rules.mayEdit(next.parties)) throw new Refusal('agreementEdits.partiesNotYours', { field: 'parties' });
  const keptPeople = new Set(present?.contacts.map((contact) => contact.personId) ?? []);
  const added = next.contacts.map((contact) => contact.personId).filter((id) => !keptPeople.has(id));
  const persons = await findPeopleByIds(tx, added);
  for (const id of added) {
    const person = persons.get(id);
    if (!person?.choosable) throw notAllowed();
  }
}

export async function createAgreement(
  deps: Deps,
  viewer: Viewer,
  values: AgreementValues,
): Promise<{ slug: string; visibility: AgreementValues['visibility'] }> {
  if (!canAddAgreement(viewer)) throw notAllowed();
  const now = deps.clock.now();
  return withPublicChange(deps, async (tx) => {
    await checkChoices(tx, viewer, values, null);
    const base = slugFrom(values.title);
    // 'ny' is the address of the form for a new agreement, never one of an agreement.
    const taken = new Set([...(await findAgreementSlugsLike(tx, base)), 'ny']);
    const { slug, row } = await insertAtFreeSlug(base, taken, (free) =>
      insertAgreement(tx, free, columnsOf(values), now),
    );
    await replaceAgreementLinks(tx, row.id, linksOf(values));
    await recordHistory(tx, {
      type: 'agreement',
      id: row.id,
      version: row.version,
      action: 'created',
      actorPersonId: viewer.personId,
      at: now,
      before: null,
      after: await describe(tx, deps.t, values),
      snapshot: values,
    });
    return { slug, visibility: values.visibility };
  });
}

/**
 * Saves the form over the version it was opened on: the agreement's columns and, in the same
 * transaction, its parties, focus areas and contact people. Unchanged values write nothing.
 */
export async function saveAgreement(
  deps: Deps,
  viewer: Viewer,
  slug: string,
  next: AgreementValues,
  expectedVersion: number,
): Promise<{ outcome: 'saved' | 'unchanged'; visibility: AgreementValues['visibility'] }> {
  const now = deps.clock.now();
  return withPublicChange(deps, async (tx) => {
    const current = await lockLiveAgreement(tx, slug);
    const present = await currentValues(tx, current);
    if (!partyRules(viewer, await findOrganisationTree(tx)).mayEdit(present.parties)) throw notAllowed();
    if (current.version === expectedVersion) await checkChoices(tx, viewer, next, present);
    const outcome = await saveVersioned(tx, {
      ...changeOf(current, viewer, now, expectedVersion),
      current: present,
      next,
      describe: (values) => describe(tx, deps.t, values),
      write: (expected) => writeAgreement(tx, current.id, expected, next, now),
    });
    return { outcome, visibility: outcome === 'saved' ? next.visibility : present.visibility };
  });
}

/** The update and, only if it went through, the links: one write of the whole agreement. */
async function writeAgreement(
  tx: DbOrTx,
  id: number,
  expected: number,
  values: AgreementValues,
  now: Date,
  extra: { deletedAt?: null } = {},
): Promise<number | undefined> {
  const version = await updateAgreement(tx, id, expected, { ...columnsOf(values), ...extra }, now);
  if (version !== undefined) await replaceAgreementLinks(tx, id, linksOf(values));
  return version;
}

/** A soft delete: gone from every page, kept with its links for the history to bring back. */
export async function deleteAgreement(
  deps: Deps,
  viewer: Viewer,
  slug: string,
  expectedVersion: number,
): Promise<void> {
  const now = deps.clock.now();
  await withPublicChange(deps, async (tx) => {
    const current = await lockLiveAgreement(tx, slug);
    const present = await currentValues(tx, current);
    if (!partyRules(viewer, await findOrganisationTree(tx)).mayDelete(present.parties)) throw notAllowed();
    await saveVersioned(tx, {
      ...changeOf(current, viewer, now, expectedVersion),
      current: present,
      next: present,
      describe: (values) => describe(tx, deps.t, values),
      write: (expected) => updateAgreement(tx, current.id, expected, { deletedAt: now }, now),
      action: 'deleted',
    });
  });
}

/** An agreement's history, for someone who may edit it; the coordinator may also restore. */
export async function loadAgreementHistory(deps: Pick<Deps, 'db'>, viewer: Viewer, slug: string) {
  const agreement = await findAgreementRecord(deps.db, slug);
  if (!agreement) throw new AppError('NOT_FOUND', `agreement ${slug}`);
  const { parties } = await findAgreementLinks(deps.db, agreement.id);
  if (!partyRules(viewer, await findOrganisationTree(deps.db)).mayEdit(parties)) throw notAllowed();
  return {
    agreement,
    entries: await findHistory(deps.db, 'agreement', agreement.id),
    mayRestore: canRestoreVersion(viewer),
  };
}

/**
 * Brings an earlier version back (the coordinator only): its values, links included, are saved as a new
 * version, and a deleted agreement is back in the register. Refused while a party of that version has
 * been deleted since, or a contact's account erased; focus areas no longer in the database are left out.
 */
export async function restoreAgreementVersion(
  deps: Deps,
  viewer: Viewer,
  slug: string,
  version: number,
): Promise<void> {
  if (!canRestoreVersion(viewer)) throw notAllowed();
  const now = deps.clock.now();
  await withPublicChange(deps, async (tx) => {
    const found = await findAgreementRecord(tx, slug);
    const current = found ? await lockAgreement(tx, found.id) : undefined;
    if (!current) throw new AppError('NOT_FOUND', `agreement ${slug}`);
    const snapshot = (await findSnapshot(tx, 'agreement', current.id, version)) as
      | Partial<AgreementValues>
      | undefined;
    if (!snapshot?.kind || !snapshot.title)
      throw new AppError('NOT_FOUND', `agreement ${slug} version ${version}`);
    const restored = agreementValuesOf({
      ...(snapshot as AgreementValues),
      parties: snapshot.parties ?? [],
      focusAreas: snapshot.focusAreas ?? [],
      contacts: snapshot.contacts ?? [],
    });
    const live = new Set(
      (await findOrganisationTree(tx)).filter((o) => !o.deleted).map((organisation) => organisation.id),
    );
    if (!restored.parties.every((party) => live.has(party)))
      throw new Refusal('agreementEdits.partyGone', { status: 409 });
    const persons = await findPeopleByIds(
      tx,
      restored.contacts.map((contact) => contact.personId),
    );
    if (
      !restored.contacts.every(
        (contact) => persons.has(contact.personId) && !persons.get(contact.personId)?.erased,
      )
    )
      throw new Refusal('agreementEdits.contactGone', { status: 409 });
    const areas = await findFocusAreaNames(tx, restored.focusAreas);
    const next = { ...restored, focusAreas: restored.focusAreas.filter((id) => areas.has(id)) };
    await saveVersioned(tx, {
      ...changeOf(current, viewer, now, current.version),
      current: await currentValues(tx, current),
      next,
      describe: (values) => describe(tx, deps.t, values),
      write: (expected) => writeAgreement(tx, current.id, expected, next, now, { deletedAt: null }),
      action: 'restored',
      note: deps.t.register.restoreNote(version),
    });
  });
}

/** The agreement at this address, locked for the change; a deleted one is not there to change. */
async function lockLiveAgreement(tx: DbOrTx, slug: string) {
  const found = await findAgreementRecord(tx, slug);
  const current = found && !found.deletedAt ? await lockAgreement(tx, found.id) : undefined;
  if (!current || current.deletedAt) throw new AppError('NOT_FOUND', `agreement ${slug}`);
  return current;
}

/** Who changes which agreement when, from which version: what every saveVersioned call here shares. */
function changeOf(
  current: { id: number; version: number },
  viewer: Viewer,
  now: Date,
  expectedVersion: number,
) {
  return {
    type: 'agreement' as const,
    id: current.id,
    actorPersonId: viewer.personId,
    at: now,
    expectedVersion,
    currentVersion: current.version,
  };
}

/**
 * The workspace's agreements: those the person may edit (internal ones too), whether they may add one,
 * and, for the coordinator, the deleted ones to restore and the focus areas. A member asks nothing.
 */
export async function loadAgreementWorkspace(deps: Pick<AppDeps, 'db'>, viewer: Viewer) {
  if (!canAddAgreement(viewer))
    return { mayAdd: false, agreements: [], deletedAgreements: [], focusAreas: null };
  const coordinator = isCoordinator(viewer);
  const [tree, rows, deleted, focusAreas] = await Promise.all([
    findOrganisationTree(deps.db),
    findLiveAgreementsWithParties(deps.db),
    coordinator ? findDeletedAgreements(deps.db) : [],
    loadFocusAreaWorkspace(deps, viewer),
  ]);
  const rules = partyRules(viewer, tree);
  return {
    mayAdd: true,
    agreements: rows
      .filter((row) => rules.mayEdit(row.parties.map(Number)))
      .map(({ slug, title, visibility }) => ({ slug, title, internal: visibility === 'internal' })),
    deletedAgreements: deleted,
    focusAreas,
  };
}

export type AgreementWorkspace = Awaited<ReturnType<typeof loadAgreementWorkspace>>;
