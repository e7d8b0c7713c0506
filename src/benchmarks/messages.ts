/** Copy for the benchmarks pages, both languages. */
export const en = {
  // Links from the role home pages.
  'benchmarks.home.merchant': 'Your benchmark score card: how your after-sales compares',
  'benchmarks.home.coordinator': 'Benchmarks: publish a finished month, see the alliance figures',

  'benchmarks.title': 'Benchmarks',
  'benchmarks.lead':
    'How your after-sales service compares with other members, from the published monthly figures. You see your own results and the cohort’s quartiles; no other member ever sees yours.',
  'benchmarks.methodologyLink': 'How scores are made',
  'benchmarks.cohort.label': 'Compare with',
  'benchmarks.cohort.ALL': 'The whole alliance',
  'benchmarks.cohort.category': '{category} merchants',
  'benchmarks.cohort.yours': '(your category)',

  // Dimensions and their figures.
  'benchmarks.dimension.TIMELINESS': 'Timeliness',
  'benchmarks.dimension.RESOLUTION': 'Resolution',
  'benchmarks.dimension.PROFESSIONALISM': 'Professionalism',
  'benchmarks.dimension.CARE': 'Customer care',
  'benchmarks.dimension.OVERALL': 'Overall',
  'benchmarks.figure.TIMELINESS': 'Share of returns given a first response within 2 hours',
  'benchmarks.figure.RESOLUTION': 'Share of returns resolved within 24 hours of reaching the hub',
  'benchmarks.figure.PROFESSIONALISM':
    'Share of after-sales staff holding a verified certification',
  'benchmarks.figure.CARE': 'Average customer rating of resolved returns, 1 to 5 stars',
  'benchmarks.figure.OVERALL': 'Average of the dimensions you have figures for',
  'benchmarks.volume.TIMELINESS': 'returns whose first-response clock ran out or was met',
  'benchmarks.volume.RESOLUTION': 'returns whose 24-hour resolution clock ran out or was met',
  'benchmarks.volume.PROFESSIONALISM': 'after-sales staff',
  'benchmarks.volume.CARE': 'customer ratings',
  'benchmarks.volume.OVERALL': 'returns registered in the month',
  'benchmarks.unit.stars': '{stars} stars',

  // The score card.
  'benchmarks.card.title': 'Your score card · {month}',
  'benchmarks.card.cohort': 'Compared with: {cohort}. {count} merchants had figures this month.',
  'benchmarks.score.label': 'Overall score',
  'benchmarks.score.outOf': 'of 100',
  'benchmarks.stars.label': 'Stars',
  'benchmarks.stars': '{stars} of 5 stars',
  'benchmarks.cohortSize.label': 'Merchants compared',
  'benchmarks.score.none':
    'You had no figures in {month}, so there is no score for you. The cohort’s figures are below.',
  'benchmarks.myFigure': 'Your figure: {figure}. Your score: {score} of 100.',
  'benchmarks.myFigure.none': 'You had no figure in this dimension in {month}.',
  'benchmarks.card.categoryTooSmall':
    'Your category had {count} merchants with figures this month, too few to compare without revealing one of them; this is usual for a category.',
  'benchmarks.card.seeAlliance': 'Compare with the whole alliance instead',
  'benchmarks.sample.TIMELINESS': 'Based on {n} returns.',
  'benchmarks.sample.RESOLUTION': 'Based on {n} returns.',
  'benchmarks.sample.CARE': 'Based on {n} customer ratings.',
  'benchmarks.sample.PROFESSIONALISM': 'Based on {n} after-sales staff.',
  'benchmarks.sample.tooSmall.TIMELINESS':
    'Too few returns to score: {n} this month, and a score needs at least {min}. One or two returns say little.',
  'benchmarks.sample.tooSmall.RESOLUTION':
    'Too few returns to score: {n} this month, and a score needs at least {min}. One or two returns say little.',
  'benchmarks.sample.tooSmall.CARE':
    'Too few ratings to score: {n} this month, and a score needs at least {min}. One or two ratings say little.',
  'benchmarks.sample.tooSmall.PROFESSIONALISM':
    'No after-sales staff recorded, so there is nothing to score.',
  'benchmarks.quartiles': 'Cohort: lower quartile {p25}, median {median}, upper quartile {p75}.',
  'benchmarks.band.label': 'Where you stand',
  'benchmarks.band.BELOW_P25': 'In the lower quarter: below the cohort’s lower quartile.',
  'benchmarks.band.P25_TO_MEDIAN':
    'Below the middle: between the cohort’s lower quartile and its median.',
  'benchmarks.band.MEDIAN_TO_P75':
    'Above the middle: between the cohort’s median and its upper quartile.',
  'benchmarks.band.ABOVE_P75': 'In the top quarter: above the cohort’s upper quartile.',
  'benchmarks.band.none': 'No band: you have no score to compare here.',

  // Charts.
  'benchmarks.chart.title': '{dimension}: your score against the cohort',
  'benchmarks.chart.titleCohort': '{dimension}: the spread of the cohort',
  'benchmarks.chart.desc':
    'Scale 0 to 100. The middle half of the cohort scores from {p25} to {p75}; the median is {median}.',
  'benchmarks.chart.you': 'You',
  'benchmarks.chart.youDesc': 'Your score is {score}.',
  'benchmarks.chart.youNone': 'You have no score here.',
  'benchmarks.chart.withheld': 'No comparison this month',
  'benchmarks.chart.withheldTitle': '{dimension}: cohort figure withheld',
  'benchmarks.chart.key':
    'Shaded box: the middle half of the cohort (lower to upper quartile). Thick line: median. Orange mark: you.',

  // Why figures are withheld.
  'benchmarks.reason.COHORT_TOO_SMALL.title': 'Withheld: too few merchants',
  'benchmarks.reason.COHORT_TOO_SMALL.body':
    'Fewer than {k} merchants in this cohort had figures this month. With so few, members could work out each other’s results, so no figures are shown.',
  'benchmarks.reason.DOMINANT_CONTRIBUTOR.title': 'Withheld: one merchant dominates',
  'benchmarks.reason.DOMINANT_CONTRIBUTOR.body':
    'One merchant accounted for more than {percent} of the volume behind this figure, so it would mostly describe that one merchant. It is withheld.',
  'benchmarks.reason.NOT_PUBLISHED.title': 'Not published yet',
  'benchmarks.reason.NOT_PUBLISHED.body':
    '{month} has not been published. Benchmarks appear once a coordinator publishes a finished month, and published figures never change.',
  'benchmarks.reason.short.COHORT_TOO_SMALL': 'Withheld: fewer than {k} merchants had figures.',
  'benchmarks.reason.short.DOMINANT_CONTRIBUTOR':
    'Withheld: one merchant held more than {percent} of the volume.',
  'benchmarks.reason.short.NOT_PUBLISHED': 'Not published.',
  'benchmarks.reason.noNumbers': 'No numbers are shown for a withheld figure, yours included.',

  // Tips.
  'benchmarks.tips.title': 'How to improve',
  'benchmarks.tips.focus': 'Worth your attention: you are below the cohort’s median here.',
  'benchmarks.tip.TIMELINESS.1':
    'Answer every new return within 2 hours, even with a short “received, we are on it”: the first reply is what counts.',
  'benchmarks.tip.TIMELINESS.2':
    'Work from the after-sales desk: returns waiting for a first response are listed there, most urgent first.',
  'benchmarks.tip.TIMELINESS.3':
    'Cover busy hours and weekends with a rota so that no return waits overnight for its first reply.',
  'benchmarks.tip.RESOLUTION.1':
    'Decide within 24 hours of the return reaching the hub: inspected returns wait on your decision.',
  'benchmarks.tip.RESOLUTION.2':
    'Agree in advance what each inspection grade leads to (refund, replacement, repair) so staff can decide at once.',
  'benchmarks.tip.RESOLUTION.3': 'Check the desk every day for inspected returns awaiting you.',
  'benchmarks.tip.PROFESSIONALISM.1':
    'Enrol your after-sales staff in the alliance certification: full marks when {full} of them are certified.',
  'benchmarks.tip.PROFESSIONALISM.2':
    'Submit each certificate with its scan on your staff page the day it is obtained: only those a coordinator verified count.',
  'benchmarks.tip.PROFESSIONALISM.3':
    'Let new staff work beside a certified colleague until they are certified themselves.',
  'benchmarks.tip.CARE.1':
    'Explain the outcome in plain words and say what happens next, and when.',
  'benchmarks.tip.CARE.2':
    'Refund or replace promptly once decided: waiting is the most common reason for low ratings.',
  'benchmarks.tip.CARE.3':
    'Invite the customer to rate the return once it is resolved: every rating counts towards your average.',

  // Trend.
  'benchmarks.trend.title': 'Trend: overall score over the last {count} published months',
  'benchmarks.trend.none': 'Nothing has been published up to {month} yet.',
  'benchmarks.trend.you': 'Your score',
  'benchmarks.trend.median': 'Cohort median',
  'benchmarks.trend.withheld': 'Withheld',
  'benchmarks.trend.noScore': 'No score',
  'benchmarks.trend.chartTitle': 'Your overall score by month, with the cohort median',
  'benchmarks.trend.point': '{month}: your score {score}, cohort median {median}.',
  'benchmarks.trend.pointWithheld': '{month}: withheld.',
  'benchmarks.trend.table': 'The trend as a table',
  'benchmarks.trend.month': 'Month',
  'benchmarks.trend.show': 'Show this month',

  // Return-credit signal.
  'benchmarks.credit.title': 'Return-credit signal',
  'benchmarks.credit.lead':
    'An opt-in warning about customers who return unusually often across the alliance.',
  'benchmarks.credit.shared':
    'What you share: for each return, a keyed hash of the customer’s contact (an HMAC under the alliance’s secret key). Never the phone number or email itself, never the order.',
  'benchmarks.credit.seen':
    'What you see: on your own returns once handed in at a station, a band only (normal, elevated at {elevated} or more returns with the same contact handed in at a station among opted-in members in {days} days, high at {high} or more). Never which merchants, which returns or who the customer is.',
  'benchmarks.credit.off':
    'Only members who opt in share hashes and see bands. You can opt out at any time; from then on your returns are no longer counted.',
  'benchmarks.credit.status.on': 'You take part: opted in since {date}.',
  'benchmarks.credit.status.off': 'You do not take part: you share nothing and see no bands.',
  'benchmarks.credit.turnOn': 'Opt in to the return-credit signal',
  'benchmarks.credit.turnOff': 'Opt out',
  'benchmarks.credit.band': 'Customer return-credit band',
  'benchmarks.credit.band.NORMAL': 'Normal',
  'benchmarks.credit.band.ELEVATED': 'Elevated: {min}+ returns in {days} days across the alliance',
  'benchmarks.credit.band.HIGH': 'High: {min}+ returns in {days} days across the alliance',
  'benchmarks.credit.band.off': 'Not shown: opt in to the return-credit signal on Benchmarks',
  'benchmarks.credit.band.afterCheckIn':
    'Available after check-in: only parcels handed in at a station count',
  'benchmarks.credit.done.on': 'You now take part in the return-credit signal.',
  'benchmarks.credit.done.off': 'You have opted out: your returns are no longer counted.',

  // Coordinator: the alliance view.
  'benchmarks.alliance.title': 'Alliance benchmarks',
  'benchmarks.alliance.lead':
    'The published cohort figures: quartiles per cohort and dimension, or why they are withheld. No member’s own figures are shown here.',
  'benchmarks.alliance.month': 'Cohort figures · {month}',
  'benchmarks.alliance.published':
    'Published on {date} with methodology version {version}; cohorts needed at least {k} merchants.',
  'benchmarks.alliance.publishLink': 'Publish a finished month',
  'benchmarks.alliance.publishThis': 'Publish {month}…',
  'benchmarks.alliance.notFinished': '{month} has not ended yet: it can be published from {from}.',
  'benchmarks.alliance.done':
    'Published {month}. Its figures are now frozen and visible to every member.',
  'benchmarks.table.dimension': 'Dimension',
  'benchmarks.table.size': 'Merchants',
  'benchmarks.table.p25': 'Lower quartile',
  'benchmarks.table.median': 'Median',
  'benchmarks.table.p75': 'Upper quartile',
  'benchmarks.table.spread': 'Spread (0–100)',

  // Coordinator: publishing.
  'benchmarks.publish.title': 'Publish benchmarks',
  'benchmarks.publish.lead':
    'Publishing computes every member’s scores and the cohort figures for a finished month and freezes them for good. Each month is published once.',
  'benchmarks.publish.months': 'Finished months',
  'benchmarks.publish.month': 'Month',
  'benchmarks.publish.status': 'Status',
  'benchmarks.publish.status.published': 'Published on {date}',
  'benchmarks.publish.status.open': 'Not published',
  'benchmarks.publish.action': 'Action',
  'benchmarks.publish.start': 'Publish…',
  'benchmarks.publish.view': 'View figures',
  'benchmarks.publish.confirmTitle': 'Publish {month} for good?',
  'benchmarks.publish.confirmBody':
    'Scores are computed now from {month}’s returns, responses, staff and ratings, then frozen: they can never be changed or published again, even if late data arrives.',
  'benchmarks.publish.confirmRules':
    'Cohorts with fewer than {k} merchants, or where one merchant holds more than {percent} of the volume, will be withheld.',
  'benchmarks.publish.confirm': 'Yes, publish {month}',
  'benchmarks.publish.cancel': 'Cancel',
  'benchmarks.publish.refused': 'Not published: {reason}',
  'benchmarks.publish.refused.month': 'Not published: choose a month from the list.',

  // Methodology.
  'benchmarks.method.title': 'How benchmark scores are made',
  'benchmarks.method.version':
    'Methodology version {version}. Every publication records the version it used.',
  'benchmarks.method.intro':
    'Each month every member gets a score from 0 to 100 in four dimensions, computed from what happened in Nestwork that month. A coordinator publishes a finished month once; its figures are then frozen.',
  'benchmarks.method.dimensions': 'The four dimensions',
  'benchmarks.method.col.dimension': 'Dimension',
  'benchmarks.method.col.figure': 'Figure',
  'benchmarks.method.col.zero': 'Scores 0 at or below',
  'benchmarks.method.col.full': 'Scores 100 at or above',
  'benchmarks.method.col.volume': 'Volume (for the dominance rule)',
  'benchmarks.method.col.minSample': 'Scored from',
  'benchmarks.method.minSample':
    'A dimension is scored only when its figure rests on at least the sample in the last column (returns, ratings or staff): a score from one or two returns is noise. Below it the score card shows the sample and no score, and the merchant does not count in that dimension’s cohort. Version 1 had no minimum.',
  'benchmarks.method.linear':
    'Between the two thresholds the score rises in a straight line; it is rounded to one decimal.',
  'benchmarks.method.overall':
    'The overall score is the average of the dimensions a member has figures for that month.',
  'benchmarks.method.stars': 'Stars',
  'benchmarks.method.col.score': 'Overall score',
  'benchmarks.method.col.stars': 'Stars',
  'benchmarks.method.atLeast': '{min} or more',
  'benchmarks.method.below': 'below {max}',
  'benchmarks.method.cohorts': 'Cohorts, quartiles and bands',
  'benchmarks.method.cohortsBody':
    'A member is compared with the whole alliance, or with the merchants of one category. For each cohort and dimension three figures are published: the lower quartile (p25), the median and the upper quartile (p75), by linear interpolation between the ranked scores. Never a lowest or highest score, never a list of merchants.',
  'benchmarks.method.bands':
    'A member’s band says where its own score falls against them: the lower quarter, below the middle, above the middle (from the median up to the upper quartile) or the top quarter.',
  'benchmarks.method.privacy': 'When figures are withheld',
  'benchmarks.method.k':
    'At least {k} merchants with figures are needed for a cohort figure (k-anonymity). The alliance may require more, never fewer.',
  'benchmarks.method.kCurrent': 'Your alliance currently requires {k}.',
  'benchmarks.method.dominance':
    'A figure is withheld when one merchant accounts for more than {percent} of the volume behind it: it would mostly describe that one merchant.',
  'benchmarks.method.withheld':
    'A withheld figure shows its reason and no numbers. When a cohort’s overall figure is withheld, its whole score card is.',
  'benchmarks.method.freeze': 'Publication and freeze',
  'benchmarks.method.freezeBody':
    'Only a month that has ended can be published, and only once. Members’ own scores and the cohort figures are written together and the database refuses any later change. So late returns, new members or repeated questions can never be compared with earlier answers to work out one member’s results.',
  'benchmarks.method.freezeRead':
    'Pages, the trend included, read these frozen figures only; nothing is recomputed.',
  'benchmarks.method.credit': 'The return-credit signal',
}

type Key = keyof typeof en

export const zhCN: Record<Key, string> = {
  'benchmarks.home.merchant': '我的对标成绩单：售后服务与同行相比如何',
  'benchmarks.home.coordinator': '对标分析：发布已结束的月份，查看联盟数据',

  'benchmarks.title': '对标分析',
  'benchmarks.lead':
    '根据每月发布的数据，看看您的售后服务与联盟其他成员相比如何。您只能看到自己的结果和同组的四分位数；其他成员也永远看不到您的结果。',
  'benchmarks.methodologyLink': '评分方法说明',
  'benchmarks.cohort.label': '对比范围',
  'benchmarks.cohort.ALL': '全联盟',
  'benchmarks.cohort.category': '{category}类商户',
  'benchmarks.cohort.yours': '（您的品类）',

  'benchmarks.dimension.TIMELINESS': '响应及时性',
  'benchmarks.dimension.RESOLUTION': '处理时效',
  'benchmarks.dimension.PROFESSIONALISM': '专业度',
  'benchmarks.dimension.CARE': '客户关怀',
  'benchmarks.dimension.OVERALL': '综合',
  'benchmarks.figure.TIMELINESS': '2 小时内首次响应的退货占比',
  'benchmarks.figure.RESOLUTION': '到达售后中心后 24 小时内处理完毕的退货占比',
  'benchmarks.figure.PROFESSIONALISM': '持有经审核证书的售后人员占比',
  'benchmarks.figure.CARE': '已处理退货的客户平均评分（1 至 5 星）',
  'benchmarks.figure.OVERALL': '您有数据的各维度得分的平均值',
  'benchmarks.volume.TIMELINESS': '首次响应时限已到或已响应的退货数',
  'benchmarks.volume.RESOLUTION': '24 小时处理时限已到或已处理的退货数',
  'benchmarks.volume.PROFESSIONALISM': '售后人员数',
  'benchmarks.volume.CARE': '客户评分数',
  'benchmarks.volume.OVERALL': '当月登记的退货数',
  'benchmarks.unit.stars': '{stars} 星',

  'benchmarks.card.title': '我的成绩单 · {month}',
  'benchmarks.card.cohort': '对比范围：{cohort}。本月共 {count} 家商户有数据。',
  'benchmarks.score.label': '综合得分',
  'benchmarks.score.outOf': '（满分 100）',
  'benchmarks.stars.label': '星级',
  'benchmarks.stars': '{stars} 星（满分 5 星）',
  'benchmarks.cohortSize.label': '参与对比的商户',
  'benchmarks.score.none': '您在{month}没有数据，因此没有得分。下面是同组的数据。',
  'benchmarks.myFigure': '您的数据：{figure}。您的得分：{score}（满分 100）。',
  'benchmarks.myFigure.none': '您在{month}没有这一维度的数据。',
  'benchmarks.card.categoryTooSmall':
    '本月您所在品类有数据的商户只有 {count} 家，对比会暴露其中某家的数据，因此不予公布；品类对比常常如此。',
  'benchmarks.card.seeAlliance': '改为与整个联盟对比',
  'benchmarks.sample.TIMELINESS': '基于 {n} 件退货。',
  'benchmarks.sample.RESOLUTION': '基于 {n} 件退货。',
  'benchmarks.sample.CARE': '基于 {n} 条顾客评价。',
  'benchmarks.sample.PROFESSIONALISM': '基于 {n} 名售后人员。',
  'benchmarks.sample.tooSmall.TIMELINESS':
    '退货太少，暂不评分：本月 {n} 件，至少需要 {min} 件。一两件退货说明不了什么。',
  'benchmarks.sample.tooSmall.RESOLUTION':
    '退货太少，暂不评分：本月 {n} 件，至少需要 {min} 件。一两件退货说明不了什么。',
  'benchmarks.sample.tooSmall.CARE':
    '评价太少，暂不评分：本月 {n} 条，至少需要 {min} 条。一两条评价说明不了什么。',
  'benchmarks.sample.tooSmall.PROFESSIONALISM': '没有登记售后人员，因此无法评分。',
  'benchmarks.quartiles': '同组：下四分位数 {p25}，中位数 {median}，上四分位数 {p75}。',
  'benchmarks.band.label': '您的位置',
  'benchmarks.band.BELOW_P25': '处于后四分之一：低于同组的下四分位数。',
  'benchmarks.band.P25_TO_MEDIAN': '处于中等偏下：介于同组的下四分位数和中位数之间。',
  'benchmarks.band.MEDIAN_TO_P75': '处于中等偏上：介于同组的中位数和上四分位数之间。',
  'benchmarks.band.ABOVE_P75': '处于前四分之一：高于同组的上四分位数。',
  'benchmarks.band.none': '无法定位：您在这里没有可比较的得分。',

  'benchmarks.chart.title': '{dimension}：您的得分与同组对比',
  'benchmarks.chart.titleCohort': '{dimension}：同组得分分布',
  'benchmarks.chart.desc':
    '刻度 0 至 100。同组中间一半的商户得分在 {p25} 至 {p75} 之间，中位数为 {median}。',
  'benchmarks.chart.you': '您',
  'benchmarks.chart.youDesc': '您的得分为 {score}。',
  'benchmarks.chart.youNone': '您在这里没有得分。',
  'benchmarks.chart.withheld': '本月不予比较',
  'benchmarks.chart.withheldTitle': '{dimension}：同组数据不予公布',
  'benchmarks.chart.key':
    '阴影框：同组中间一半商户（下四分位数至上四分位数）。粗线：中位数。橙色标记：您。',

  'benchmarks.reason.COHORT_TOO_SMALL.title': '不予公布：商户太少',
  'benchmarks.reason.COHORT_TOO_SMALL.body':
    '本月这一组中有数据的商户少于 {k} 家。商户这么少，成员之间就能推算出彼此的结果，因此不显示任何数据。',
  'benchmarks.reason.DOMINANT_CONTRIBUTOR.title': '不予公布：单一商户占比过高',
  'benchmarks.reason.DOMINANT_CONTRIBUTOR.body':
    '这一数据背后超过 {percent} 的业务量来自同一家商户，数据基本上只反映这一家商户，因此不予公布。',
  'benchmarks.reason.NOT_PUBLISHED.title': '尚未发布',
  'benchmarks.reason.NOT_PUBLISHED.body':
    '{month}的对标数据尚未发布。月份结束后由协调员发布，数据一经发布便不再改变。',
  'benchmarks.reason.short.COHORT_TOO_SMALL': '不予公布：有数据的商户少于 {k} 家。',
  'benchmarks.reason.short.DOMINANT_CONTRIBUTOR': '不予公布：单一商户的业务量超过 {percent}。',
  'benchmarks.reason.short.NOT_PUBLISHED': '尚未发布。',
  'benchmarks.reason.noNumbers': '不予公布的数据一律不显示数字，包括您自己的。',

  'benchmarks.tips.title': '改进建议',
  'benchmarks.tips.focus': '值得关注：您在这一项低于同组中位数。',
  'benchmarks.tip.TIMELINESS.1':
    '每一件新退货都在 2 小时内回复，哪怕只是一句“已收到，正在处理”：计算的是首次回复。',
  'benchmarks.tip.TIMELINESS.2': '以售后工作台为准：等待首次回复的退货都列在那里，最紧急的在前。',
  'benchmarks.tip.TIMELINESS.3': '高峰时段和周末安排轮班，不让任何退货隔夜等待首次回复。',
  'benchmarks.tip.RESOLUTION.1':
    '退货到达售后中心后 24 小时内做出处理决定：检验完毕的退货正在等您决定。',
  'benchmarks.tip.RESOLUTION.2':
    '事先约定每个检验等级对应的处理方式（退款、换货、维修），员工就能当场决定。',
  'benchmarks.tip.RESOLUTION.3': '每天查看工作台上等待您处理的已检验退货。',
  'benchmarks.tip.PROFESSIONALISM.1': '让售后人员参加联盟认证：持证人员达到 {full} 即可得满分。',
  'benchmarks.tip.PROFESSIONALISM.2':
    '员工取得认证当天就在员工页面提交证书及扫描件：只有经协调员审核的证书才计入。',
  'benchmarks.tip.PROFESSIONALISM.3': '新员工在取得认证前，安排与持证同事一起工作。',
  'benchmarks.tip.CARE.1': '用通俗的话向客户说明处理结果，并告诉对方接下来会发生什么、在什么时候。',
  'benchmarks.tip.CARE.2': '一经决定就尽快退款或换货：等待是低评分最常见的原因。',
  'benchmarks.tip.CARE.3': '退货处理完毕后邀请客户评分：每一条评分都计入您的平均分。',

  'benchmarks.trend.title': '趋势：最近 {count} 个已发布月份的综合得分',
  'benchmarks.trend.none': '截至{month}尚无已发布的数据。',
  'benchmarks.trend.you': '您的得分',
  'benchmarks.trend.median': '同组中位数',
  'benchmarks.trend.withheld': '不予公布',
  'benchmarks.trend.noScore': '无得分',
  'benchmarks.trend.chartTitle': '您每月的综合得分及同组中位数',
  'benchmarks.trend.point': '{month}：您的得分 {score}，同组中位数 {median}。',
  'benchmarks.trend.pointWithheld': '{month}：不予公布。',
  'benchmarks.trend.table': '以表格显示趋势',
  'benchmarks.trend.month': '月份',
  'benchmarks.trend.show': '查看该月',

  'benchmarks.credit.title': '退货信用提示',
  'benchmarks.credit.lead': '自愿参加的提示：提醒您哪些客户在全联盟范围内退货异常频繁。',
  'benchmarks.credit.shared':
    '您共享的内容：每件退货的客户联系方式的密钥哈希（用联盟密钥计算的 HMAC）。绝不共享电话号码或邮箱本身，也不共享订单。',
  'benchmarks.credit.seen':
    '您看到的内容：您自己的退货在驿站交寄后，只显示一个等级（正常；偏高：{days} 天内参加的成员中同一联系方式有 {elevated} 件或以上已在驿站交寄的退货；高：{high} 件或以上）。绝不显示是哪些商户、哪些退货或客户是谁。',
  'benchmarks.credit.off':
    '只有参加的成员才共享哈希、看到等级。您可以随时退出，退出后您的退货不再被计入。',
  'benchmarks.credit.status.on': '您已参加：自 {date} 起。',
  'benchmarks.credit.status.off': '您未参加：您不共享任何内容，也看不到等级。',
  'benchmarks.credit.turnOn': '参加退货信用提示',
  'benchmarks.credit.turnOff': '退出',
  'benchmarks.credit.band': '顾客退货信用等级',
  'benchmarks.credit.band.NORMAL': '正常',
  'benchmarks.credit.band.ELEVATED': '偏高：{days} 天内在联盟内退货 {min} 次以上',
  'benchmarks.credit.band.HIGH': '高：{days} 天内在联盟内退货 {min} 次以上',
  'benchmarks.credit.band.off': '未显示：在“同行对标”页参加退货信用提示后可见',
  'benchmarks.credit.band.afterCheckIn': '驿站收件后可见：只统计已在驿站交寄的包裹',
  'benchmarks.credit.done.on': '您已参加退货信用提示。',
  'benchmarks.credit.done.off': '您已退出：您的退货不再被计入。',

  'benchmarks.alliance.title': '联盟对标数据',
  'benchmarks.alliance.lead':
    '已发布的分组数据：每个分组、每个维度的四分位数，或不予公布的原因。这里不显示任何成员自己的数据。',
  'benchmarks.alliance.month': '分组数据 · {month}',
  'benchmarks.alliance.published':
    '发布于 {date}，使用评分方法第 {version} 版；每组至少需要 {k} 家商户。',
  'benchmarks.alliance.publishLink': '发布已结束的月份',
  'benchmarks.alliance.publishThis': '发布{month}…',
  'benchmarks.alliance.notFinished': '{month}尚未结束：自{from}起可以发布。',
  'benchmarks.alliance.done': '{month}已发布。数据现已冻结，所有成员都可以查看。',
  'benchmarks.table.dimension': '维度',
  'benchmarks.table.size': '商户数',
  'benchmarks.table.p25': '下四分位数',
  'benchmarks.table.median': '中位数',
  'benchmarks.table.p75': '上四分位数',
  'benchmarks.table.spread': '分布（0–100）',

  'benchmarks.publish.title': '发布对标数据',
  'benchmarks.publish.lead':
    '发布时会为已结束的月份计算每个成员的得分和各分组数据，并永久冻结。每个月份只能发布一次。',
  'benchmarks.publish.months': '已结束的月份',
  'benchmarks.publish.month': '月份',
  'benchmarks.publish.status': '状态',
  'benchmarks.publish.status.published': '已于 {date} 发布',
  'benchmarks.publish.status.open': '未发布',
  'benchmarks.publish.action': '操作',
  'benchmarks.publish.start': '发布…',
  'benchmarks.publish.view': '查看数据',
  'benchmarks.publish.confirmTitle': '确定发布{month}吗？',
  'benchmarks.publish.confirmBody':
    '现在将根据{month}的退货、响应、员工和评分计算得分，然后冻结：即使之后有迟到的数据，也永远不能修改或重新发布。',
  'benchmarks.publish.confirmRules':
    '少于 {k} 家商户的分组，或单一商户业务量超过 {percent} 的分组，将不予公布。',
  'benchmarks.publish.confirm': '确定发布{month}',
  'benchmarks.publish.cancel': '取消',
  'benchmarks.publish.refused': '未发布：{reason}',
  'benchmarks.publish.refused.month': '未发布：请从列表中选择月份。',

  'benchmarks.method.title': '对标评分是怎样计算的',
  'benchmarks.method.version': '评分方法第 {version} 版。每次发布都会记录所用的版本。',
  'benchmarks.method.intro':
    '每个月，每个成员在四个维度上各得到 0 至 100 分，依据的是当月在 Nestwork 中实际发生的业务。月份结束后由协调员发布一次，数据随即冻结。',
  'benchmarks.method.dimensions': '四个维度',
  'benchmarks.method.col.dimension': '维度',
  'benchmarks.method.col.figure': '数据',
  'benchmarks.method.col.zero': '不高于此值得 0 分',
  'benchmarks.method.col.full': '不低于此值得 100 分',
  'benchmarks.method.col.volume': '业务量（用于占比规则）',
  'benchmarks.method.col.minSample': '评分起点',
  'benchmarks.method.minSample':
    '某一维度的数据至少要基于最后一列的样本量（退货、评价或人员）才会评分：一两件退货得出的分数只是噪声。样本不足时，评分卡只显示样本量、不显示分数，该商户也不计入这一维度的同组对比。第 1 版没有这一下限。',
  'benchmarks.method.linear': '在两个阈值之间，得分按直线上升，保留一位小数。',
  'benchmarks.method.overall': '综合得分是成员当月有数据的各维度得分的平均值。',
  'benchmarks.method.stars': '星级',
  'benchmarks.method.col.score': '综合得分',
  'benchmarks.method.col.stars': '星级',
  'benchmarks.method.atLeast': '{min} 分及以上',
  'benchmarks.method.below': '低于 {max} 分',
  'benchmarks.method.cohorts': '分组、四分位数和位置',
  'benchmarks.method.cohortsBody':
    '成员可以与全联盟比较，也可以与同一品类的商户比较。每个分组、每个维度只公布三个数：下四分位数（p25）、中位数和上四分位数（p75），按排序后得分之间的线性插值计算。绝不公布最低分或最高分，也绝不列出商户名单。',
  'benchmarks.method.bands':
    '成员的位置说明自己的得分落在哪里：后四分之一、中等偏下、中等偏上（从中位数到上四分位数）或前四分之一。',
  'benchmarks.method.privacy': '什么情况下不予公布',
  'benchmarks.method.k':
    '一个分组至少要有 {k} 家有数据的商户才公布（k-匿名）。联盟可以要求更多，但不能更少。',
  'benchmarks.method.kCurrent': '您所在联盟目前要求 {k} 家。',
  'benchmarks.method.dominance':
    '如果某一数据背后超过 {percent} 的业务量来自同一家商户，该数据不予公布：它基本上只反映这一家商户。',
  'benchmarks.method.withheld':
    '不予公布的数据只显示原因，不显示任何数字。分组的综合数据不予公布时，整张成绩单都不予公布。',
  'benchmarks.method.freeze': '发布与冻结',
  'benchmarks.method.freezeBody':
    '只有已结束的月份才能发布，而且只能发布一次。成员自己的得分和分组数据同时写入，之后数据库拒绝任何修改。因此，迟到的退货、新加入的成员或反复查询，都无法与先前的结果对比来推算出某一成员的成绩。',
  'benchmarks.method.freezeRead': '各页面（包括趋势）只读取这些冻结的数据，不会重新计算。',
  'benchmarks.method.credit': '退货信用提示',
}
