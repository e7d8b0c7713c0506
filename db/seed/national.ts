// The national scale demo: about a thousand drop-off stations spread over China's large cities,
// so the map, the search and nearestStations can be tried (and benchmarked) at that size.
// Deterministic: the same count always gives the same stations. Pure data and arithmetic.
import type { StationService } from '../schema'
import type { DemoStation } from './demo-data'

// city, pinyin, province, province pinyin, lat, lng (WGS-84), phone area code, postcode
type City = [string, string, string, string, number, number, string, string]

const CITIES: City[] = [
  ['北京', 'bei jing', '北京', 'bei jing', 39.9042, 116.4074, '010', '100000'],
  ['天津', 'tian jin', '天津', 'tian jin', 39.3434, 117.3616, '022', '300000'],
  ['石家庄', 'shi jia zhuang', '河北', 'he bei', 38.0428, 114.5149, '0311', '050000'],
  ['太原', 'tai yuan', '山西', 'shan xi', 37.8706, 112.5489, '0351', '030000'],
  ['呼和浩特', 'hu he hao te', '内蒙古', 'nei meng gu', 40.8424, 111.749, '0471', '010000'],
  ['沈阳', 'shen yang', '辽宁', 'liao ning', 41.8057, 123.4315, '024', '110000'],
  ['大连', 'da lian', '辽宁', 'liao ning', 38.914, 121.6147, '0411', '116000'],
  ['长春', 'chang chun', '吉林', 'ji lin', 43.8171, 125.3235, '0431', '130000'],
  ['哈尔滨', 'ha er bin', '黑龙江', 'hei long jiang', 45.8038, 126.535, '0451', '150000'],
  ['上海', 'shang hai', '上海', 'shang hai', 31.2304, 121.4737, '021', '200000'],
  ['南京', 'nan jing', '江苏', 'jiang su', 32.0603, 118.7969, '025', '210000'],
  ['苏州', 'su zhou', '江苏', 'jiang su', 31.2989, 120.5853, '0512', '215000'],
  ['杭州', 'hang zhou', '浙江', 'zhe jiang', 30.2741, 120.1551, '0571', '310000'],
  ['宁波', 'ning bo', '浙江', 'zhe jiang', 29.8683, 121.544, '0574', '315000'],
  ['合肥', 'he fei', '安徽', 'an hui', 31.8206, 117.2272, '0551', '230000'],
  ['福州', 'fu zhou', '福建', 'fu jian', 26.0745, 119.2965, '0591', '350000'],
  ['厦门', 'xia men', '福建', 'fu jian', 24.4798, 118.0894, '0592', '361000'],
  ['南昌', 'nan chang', '江西', 'jiang xi', 28.682, 115.8579, '0791', '330000'],
  ['济南', 'ji nan', '山东', 'shan dong', 36.6512, 117.1201, '0531', '250000'],
  ['青岛', 'qing dao', '山东', 'shan dong', 36.0671, 120.3826, '0532', '266000'],
  ['郑州', 'zheng zhou', '河南', 'he nan', 34.7466, 113.6254, '0371', '450000'],
  ['武汉', 'wu han', '湖北', 'hu bei', 30.5928, 114.3055, '027', '430000'],
  ['长沙', 'chang sha', '湖南', 'hu nan', 28.2282, 112.9388, '0731', '410000'],
  ['广州', 'guang zhou', '广东', 'guang dong', 23.1291, 113.2644, '020', '510000'],
  ['深圳', 'shen zhen', '广东', 'guang dong', 22.5431, 114.0579, '0755', '518000'],
  ['东莞', 'dong guan', '广东', 'guang dong', 23.0207, 113.7518, '0769', '523000'],
  ['南宁', 'nan ning', '广西', 'guang xi', 22.817, 108.3665, '0771', '530000'],
  ['海口', 'hai kou', '海南', 'hai nan', 20.044, 110.1999, '0898', '570000'],
  ['重庆', 'chong qing', '重庆', 'chong qing', 29.563, 106.5516, '023', '400000'],
  ['成都', 'cheng du', '四川', 'si chuan', 30.5728, 104.0668, '028', '610000'],
  ['贵阳', 'gui yang', '贵州', 'gui zhou', 26.647, 106.6302, '0851', '550000'],
  ['昆明', 'kun ming', '云南', 'yun nan', 25.0389, 102.7183, '0871', '650000'],
  ['拉萨', 'la sa', '西藏', 'xi zang', 29.652, 91.1721, '0891', '850000'],
  ['西安', 'xi an', '陕西', 'shan xi', 34.3416, 108.9398, '029', '710000'],
  ['兰州', 'lan zhou', '甘肃', 'gan su', 36.0611, 103.8343, '0931', '730000'],
  ['西宁', 'xi ning', '青海', 'qing hai', 36.6171, 101.7782, '0971', '810000'],
  ['银川', 'yin chuan', '宁夏', 'ning xia', 38.4872, 106.2309, '0951', '750000'],
  ['乌鲁木齐', 'wu lu mu qi', '新疆', 'xin jiang', 43.8256, 87.6168, '0991', '830000'],
]

const STORES: [string, string][] = [
  ['孩子王', 'hai zi wang'],
  ['爱婴室', 'ai ying shi'],
  ['乐友', 'le you'],
  ['好孩子', 'hao hai zi'],
  ['贝贝母婴', 'bei bei mu ying'],
]
const HOURS = ['09:00-21:00', '10:00-22:00', '08:30-20:30', '09:30-21:30'] as const
const SERVICES: StationService[] = [
  'TOY_SANITISING',
  'BABY_GOODS_CLEANING',
  'LARGE_ITEMS',
  'PARCEL_LOCKER',
]

/** mulberry32: a small, well-mixed PRNG, so the scale demo is the same on every machine. */
function random(seed: number): () => number {
  let a = seed >>> 0
  return () => {
    a = (a + 0x6d2b79f5) >>> 0
    let t = a
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296
  }
}

/**
 * `count` stations (ids `sta_n0001`…) over the cities, each within about 15 km of its city's
 * centre, numbered per city: 成都7号站 at 成都市示范路7号.
 * @example nationalStations(1000).length // 1000
 */
export function nationalStations(count: number): DemoStation[] {
  const next = random(20261202)
  const perCity = new Map<string, number>()
  return Array.from({ length: count }, (_, i) => {
    const [city, cityPy, province, provincePy, lat, lng, area, postcode] =
      CITIES[i % CITIES.length]!
    const n = (perCity.get(city) ?? 0) + 1
    perCity.set(city, n)
    const [store, storePy] = STORES[Math.floor(next() * STORES.length)]!
    const services = SERVICES.filter(() => next() < 0.5)
    const fen = 150 + Math.floor(next() * 16) * 10
    return {
      id: `sta_n${String(i + 1).padStart(4, '0')}`,
      name: `${city}${n}号站`,
      storeName: store,
      address: `示范路${n}号`,
      city,
      province,
      lat: Math.round((lat + (next() - 0.5) * 0.27) * 1e4) / 1e4,
      lng: Math.round((lng + (next() - 0.5) * 0.32) * 1e4) / 1e4,
      openingHours: HOURS[Math.floor(next() * HOURS.length)]!,
      services,
      commissionFen: fen,
      largeItemCommissionFen: services.includes('LARGE_ITEMS') ? fen * 3 : fen,
      closedDays: next() < 0.1 ? [1] : [],
      phone: `${area}-${String(6000_0000 + i * 7)}`,
      postcode,
      romanised: `${cityPy} ${n} hao zhan|${storePy}|shi fan lu|${cityPy}|${provincePy}`,
    }
  })
}
