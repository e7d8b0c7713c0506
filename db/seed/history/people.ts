/**
 * Members' after-sales teams: each starts with a few staff, some certified, and certifies more
 * month by month, so the PROFESSIONALISM figure rises toward the methodology's 75 %; a few hire
 * along the way. Half the members share return-credit hashes from the start.
 */
import { setReturnCreditOptIn } from '../../../src/benchmarks/service'
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
  const hire = async (merchantId: string, name: string, certified: boolean, now: Date) => {
    const row = await addStaff(w.db, w.cast.merchant(merchantId), { name, certified }, now)
    teams.set(merchantId, [...(teams.get(merchantId) ?? []), { id: row.id, certified }])
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
      }
    })
  }
}
