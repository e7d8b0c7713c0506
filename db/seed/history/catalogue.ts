/**
 * What the demo's customers send back, per category: items with their price range (yuan), the
 * reasons they give, and the words merchants and customers use. Pure data.
 */
import type { Category } from '../../schema'

export interface Item {
  description: string
  /** Order value range in yuan. */
  yuan: [number, number]
  large?: boolean
}

export const items: Record<Category, Item[]> = {
  FOOD: [
    { description: '婴儿配方奶粉 3段 800g', yuan: [228, 398] },
    { description: '婴儿配方奶粉 2段 800g×2罐', yuan: [456, 796] },
    { description: '羊奶粉 1段 400g', yuan: [168, 268] },
    { description: '有机高铁米粉 225g', yuan: [59, 98] },
    { description: '宝宝果泥 6袋装', yuan: [49, 89] },
    { description: '婴幼儿面条 300g×3盒', yuan: [69, 119] },
    { description: 'DHA藻油软胶囊 60粒', yuan: [158, 298] },
  ],
  SUPPLIES: [
    { description: '纸尿裤 L码 54片×2包', yuan: [139, 219] },
    { description: '婴儿湿巾 80抽×6包', yuan: [59, 89] },
    { description: '宽口径防胀气奶瓶 240ml', yuan: [89, 169] },
    { description: '婴儿洗护套装', yuan: [99, 199] },
    { description: '吸奶器 电动双边', yuan: [399, 899] },
  ],
  CLOTHING: [
    { description: '纯棉连体衣 73码 3件装', yuan: [99, 189] },
    { description: '婴儿睡袋 四季款', yuan: [129, 259] },
    { description: '儿童羽绒服 110码', yuan: [259, 459] },
    { description: '有机棉家居套装 90码', yuan: [119, 219] },
    { description: '学步鞋 13.5码', yuan: [89, 169] },
  ],
  TOYS: [
    { description: '木质积木 100粒', yuan: [79, 159] },
    { description: '早教点读笔套装', yuan: [299, 499] },
    { description: '毛绒安抚熊 40cm', yuan: [69, 129] },
    { description: '遥控工程车', yuan: [129, 259] },
    { description: '磁力片 60片', yuan: [99, 199] },
  ],
}

/** The big items some supplies merchants sell: prams, cots and car seats (large-item commission). */
export const largeItems: Record<string, Item> = {
  mer_06: { description: '实木婴儿床 可拓展', yuan: [1299, 2999], large: true },
  mer_09: { description: '高景观双向婴儿推车', yuan: [1599, 3999], large: true },
  mer_18: { description: '儿童安全座椅 ISOFIX 0-4岁', yuan: [899, 2599], large: true },
}

export const reasons: Record<Category, string[]> = {
  FOOD: ['罐体凹陷', '宝宝不喝，未开封', '临近保质期', '发错段位', '包装漏气'],
  SUPPLIES: ['尺码不合适', '外包装破损', '数量短缺', '不想要了', '安装件缺失'],
  CLOTHING: ['尺码偏小，申请换大一码', '颜色与图片不符', '洗后起球', '不喜欢款式'],
  TOYS: ['零件缺失', '电池仓故障', '小零件脱落', '孩子不喜欢'],
}

export const firstResponses = [
  '您好，已收到您的退货申请，请在就近的驿站交寄，我们会尽快处理。',
  '亲，退货已登记，交寄时出示退货码即可，验货后第一时间为您处理。',
  '您好，给您带来不便非常抱歉，包裹到达售后中心后我们会优先处理。',
]

export const ratingComments = [
  '',
  '',
  '',
  '处理很快，满意',
  '退款及时，客服态度好',
  '驿站就在楼下，很方便',
  '等得有点久',
  '换货很顺利',
]

export const staffNames = [
  '李静',
  '张伟',
  '王芳',
  '刘洋',
  '陈晨',
  '杨丽',
  '赵磊',
  '黄敏',
  '周婷',
  '吴昊',
  '徐蕾',
  '孙杰',
  '胡雪',
  '朱琳',
  '高翔',
  '林悦',
  '何佳',
  '郭鹏',
  '马丽',
  '罗斌',
  '梁燕',
  '宋涛',
  '郑爽',
  '谢宁',
]

export const claimStories = [
  '干线运输途中外箱挤压，商品损坏无法二次销售',
  '驿站交接时包裹受潮，商品整箱报废',
  '售后中心验货确认配件缺失，需向顾客补偿',
  '运输途中包裹破损，顾客要求全额赔付',
]
