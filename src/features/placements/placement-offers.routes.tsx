import { type Context, Hono } from 'hono';
import { z } from 'zod';
import { type AppEnv, requestDeps } from '../../app-deps.ts';
import { AppError } from '../../lib/errors.ts';
import { Refusal } from '../../lib/refusal.ts';
import { type FormState, fieldErrorsFor, type ParsedForm, parseForm } from '../../web/form.ts';
import { translate } from '../../web/i18n/message-key.ts';
import { renderPage } from '../../web/render.tsx';
import { requirePermission, requireSignIn, signedInViewer } from '../auth/guards.tsx';
import { canOfferPlacements, canSeePlacementCapacity } from '../auth/permissions.ts';
import { isIdText, versionField } from '../register/register.forms.ts';
import { DeletePage } from '../register/views/delete-page.tsx';
import { HistoryPage } from '../register/views/history-page.tsx';
import { copyForm, newOfferForm, offerCrossFieldErrors, offerForm } from './placement-offers.forms.ts';
import { CAPACITY_PATH, parseCapacityFilters } from './placement-offers.list.ts';
import {
  copyOffers,
  createOffer,
  defaultTerm,
  deleteOffer,
  type LoadedOffer,
  loadCapacityList,
  loadCopy,
  loadNewOffer,
  loadOffer,
  loadOfferEditor,
  loadOfferHistory,
  offeringUnits,
  restoreOfferVersion,
  saveOffer,
  type UnitChoice,
} from './placement-offers.service.ts';
import { loadOfferRequests } from './requests.service.ts';
import { CapacityList } from './views/capacity-list.tsx';
import { COPY_PATH, CopyPage } from './views/copy-page.tsx';
import { OfferForm } from './views/offer-form.tsx';
import { OfferPage, offerPath } from './views/offer-page.tsx';
import { OfferRequestsSection } from './views/request-parts.tsx';

/**
 * Placement capacity (issue 9): offers (/praktik/platser/ny, /:id, …/andra, …/ta-bort, …/historik),
 * "copy last term" (/praktik/platser/kopiera) and the capacity list (/praktik/platser). Signed in only,
 * so never in the page cache; who may do what is in permissions.ts (canOfferPlacements,
 * canEditPlacementOffer, canSeePlacementCapacity), checked by the guards and the service.
 */
export const placementOfferRoutes = new Hono<AppEnv>();

placementOfferRoutes.get(CAPACITY_PATH, requirePermission(canSeePlacementCapacity), async (c) => {
  const t = c.var.t;
  const deps = c.get('deps');
  const parsed = parseCapacityFilters(t, (name) => c.req.query(name), defaultTerm(deps));
  if (!parsed.ok && parsed.errors === null) throw new AppError('BAD_REQUEST', 'capacity list filters');
  const mayOffer = canOfferPlacements(signedInViewer(c));
  if (!parsed.ok) {
    const choices = await loadCapacityList(deps, { ...emptyFilters, term: defaultTerm(deps) }, 1);
    return renderPage(c, {
      title: `${t.placementOffers.list.title} – ${t.placementOffers.list.errorSummary}`,
      status: 422,
      children: (
        <CapacityList
          typed={parsed.typed}
          errors={parsed.errors}
          administrations={choices.administrations}
          areas={choices.areas}
          mayOffer={mayOffer}
        />
      ),
    });
  }
  const list = await loadCapacityList(deps, parsed.filters, parsed.page);
  return renderPage(c, {
    title: t.placementOffers.list.titleFor(parsed.filters.term),
    children: (
      <CapacityList
        typed={parsed.typed}
        errors={[]}
        administrations={list.administrations}
        areas={list.areas}
        result={{ filters: parsed.filters, page: parsed.page, rows: list.rows, total: list.total }}
        mayOffer={mayOffer}
      />
    ),
  });
});

const emptyFilters = {
  kind: null,
  programme: null,
  administrationId: null,
  area: null,
  from: null,
  to: null,
  onlyFree: false,
};

placementOfferRoutes.get(`${CAPACITY_PATH}/ny`, requirePermission(canOfferPlacements), async (c) => {
  const unitParam = c.req.query('enhet');
  // The unit's id, as the links write it; anything else is no page of ours.
  if (unitParam !== undefined && !isIdText(unitParam)) throw new AppError('NOT_FOUND', 'unit id');
  const deps = requestDeps(c);
  const { unit, choices } = await loadNewOffer(
    deps,
    signedInViewer(c),
    unitParam === undefined ? undefined : Number(unitParam),
  );
  const values: Record<string, string> = {
    // The unit it was opened for; an editor with one unit to offer for has it chosen already.
    organisationId: unit ? String(unit.id) : choices.length === 1 ? String(choices[0]!.id) : '',
    term: defaultTerm(deps),
    supervisors: '',
  };
  return renderNew(c, { values, errors: {} }, choices, unit?.name, 200);
});

placementOfferRoutes.post(`${CAPACITY_PATH}/ny`, requirePermission(canOfferPlacements), async (c) => {
  const viewer = signedInViewer(c);
  const input = await readOfferForm(c, newOfferForm);
  const choices = await offeringUnits(c.get('deps').db, viewer);
  if (!input.ok) return renderNew(c, input.form, choices, undefined, 422);
  try {
    const id = await createOffer(requestDeps(c), viewer, input.data);
    return c.redirect(`${offerPath(id)}?klart=ny`, 303);
  } catch (error) {
    return renderNew(c, { values: input.values, errors: fieldErrorsFor(c, error) }, choices, undefined, 422);
  }
});

placementOfferRoutes.get(COPY_PATH, requirePermission(canOfferPlacements), async (c) => {
  const { choices, from, to } = await loadCopy(requestDeps(c), signedInViewer(c));
  return renderCopy(c, { values: { organisationId: '', from, to }, errors: {} }, choices, undefined, 200);
});

placementOfferRoutes.post(COPY_PATH, requirePermission(canOfferPlacements), async (c) => {
  const viewer = signedInViewer(c);
  const input = await parseForm(c, copyForm);
  const deps = requestDeps(c);
  const choices = await offeringUnits(deps.db, viewer);
  if (!input.ok) return renderCopy(c, input.form, choices, undefined, 422);
  try {
    const result = await copyOffers(deps, viewer, input.data);
    const outcome = { result, from: input.data.from, to: input.data.to };
    return renderCopy(c, { values: input.values, errors: {} }, choices, outcome, 200);
  } catch (error) {
    return renderCopy(c, { values: input.values, errors: fieldErrorsFor(c, error) }, choices, undefined, 422);
  }
});

/** The notices after a redirect to an offer's page, by `klart`. */
const doneQuery = z.enum(['ny', 'sparat', 'oforandrat']).optional().catch(undefined);

placementOfferRoutes.get(`${CAPACITY_PATH}/:id`, requirePermission(canSeePlacementCapacity), async (c) => {
  const loaded = await loadOffer(c.get('deps'), signedInViewer(c), offerId(c));
  const text = c.var.t.placementOffers;
  const done = doneQuery.parse(c.req.query('klart'));
  const notice =
    done === 'ny'
      ? text.created
      : done === 'sparat'
        ? text.saved
        : done === 'oforandrat'
          ? text.unchanged
          : undefined;
  // The offer's requests and what fits it (placement requests, requests.service.ts), in the page's slot.
  const requests = await loadOfferRequests(c.get('deps'), signedInViewer(c), loaded.offer.id);
  return renderOffer(c, loaded, notice, requests ? <OfferRequestsSection data={requests} /> : undefined);
});

/**
 * An offer's page. Exported so that the offer's requests and suggestions (placement requests) can be
 * rendered in its marked spot at the end, as `children`.
 */
export function renderOffer(
  c: Context<AppEnv>,
  loaded: LoadedOffer,
  notice: string | undefined,
  children?: Parameters<typeof OfferPage>[0]['children'],
) {
  const { offer } = loaded;
  const title = c.var.t.placementOffers.offerTitle({
    unit: offer.unitName,
    programme: offer.programme,
    term: offer.term,
  });
  return renderPage(c, {
    title,
    children: (
      <OfferPage loaded={loaded} notice={notice}>
        {children}
      </OfferPage>
    ),
  });
}

placementOfferRoutes.get(`${CAPACITY_PATH}/:id/andra`, requireSignIn(), async (c) => {
  const editor = await loadOfferEditor(requestDeps(c), signedInViewer(c), offerId(c));
  const { offer } = editor;
  const values: Record<string, string> = {
    organisationId: String(offer.organisationId),
    term: offer.term,
    kind: offer.kind,
    programme: offer.programme,
    studyLevel: offer.studyLevel,
    places: String(offer.places),
    supervisors: String(offer.supervisors),
    startsOn: offer.startsOn ?? '',
    endsOn: offer.endsOn ?? '',
    address: offer.address,
    area: offer.area,
    prerequisites: offer.prerequisites,
    description: offer.description,
  };
  return renderEdit(c, editor, { values, errors: {} }, offer.version, undefined, 200);
});

placementOfferRoutes.post(`${CAPACITY_PATH}/:id/andra`, requireSignIn(), async (c) => {
  const viewer = signedInViewer(c);
  const id = offerId(c);
  const editor = await loadOfferEditor(requestDeps(c), viewer, id);
  const input = await readOfferForm(c, offerForm);
  if (!input.ok) return renderEdit(c, editor, input.form, Number(input.form.values.version), undefined, 422);
  const { version, ...fields } = input.data;
  try {
    const outcome = await saveOffer(requestDeps(c), viewer, id, fields, version);
    return c.redirect(`${offerPath(id)}?klart=${outcome === 'saved' ? 'sparat' : 'oforandrat'}`, 303);
  } catch (error) {
    if (error instanceof Refusal && error.reason === 'register.staleVersion') {
      const saved = error.params?.current as Record<string, string>;
      const errors = { _form: c.var.t.register.staleVersion };
      return renderEdit(
        c,
        editor,
        { values: input.values, errors },
        Number(error.params?.version),
        saved,
        409,
      );
    }
    const errors = fieldErrorsFor(c, error);
    return renderEdit(c, editor, { values: input.values, errors }, version, undefined, 422);
  }
});

placementOfferRoutes.get(`${CAPACITY_PATH}/:id/ta-bort`, requireSignIn(), async (c) => {
  const { offer } = await loadOfferEditor(requestDeps(c), signedInViewer(c), offerId(c));
  const name = c.var.t.placementOffers.offerTitle({
    unit: offer.unitName,
    programme: offer.programme,
    term: offer.term,
  });
  return renderPage(c, {
    title: c.var.t.register.deleteTitle(name),
    children: (
      <DeletePage
        name={name}
        action={`${offerPath(offer.id)}/ta-bort`}
        version={offer.version}
        backHref={offerPath(offer.id)}
      />
    ),
  });
});

placementOfferRoutes.post(`${CAPACITY_PATH}/:id/ta-bort`, requireSignIn(), async (c) => {
  const id = offerId(c);
  const input = await parseForm(c, z.strictObject({ version: versionField }), { hidden: ['version'] });
  if (!input.ok) throw new AppError('BAD_REQUEST', 'delete form');
  await deleteOffer(requestDeps(c), signedInViewer(c), id, input.data.version);
  return c.redirect('/arbetsyta?klart=borttagen', 303);
});

placementOfferRoutes.get(`${CAPACITY_PATH}/:id/historik`, requireSignIn(), async (c) => {
  const { offer, entries, mayRestore } = await loadOfferHistory(c.get('deps'), signedInViewer(c), offerId(c));
  const t = c.var.t;
  const name = t.placementOffers.offerTitle({
    unit: offer.unitName,
    programme: offer.programme,
    term: offer.term,
  });
  const live = !offer.deletedAt && !offer.unitDeletedAt;
  const restored = c.req.query('klart') === 'aterstalld';
  return renderPage(c, {
    title: t.register.historyTitle(name),
    children: (
      <>
        {restored ? (
          <p class="notice" role="status">
            {t.placementOffers.restored}
          </p>
        ) : null}
        <HistoryPage
          title={t.register.historyTitle(name)}
          backHref={live ? offerPath(offer.id) : '/arbetsyta'}
          backText={live ? name : t.workspace.title}
          entries={entries}
          labels={t.placementOffers.fields}
          restorePath={
            mayRestore ? (version) => `${offerPath(offer.id)}/historik/${version}/aterstall` : undefined
          }
        />
      </>
    ),
  });
});

placementOfferRoutes.post(`${CAPACITY_PATH}/:id/historik/:version/aterstall`, requireSignIn(), async (c) => {
  const id = offerId(c);
  const version = versionField.safeParse(c.req.param('version'));
  if (!version.success) throw new AppError('NOT_FOUND', 'version in path');
  await parseForm(c, z.strictObject({}));
  await restoreOfferVersion(requestDeps(c), signedInViewer(c), id, version.data);
  return c.redirect(`${offerPath(id)}/historik?klart=aterstalld`, 303);
});

/** The offer's number from the path; anything else is no offer of ours. */
function offerId(c: Context<AppEnv>): number {
  const id = c.req.param('id') ?? '';
  if (!isIdText(id)) throw new AppError('NOT_FOUND', 'offer id in path');
  return Number(id);
}

/** The form with the rules between its fields, every message at once (placement-offers.forms.ts). */
async function readOfferForm<S extends typeof offerForm | typeof newOfferForm>(
  c: Context<AppEnv>,
  schema: S,
): Promise<ParsedForm<S>> {
  const input = await parseForm(c, schema, { hidden: ['version'] });
  const values = input.ok ? input.values : input.form.values;
  const cross = offerCrossFieldErrors(values);
  if (input.ok && Object.keys(cross).length === 0) return input as ParsedForm<S>;
  const errors: Record<string, string> = Object.fromEntries(
    Object.entries(cross).map(([field, { key, params }]) => [field, translate(c.var.t, key, { params })]),
  );
  // A field's own message comes first (a date that is no date says so, not that it is out of the term).
  Object.assign(errors, input.ok ? {} : input.form.errors);
  return { ok: false, form: { values, errors } } as ParsedForm<S>;
}

function renderNew(
  c: Context<AppEnv>,
  form: FormState,
  choices: UnitChoice[],
  unitName: string | undefined,
  status: 200 | 422,
) {
  const text = c.var.t.placementOffers;
  const heading = unitName ? text.createFor(unitName) : text.createTitle;
  return renderPage(c, {
    title: heading,
    status,
    children: (
      <OfferForm
        heading={heading}
        action={`${CAPACITY_PATH}/ny`}
        form={form}
        choices={choices}
        backHref="/arbetsyta"
      />
    ),
  });
}

function renderEdit(
  c: Context<AppEnv>,
  editor: Awaited<ReturnType<typeof loadOfferEditor>>,
  form: FormState,
  version: number,
  saved: Record<string, string> | undefined,
  status: 200 | 409 | 422,
) {
  const t = c.var.t;
  const { offer } = editor;
  const heading = t.placementOffers.editTitle(
    t.placementOffers.offerTitle({ unit: offer.unitName, programme: offer.programme, term: offer.term }),
  );
  // The current unit stays a choice even where the viewer could not choose it for a new offer.
  const choices = editor.choices.some((choice) => choice.id === offer.organisationId)
    ? editor.choices
    : [...editor.choices, { id: offer.organisationId, name: offer.unitName, parentId: null }];
  return renderPage(c, {
    title: heading,
    status,
    children: (
      <OfferForm
        heading={heading}
        action={`${offerPath(offer.id)}/andra`}
        form={form}
        choices={choices}
        version={version}
        saved={saved}
        backHref={offerPath(offer.id)}
        links={[
          { href: `${offerPath(offer.id)}/historik`, text: t.register.history },
          { href: `${offerPath(offer.id)}/ta-bort`, text: t.register.delete },
        ]}
      />
    ),
  });
}

function renderCopy(
  c: Context<AppEnv>,
  form: FormState,
  choices: UnitChoice[],
  outcome: Parameters<typeof CopyPage>[0]['outcome'],
  status: 200 | 422,
) {
  return renderPage(c, {
    title: c.var.t.placementOffers.copy.title,
    status,
    children: <CopyPage form={form} choices={choices} outcome={outcome} />,
  });
}
