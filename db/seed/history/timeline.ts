/**
 * The simulated clock of the history: tasks run in time order, each with its own instant as
 * "now", and may schedule later ones. Nothing runs at or after the end (the app's today), so
 * what was still under way then is exactly what the pages show as work to do.
 */
export type Task = (now: Date) => Promise<void>

interface Entry {
  at: number
  seq: number
  task: Task
}

export class Timeline {
  private heap: Entry[] = []
  private seq = 0
  /** The simulated now: the instant of the task running, or of the last one that ran. */
  current: number

  constructor(
    /** The first instant anything may happen. */
    readonly start: number,
    /** The app's now: the history stops just before it. */
    readonly end: number,
  ) {
    this.current = start
  }

  /** Schedules `task` at `at` (ms); a task past the end is dropped: it had not happened yet. */
  at(at: number, task: Task): void {
    if (at >= this.end) return
    this.push({ at: Math.max(at, this.start), seq: this.seq++, task })
  }

  /** Runs every task in time order (ties in the order they were scheduled). */
  async run(): Promise<void> {
    for (let e = this.pop(); e; e = this.pop()) {
      this.current = e.at
      await e.task(new Date(e.at))
    }
  }

  private push(entry: Entry) {
    const h = this.heap
    h.push(entry)
    for (let i = h.length - 1; i > 0;) {
      const parent = (i - 1) >> 1
      if (!before(h[i]!, h[parent]!)) break
      ;[h[i], h[parent]] = [h[parent]!, h[i]!]
      i = parent
    }
  }

  private pop(): Entry | undefined {
    const h = this.heap
    const top = h[0]
    const last = h.pop()
    if (h.length > 0 && last) {
      h[0] = last
      for (let i = 0; ;) {
        const l = 2 * i + 1
        const r = l + 1
        let m = i
        if (l < h.length && before(h[l]!, h[m]!)) m = l
        if (r < h.length && before(h[r]!, h[m]!)) m = r
        if (m === i) break
        ;[h[i], h[m]] = [h[m]!, h[i]!]
        i = m
      }
    }
    return top
  }
}

const before = (x: Entry, y: Entry) => x.at < y.at || (x.at === y.at && x.seq < y.seq)
