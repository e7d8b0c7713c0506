import type { DeskItem } from '../../src/desk/desk'
import { Notice, type NoticeData } from '../components/notice'
import { usePage } from '../context'
import { DeskItemView, type DeskItemState } from './desk-item'
import { countdownFormat } from '../inspection/format'

export interface DeskPageProps {
  items: DeskItem[]
  now: Date
  notice?: NoticeData
  /** An item whose form was refused without JavaScript: its id, what was sent and why. */
  focus?: { returnId: string; state: DeskItemState; notice?: NoticeData }
}

/** The merchant's after-sales desk: everything waiting for it, nearest deadline first. */
export function DeskPage(props: DeskPageProps) {
  const { t } = usePage()
  const overdue = props.items.filter((i) => i.overdue).length
  return (
    <>
      <h1>{t('inspection.desk.title')}</h1>
      <p class="hint">{t('inspection.desk.lead')}</p>
      {props.notice && <Notice {...props.notice} />}
      <section class="card" aria-labelledby="desk-count" data-countdown-format={countdownFormat(t)}>
        <h2 id="desk-count">
          {props.items.length === 0
            ? t('inspection.desk.empty')
            : t('inspection.desk.count', { count: props.items.length })}
        </h2>
        {props.items.length > 0 && (
          <p
            class={overdue ? 'desk-summary desk-summary--overdue' : 'desk-summary'}
            data-overdue-summary
          >
            {overdue
              ? t('inspection.desk.overdueCount', { n: overdue })
              : t('inspection.desk.noneOverdue')}
          </p>
        )}
        {props.items.length > 0 && (
          <ol class="desk-list">
            {props.items.map((item) => {
              const focus = props.focus?.returnId === item.return.id ? props.focus : undefined
              return (
                <DeskItemView
                  item={item}
                  now={props.now}
                  state={focus?.state}
                  notice={focus?.notice}
                />
              )
            })}
          </ol>
        )}
      </section>
    </>
  )
}
