/**
 * Station pages: coordinators list, add, edit, deactivate and reactivate stations
 * (`/admin/stations`); a station operator edits its own opening hours and services
 * (`/station/details`). Forms are read and checked with the shared station schemas before the
 * route runs, and refused ones answered with per-field messages; the station service decides who
 * may change what.
 */
import { Hono, type Context } from 'hono'
import type { Locale } from '../../db/schema'
import { StationDetailsPage } from '../../views/stations/details-page'
import { PointPickerAssets } from '../../views/stations/point-picker'
import {
  StationFormPage,
  type FieldErrors,
  type StationFormPageProps,
} from '../../views/stations/station-form'
import { tilesOf } from '../../views/map/map-canvas'
import { wgs84ToGcj02 } from './coords'
import { StationsPage, type StatusFilter } from '../../views/stations/stations-page'
import { requireRole } from '../auth/roles'
import { form } from '../http/form'
import type { AppEnv } from '../http/types'
import type { Translate } from '../i18n'
import { formatFen } from '../money'
import { getStation, listHubs, listStations } from '../network/service'
import {
  activeForm,
  parseStationDetailsForm,
  parseStationForm,
  stationForm,
  stationValues,
  type FieldProblem,
  type FieldProblems,
  type StationField,
  type StationFormValues,
} from './form'
import { createStation, setStationActive, updateStation, updateStationDetails } from './service'

export const stationRoutes = new Hono<AppEnv>()

type Ctx = Context<AppEnv>

/** Field problems as messages in the page's language. */
function messages(problems: FieldProblems, t: Translate, locale: Locale): FieldErrors {
  const errors: FieldErrors = {}
  for (const [field, problem] of Object.entries(problems) as [StationField, FieldProblem][]) {
    errors[field] = message(field, problem, t, locale)
  }
  return errors
}

function message(field: StationField, problem: FieldProblem, t: Translate, locale: Locale) {
  switch (problem.kind) {
    case 'TOO_LARGE':
      return t('stationForm.error.TOO_LARGE', { max: formatFen(problem.maxFen, locale) })
    case 'FIELD':
      return field === 'commission' || field === 'largeCommission'
        ? t('stationForm.error.FORMAT')
        : t(`stationForm.error.${field}`)
    default:
      return t(`stationForm.error.${problem.kind}`)
  }
}

const statusFilters: StatusFilter[] = ['all', 'active', 'inactive']
const notices = ['created', 'saved', 'deactivated', 'reactivated'] as const
type NoticeKind = (typeof notices)[number]

/** The list's address with its filters and, after a change, what happened to which station. */
function listHref(status: string, province: string, done?: { notice: NoticeKind; id: string }) {
  const query = new URLSearchParams()
  if (status && status !== 'all') query.set('status', status)
  if (province) query.set('province', province)
  if (done) {
    query.set('notice', done.notice)
    query.set('station', done.id)
  }
  const qs = query.toString()
  return qs ? `/admin/stations?${qs}` : '/admin/stations'
}

stationRoutes.get('/admin/stations', async (c) => {
  const { db } = c.get('deps')
  const actor = requireRole(c.get('actor'), 'COORDINATOR')
  const all = await listStations(db, actor)
  const status = statusFilters.find((s) => s === c.req.query('status')) ?? 'all'
  const province = c.req.query('province') || undefined
  const stations = all.filter(
    (s) =>
      (status === 'all' || s.active === (status === 'active')) &&
      (!province || s.province === province),
  )
  const provinces = [...new Set(all.map((s) => s.province))].sort((a, b) => a.localeCompare(b))
  const notice = notices.find((n) => n === c.req.query('notice'))
  const subject = notice && all.find((s) => s.id === c.req.query('station'))
  return c.render(
    <StationsPage
      stations={stations}
      provinces={provinces}
      status={status}
      province={province}
      notice={subject ? c.get('t')(`stationAdmin.${notice}`, { name: subject.name }) : undefined}
    />,
    { title: c.get('t')('stationAdmin.title') },
  )
})

/**
 * The coordinator's station form with its map: it opens on the point typed, or on the alliance's
 * first hub, with the tiles' datum shift at that point.
 */
async function renderStationForm(
  c: Ctx,
  props: Omit<StationFormPageProps, 'place'>,
  title: string,
) {
  const tiles = tilesOf(c.get('deps').config)
  const typed = { lat: Number(props.values.lat), lng: Number(props.values.lng) }
  const known = props.values.lat.trim() !== '' && props.values.lng.trim() !== ''
  const usable = known && Math.abs(typed.lat) <= 90 && Math.abs(typed.lng) <= 180
  const center = usable
    ? typed
    : ((await listHubs(c.get('deps').db, c.get('actor')))[0] ?? { lat: 31.2304, lng: 121.4737 })
  const shown = tiles.datum === 'GCJ02' ? wgs84ToGcj02(center) : center
  const place = {
    tiles,
    center: { lat: center.lat, lng: center.lng },
    shift: { lat: shown.lat - center.lat, lng: shown.lng - center.lng },
  }
  return c.render(<StationFormPage {...props} place={place} />, {
    title,
    head: <PointPickerAssets />,
  })
}

const emptyStation: StationFormValues = {
  name: '',
  storeName: '',
  address: '',
  city: '',
  province: '',
  lat: '',
  lng: '',
  openingHours: '09:00-21:00',
  services: [],
  closedDays: [],
  phone: '',
  postcode: '',
  romanised: '',
  commission: '',
  largeCommission: '',
}

stationRoutes.get('/admin/stations/new', (c) => {
  requireRole(c.get('actor'), 'COORDINATOR')
  return renderStationForm(c, { values: emptyStation }, c.get('t')('stationAdmin.newTitle'))
})

/** The new-station form again, with what was typed and what is wrong with it. */
function refusedNewStation(c: Ctx, values: StationFormValues, problems: FieldProblems) {
  requireRole(c.get('actor'), 'COORDINATOR')
  const errors = messages(problems, c.get('t'), c.get('locale'))
  return renderStationForm(c, { values, errors }, c.get('t')('stationAdmin.newTitle'))
}

stationRoutes.post(
  '/admin/stations',
  stationForm(parseStationForm, refusedNewStation),
  async (c) => {
    const actor = requireRole(c.get('actor'), 'COORDINATOR')
    const { input } = c.req.valid('form')
    const station = await createStation(c.get('deps').db, actor, input, c.get('deps').now())
    return c.redirect(listHref('all', '', { notice: 'created', id: station.id }), 303)
  },
)

stationRoutes.get('/admin/stations/:id', async (c) => {
  const actor = requireRole(c.get('actor'), 'COORDINATOR')
  const station = await getStation(c.get('deps').db, actor, c.req.param('id'))
  return renderStationForm(
    c,
    { station, values: stationValues(station) },
    c.get('t')('stationAdmin.editTitle', { name: station.name }),
  )
})

/** The station's form again, with what was typed and what is wrong with it. */
async function refusedStation(c: Ctx, values: StationFormValues, problems: FieldProblems) {
  const actor = requireRole(c.get('actor'), 'COORDINATOR')
  const station = await getStation(c.get('deps').db, actor, c.req.param('id') ?? '')
  const errors = messages(problems, c.get('t'), c.get('locale'))
  return renderStationForm(
    c,
    { station, values, errors },
    c.get('t')('stationAdmin.editTitle', { name: station.name }),
  )
}

stationRoutes.post(
  '/admin/stations/:id',
  stationForm(parseStationForm, refusedStation),
  async (c) => {
    const { db } = c.get('deps')
    const actor = requireRole(c.get('actor'), 'COORDINATOR')
    const station = await getStation(db, actor, c.req.param('id'))
    await updateStation(db, actor, station.id, c.req.valid('form').input, c.get('deps').now())
    return c.redirect(listHref('all', '', { notice: 'saved', id: station.id }), 303)
  },
)

stationRoutes.post('/admin/stations/:id/active', form(activeForm), async (c) => {
  const { active, status, province } = c.req.valid('form')
  const station = await setStationActive(
    c.get('deps').db,
    c.get('actor'),
    c.req.param('id'),
    active,
    c.get('deps').now(),
  )
  const notice = active ? 'reactivated' : 'deactivated'
  return c.redirect(listHref(status, province, { notice, id: station.id }), 303)
})

async function renderDetails(
  c: Ctx,
  values?: { openingHours: string; services: string[]; phone: string; closedDays: string[] },
  errors?: FieldErrors,
) {
  const actor = requireRole(c.get('actor'), 'STATION_OPERATOR')
  const station = await getStation(c.get('deps').db, actor, actor.stationId!)
  return c.render(
    <StationDetailsPage
      station={station}
      values={values ?? { ...station, closedDays: station.closedDays.map(String) }}
      errors={errors}
      saved={!errors && c.req.query('saved') === '1'}
    />,
    { title: c.get('t')('stationDetails.title') },
  )
}

stationRoutes.get('/station/details', (c) => renderDetails(c))

const refusedDetails = (c: Ctx, values: StationFormValues, problems: FieldProblems) =>
  renderDetails(c, values, messages(problems, c.get('t'), c.get('locale')))

stationRoutes.post(
  '/station/details',
  stationForm(parseStationDetailsForm, refusedDetails),
  async (c) => {
    const actor = requireRole(c.get('actor'), 'STATION_OPERATOR')
    const { input } = c.req.valid('form')
    await updateStationDetails(
      c.get('deps').db,
      actor,
      actor.stationId!,
      input,
      c.get('deps').now(),
    )
    return c.redirect('/station/details?saved=1', 303)
  },
)
