/**
 * Members' after-sales teams: each starts with a few staff, some certified, and certifies more
 * month by month, so the PROFESSIONALISM figure rises toward the methodology's 75 %; a few hire
 * along the way. Each certification is declared, its certificate submitted, and a coordinator
 * verifies it the next morning (only verified ones count). Half the members share return-credit
 * hashes from the start.
 */
import { setReturnCreditOptIn } from '../../../src/benchmarks/service'
import { localDate } from '../../../src/calendar/local-date'
import { submitCertification, verifyCertification } from '../../../src/staff/certification'
import { addStaff, setStaffCertification } from '../../../src/staff/staff'
import { staffNames } from './catalogue'
import { at, minutes, type World } from './world'

interface Member {
  id: string
  certified: boolean
}

export function schedulePeople(w: World) {
  const r = w.random
  const teams = new Map<string, Member[]>()
  let certificates = 0
  /** The merchant submits the certificate; a coordinator verifies it the next morning. */
  const certify = (merchantId: string, staffId: string, now: Date) => {
    certificates += 1
    const number = `NW-${localDate(now).slice(0, 4)}-${String(certificates).padStart(4, '0')}`
    const input = { number, date: localDate(now) }
    w.timeline.at(now.getTime() + minutes(1), (when) =>
      submitCertification(w.db, undefined, w.cast.merchant(merchantId), staffId, input, when).then(
        () => {},
      ),
    )
    w.timeline.at(now.getTime() + minutes(60 * 22), (when) =>
      verifyCertification(w.db, w.cast.coordinator, staffId, true, undefined, when).then(() => {}),
    )
  }
  const hire = async (merchantId: string, name: string, certified: boolean, now: Date) => {
    const row = await addStaff(w.db, w.cast.merchant(merchantId), { name, certified }, now)
    teams.set(merchantId, [...(teams.get(merchantId) ?? []), { id: row.id, certified }])
    if (certified) certify(merchantId, row.id, now)
  }
  w.merchants.forEach((m, mi) => {
    const names = Array.from(
      { length: r.int(3, 6) },
      (_, i) => staffNames[(mi * 5 + i) % staffNames.length]!,
    )
    w.timeline.at(at(m.activeFrom, 8, 30), async (now) => {
      for (const [i, name] of names.entries()) {
        await hire(m.id, name, r.chance(0.2 + 0.25 * m.care), new Date(now.getTime() + minutes(i)))
      }
    })
    if (m.sharesReturnCredit) {
      w.timeline.at(at(m.activeFrom, 9, 5), (now) =>
        setReturnCreditOptIn(w.db, w.cast.merchant(m.id), true, now).then(() => {}),
      )
    }
  })
  // A few new hires halfway through, not yet certified.
  const halfway = w.months[Math.floor(w.months.length / 2)]!
  for (const [i, m] of w.merchants.filter((_, i) => i % 6 === 1).entries()) {
    w.timeline.at(at(`${halfway}-08`, 11, i * 7), (now) =>
      hire(m.id, staffNames[(i * 7 + 3) % staffNames.length]!, false, now),
    )
  }
  // Mid-month, someone in most teams passes the certification, while at most four in five hold it.
  for (const month of [...w.months, w.current]) {
    w.timeline.at(at(`${month}-15`, 10), async (now) => {
      let t = now.getTime()
      for (const m of w.merchants) {
        const team = teams.get(m.id) ?? []
        const after = (team.filter((s) => s.certified).length + 1) / team.length
        const candidate = team.find((s) => !s.certified)
        if (!candidate || after > 0.8 || !r.chance(0.4 + 0.4 * m.care)) continue
        candidate.certified = true
        t += minutes(r.int(2, 20))
        await setStaffCertification(w.db, w.cast.merchant(m.id), candidate.id, true, new Date(t))
        certify(m.id, candidate.id, new Date(t))
      }
    })
  }
}
