// Deterministic demo data for the Nestwork seed: one alliance, its three returns hubs,
// twenty member merchants and forty-eight drop-off stations in partner baby stores.
// Pure data only: no imports, no randomness, no clock.

import type { Category, StationService } from '../schema'

export interface DemoHub {
  id: string
  name: string
  nameZh: string
  city: string
  cityZh: string
  lat: number
  lng: number
  dailyCapacityUnits: number
}

export interface DemoMerchant {
  id: string
  name: string
  nameEn: string
  category: Category
  joinedOn: string
}

export interface DemoStation {
  id: string
  name: string
  storeName: string
  address: string
  city: string
  province: string
  lat: number
  lng: number
  openingHours: string
  services: StationService[]
  commissionFen: number
  largeItemCommissionFen: number
  closedDays: number[]
  phone: string
  postcode: string
  romanised: string
}

export const demoAlliance = {
  id: 'all_yrd',
  name: 'Yangtze Delta Mother & Baby After-Sales Alliance',
  nameZh: '长三角母婴售后联盟',
} as const

export const demoHubs: DemoHub[] = [
  {
    id: 'hub_1',
    name: 'Shanghai Hub',
    nameZh: '上海售后中心',
    city: 'Shanghai',
    cityZh: '上海',
    lat: 31.2412, // Qingpu, Huaxin logistics park
    lng: 121.2205,
    dailyCapacityUnits: 1500,
  },
  {
    id: 'hub_2',
    name: 'Hangzhou Hub',
    nameZh: '杭州售后中心',
    city: 'Hangzhou',
    cityZh: '杭州',
    lat: 30.2218, // Xiaoshan, airport logistics zone
    lng: 120.4187,
    dailyCapacityUnits: 1500,
  },
  {
    id: 'hub_3',
    name: 'Nanjing Hub',
    nameZh: '南京售后中心',
    city: 'Nanjing',
    cityZh: '南京',
    lat: 31.9214, // Jiangning development zone
    lng: 118.8672,
    dailyCapacityUnits: 1500,
  },
]

type MerchantRow = [name: string, nameEn: string, category: Category, joinedOn: string]

// Categories interleaved; totals FOOD 7, SUPPLIES 6, CLOTHING 4, TOYS 3 (35/30/20/15 %).
const merchantRows: MerchantRow[] = [
  ['禾苗奶粉专营店', 'Hemiao Infant Formula Store', 'FOOD', '2024-03-04'],
  ['棉柔宝纸尿裤旗舰店', 'Mianroubao Diapers Flagship Store', 'SUPPLIES', '2024-03-18'],
  ['糖果兔童装旗舰店', 'Candy Bunny Kidswear Flagship Store', 'CLOTHING', '2024-04-22'],
  ['积木岛益智玩具店', 'Block Island Educational Toys', 'TOYS', '2024-06-05'],
  ['谷谷宝辅食旗舰店', 'Gugubao Baby Food Flagship Store', 'FOOD', '2024-07-15'],
  ['安睡熊婴儿床专营店', 'Sleepy Bear Baby Cots', 'SUPPLIES', '2024-08-27'],
  ['羊妈妈羊奶粉专营店', 'Goat Mama Goat-Milk Formula Store', 'FOOD', '2024-10-09'],
  ['棉花朵婴儿服饰', 'Cotton Bloom Baby Apparel', 'CLOTHING', '2024-11-20'],
  ['优行童车旗舰店', 'Youxing Prams & Strollers Flagship Store', 'SUPPLIES', '2025-01-06'],
  ['米粒儿婴儿辅食店', 'Mili Baby Food Shop', 'FOOD', '2025-02-17'],
  ['乐趣屋玩具旗舰店', 'Fun House Toys Flagship Store', 'TOYS', '2025-03-31'],
  ['暖暖奶瓶喂养专营店', 'Nuannuan Bottles & Feeding Store', 'SUPPLIES', '2025-05-12'],
  ['澳源奶粉海外专营店', 'Aoyuan Imported Formula Store', 'FOOD', '2025-06-23'],
  ['小橙子童装工作室', 'Little Orange Kidswear Studio', 'CLOTHING', '2025-08-04'],
  ['小河马纸尿裤湿巾店', 'Little Hippo Diapers & Wipes', 'SUPPLIES', '2025-09-15'],
  ['小满米粉辅食馆', 'Xiaoman Rice Cereal & Baby Food', 'FOOD', '2025-10-27'],
  ['布布熊毛绒玩具店', 'Bubu Bear Plush Toys', 'TOYS', '2025-12-08'],
  ['安途儿童安全座椅店', 'Antu Child Car Seats', 'SUPPLIES', '2026-01-19'],
  ['竹语有机棉童装店', 'Zhuyu Organic Cotton Kidswear', 'CLOTHING', '2026-03-02'],
  ['田园果泥母婴食品店', 'Tianyuan Fruit Purée Baby Foods', 'FOOD', '2026-06-15'],
]

export const demoMerchants: DemoMerchant[] = merchantRows.map(
  ([name, nameEn, category, joinedOn], i) => ({
    id: `mer_${String(i + 1).padStart(2, '0')}`,
    name,
    nameEn,
    category,
    joinedOn,
  }),
)

const PROVINCE_BY_CITY = {
  上海: '上海',
  南京: '江苏',
  苏州: '江苏',
  无锡: '江苏',
  常州: '江苏',
  南通: '江苏',
  扬州: '江苏',
  徐州: '江苏',
  镇江: '江苏',
  杭州: '浙江',
  宁波: '浙江',
  温州: '浙江',
  绍兴: '浙江',
  嘉兴: '浙江',
  湖州: '浙江',
  金华: '浙江',
  台州: '浙江',
  衢州: '浙江',
  合肥: '安徽',
  芜湖: '安徽',
  蚌埠: '安徽',
  马鞍山: '安徽',
  安庆: '安徽',
  六安: '安徽',
} as const

type City = keyof typeof PROVINCE_BY_CITY

// Opening hours, referenced by index in the station table.
const HOURS = ['09:00-21:00', '10:00-22:00', '08:30-20:30', '09:30-21:30'] as const

// Service letters in the station table: T toy sanitising, C baby-goods cleaning,
// L large items (prams, cots, car seats), P parcel locker.
const SERVICE_BY_LETTER = {
  T: 'TOY_SANITISING',
  C: 'BABY_GOODS_CLEANING',
  L: 'LARGE_ITEMS',
  P: 'PARCEL_LOCKER',
} as const

type ServiceLetter = keyof typeof SERVICE_BY_LETTER

function expandServices(letters: string): StationService[] {
  return [...letters].map((letter) => {
    if (!(letter in SERVICE_BY_LETTER)) throw new Error(`Unknown service letter: ${letter}`)
    return SERVICE_BY_LETTER[letter as ServiceLetter]
  })
}

type StationRow = [
  city: City,
  name: string,
  storeName: string,
  address: string,
  lat: number,
  lng: number,
  hours: 0 | 1 | 2 | 3,
  services: string,
  commissionFen: number,
  largeItemCommissionFen?: number,
]

const stationRows: StationRow[] = [
  // 上海 (12)
  ['上海', '静安寺站', '孩子王', '静安区南京西路1618号', 31.2245, 121.4461, 1, 'TCP', 220],
  ['上海', '徐家汇站', '爱婴室', '徐汇区漕溪北路88号', 31.1938, 121.4372, 1, 'TCLP', 250, 700],
  ['上海', '五角场站', '乐友', '杨浦区淞沪路77号', 31.3006, 121.5143, 0, 'TP', 200],
  ['上海', '八佰伴站', '孩子王', '浦东新区张杨路501号', 31.2294, 121.5186, 1, 'TCL', 280, 800],
  ['上海', '中山公园站', '丽家宝贝', '长宁区长宁路1018号', 31.2208, 121.4173, 0, 'CP', 200],
  ['上海', '七宝站', '宝贝天地母婴', '闵行区七莘路3655号', 31.1566, 121.3528, 2, 'TCL', 230, 650],
  ['上海', '莘庄站', '爱婴室', '闵行区都市路5001号', 31.1128, 121.3849, 0, 'TP', 180],
  ['上海', '大宁站', '好孩子', '静安区共和新路1898号', 31.2812, 121.4577, 3, 'TC', 200],
  ['上海', '鲁迅公园站', '小脚丫母婴', '虹口区四川北路1888号', 31.2706, 121.4832, 2, 'C', 160],
  ['上海', '长风站', '童心母婴', '普陀区大渡河路196号', 31.2287, 121.3968, 0, 'TCLP', 260, 750],
  ['上海', '张江站', '乐友', '浦东新区张衡路1000号', 31.2045, 121.5898, 1, 'CP', 210],
  ['上海', '三林站', '贝乐多母婴', '浦东新区上南路4467号', 31.1483, 121.5018, 2, 'TL', 190, 600],
  // 江苏 (14)
  ['南京', '新街口站', '孩子王', '秦淮区中山南路122号', 32.0412, 118.7842, 1, 'TCLP', 280, 800],
  ['南京', '河西站', '爱婴室', '建邺区江东中路98号', 32.0053, 118.7371, 1, 'TCP', 240],
  ['南京', '百家湖站', '乐友', '江宁区双龙大道1698号', 31.9306, 118.8214, 0, 'CL', 220, 650],
  ['苏州', '苏州园区站', '孩子王', '工业园区星湖街328号', 31.3168, 120.7152, 1, 'TCLP', 270, 750],
  ['苏州', '观前街站', '婴之岛母婴', '姑苏区人民路1800号', 31.3114, 120.6247, 0, 'TP', 200],
  ['苏州', '狮山站', '乐友', '虎丘区狮山路199号', 31.2987, 120.5706, 3, 'CP', 210],
  ['无锡', '崇安寺站', '爱婴室', '梁溪区中山路168号', 31.5762, 120.3013, 0, 'TC', 190],
  ['无锡', '无锡新吴站', '童乐汇母婴', '新吴区长江路16号', 31.5498, 120.3627, 2, 'TC', 170],
  ['常州', '常州南大街站', '孩子王', '天宁区延陵西路123号', 31.7784, 119.9563, 1, 'TCP', 220],
  ['常州', '常州武进站', '小天使母婴', '武进区延政中路8号', 31.7136, 119.9467, 2, 'C', 150],
  ['南通', '南通文峰站', '好孩子', '崇川区人民中路100号', 32.0133, 120.8592, 0, 'TC', 200],
  ['扬州', '扬州文昌阁站', '乐友', '广陵区文昌中路278号', 32.3952, 119.4286, 3, 'TP', 180],
  ['徐州', '彭城站', '孩子王', '鼓楼区中山北路88号', 34.2674, 117.1865, 0, 'TCLP', 230, 650],
  ['镇江', '镇江大市口站', '宝宝乐园', '京口区中山东路206号', 32.2047, 119.4562, 2, 'CP', 170],
  // 浙江 (14)
  ['杭州', '武林站', '孩子王', '拱墅区延安路530号', 30.2738, 120.1632, 1, 'TCLP', 300, 800],
  ['杭州', '滨江站', '爱婴室', '滨江区江南大道3850号', 30.2083, 120.2104, 1, 'TCP', 250],
  ['杭州', '西溪站', '乐友', '西湖区文二西路551号', 30.2826, 120.0983, 3, 'CL', 240, 700],
  ['宁波', '宁波天一站', '孩子王', '海曙区中山东路188号', 29.8726, 121.5547, 1, 'TCP', 230],
  ['宁波', '宁波鄞州站', '宝贝家园母婴', '鄞州区天童南路568号', 29.8193, 121.5528, 2, 'TCP', 200],
  ['温州', '温州五马站', '爱婴室', '鹿城区人民中路66号', 28.0141, 120.6583, 0, 'TC', 210],
  ['温州', '温州瓯海站', '乐友', '瓯海区府东路188号', 27.9693, 120.6381, 2, 'P', 160],
  ['绍兴', '绍兴越城站', '孩子王', '越城区解放北路318号', 30.0024, 120.5803, 0, 'TCL', 220, 650],
  ['绍兴', '柯桥站', '好孩子', '柯桥区笛扬路1188号', 30.0852, 120.4902, 3, 'CP', 190],
  ['嘉兴', '嘉兴南湖站', '孩子王', '南湖区中山东路1166号', 30.7531, 120.7604, 1, 'TP', 200],
  ['湖州', '湖州爱山站', '爱婴室', '吴兴区红旗路128号', 30.8936, 120.0941, 0, 'C', 170],
  ['金华', '金华江北站', '好孩子', '婺城区八一北街99号', 29.0893, 119.6487, 2, 'TCLP', 210, 600],
  ['台州', '台州椒江站', '乐友', '椒江区市府大道388号', 28.6562, 121.4198, 0, 'TC', 180],
  ['衢州', '衢州柯城站', '童心母婴', '柯城区新桥街88号', 28.9702, 118.8703, 2, 'TP', 150],
  // 安徽 (8)
  ['合肥', '合肥三孝口站', '孩子王', '庐阳区长江中路369号', 31.8664, 117.2775, 1, 'TCLP', 250, 700],
  ['合肥', '合肥政务区站', '爱婴室', '蜀山区潜山路190号', 31.8187, 117.2243, 0, 'TCP', 220],
  ['合肥', '合肥滨湖站', '乐友', '包河区徽州大道5999号', 31.7352, 117.2981, 3, 'CL', 200, 600],
  ['芜湖', '芜湖中山路站', '孩子王', '镜湖区北京中路66号', 31.3372, 118.3768, 1, 'TP', 190],
  ['蚌埠', '蚌埠胜利路站', '婴之岛母婴', '蚌山区胜利中路288号', 32.9168, 117.3892, 2, 'TC', 160],
  ['马鞍山', '马鞍山站', '好孩子', '花山区湖北东路58号', 31.6903, 118.5102, 0, 'CL', 180, 550],
  ['安庆', '安庆人民路站', '乐友', '迎江区人民路318号', 30.5298, 117.0601, 0, 'CP', 170],
  ['六安', '六安金安站', '童心母婴', '金安区人民东路128号', 31.7553, 116.5192, 2, 'TP', 150],
]

// Per station, in the table's order: postcode, the searchable pinyin (toneless, lower case,
// syllables spaced, fields split by "|": name, store, district and street, city, province —
// polyphones as locals say them, 闵行 min hang, 莘庄 xin zhuang, 长宁 chang ning) and the ISO
// weekdays it is shut.
type StationExtras = [postcode: string, romanised: string, closedDays: number[]]

const stationExtras: StationExtras[] = [
  ['200040', 'jing an si zhan|hai zi wang|jing an qu nan jing xi lu|shang hai|shang hai', []], // 静安寺站
  ['200030', 'xu jia hui zhan|ai ying shi|xu hui qu cao xi bei lu|shang hai|shang hai', []], // 徐家汇站
  ['200433', 'wu jiao chang zhan|le you|yang pu qu song hu lu|shang hai|shang hai', []], // 五角场站
  ['200120', 'ba bai ban zhan|hai zi wang|pu dong xin qu zhang yang lu|shang hai|shang hai', []], // 八佰伴站
  [
    '200050',
    'zhong shan gong yuan zhan|li jia bao bei|chang ning qu chang ning lu|shang hai|shang hai',
    [],
  ], // 中山公园站
  ['201100', 'qi bao zhan|bao bei tian di mu ying|min hang qu qi xin lu|shang hai|shang hai', []], // 七宝站
  ['201100', 'xin zhuang zhan|ai ying shi|min hang qu du shi lu|shang hai|shang hai', []], // 莘庄站
  ['200072', 'da ning zhan|hao hai zi|jing an qu gong he xin lu|shang hai|shang hai', []], // 大宁站
  [
    '200080',
    'lu xun gong yuan zhan|xiao jiao ya mu ying|hong kou qu si chuan bei lu|shang hai|shang hai',
    [1],
  ], // 鲁迅公园站
  ['200333', 'chang feng zhan|tong xin mu ying|pu tuo qu da du he lu|shang hai|shang hai', []], // 长风站
  ['201203', 'zhang jiang zhan|le you|pu dong xin qu zhang heng lu|shang hai|shang hai', []], // 张江站
  ['200124', 'san lin zhan|bei le duo mu ying|pu dong xin qu shang nan lu|shang hai|shang hai', []], // 三林站
  ['210005', 'xin jie kou zhan|hai zi wang|qin huai qu zhong shan nan lu|nan jing|jiang su', []], // 新街口站
  ['210019', 'he xi zhan|ai ying shi|jian ye qu jiang dong zhong lu|nan jing|jiang su', []], // 河西站
  ['211100', 'bai jia hu zhan|le you|jiang ning qu shuang long da dao|nan jing|jiang su', []], // 百家湖站
  ['215021', 'su zhou yuan qu zhan|hai zi wang|gong ye yuan qu xing hu jie|su zhou|jiang su', []], // 苏州园区站
  ['215002', 'guan qian jie zhan|ying zhi dao mu ying|gu su qu ren min lu|su zhou|jiang su', []], // 观前街站
  ['215011', 'shi shan zhan|le you|hu qiu qu shi shan lu|su zhou|jiang su', []], // 狮山站
  ['214002', 'chong an si zhan|ai ying shi|liang xi qu zhong shan lu|wu xi|jiang su', []], // 崇安寺站
  ['214028', 'wu xi xin wu zhan|tong le hui mu ying|xin wu qu chang jiang lu|wu xi|jiang su', []], // 无锡新吴站
  [
    '213003',
    'chang zhou nan da jie zhan|hai zi wang|tian ning qu yan ling xi lu|chang zhou|jiang su',
    [],
  ], // 常州南大街站
  [
    '213161',
    'chang zhou wu jin zhan|xiao tian shi mu ying|wu jin qu yan zheng zhong lu|chang zhou|jiang su',
    [2],
  ], // 常州武进站
  [
    '226001',
    'nan tong wen feng zhan|hao hai zi|chong chuan qu ren min zhong lu|nan tong|jiang su',
    [],
  ], // 南通文峰站
  [
    '225002',
    'yang zhou wen chang ge zhan|le you|guang ling qu wen chang zhong lu|yang zhou|jiang su',
    [],
  ], // 扬州文昌阁站
  ['221003', 'peng cheng zhan|hai zi wang|gu lou qu zhong shan bei lu|xu zhou|jiang su', []], // 彭城站
  [
    '212001',
    'zhen jiang da shi kou zhan|bao bao le yuan|jing kou qu zhong shan dong lu|zhen jiang|jiang su',
    [],
  ], // 镇江大市口站
  ['310006', 'wu lin zhan|hai zi wang|gong shu qu yan an lu|hang zhou|zhe jiang', []], // 武林站
  ['310052', 'bin jiang zhan|ai ying shi|bin jiang qu jiang nan da dao|hang zhou|zhe jiang', []], // 滨江站
  ['310012', 'xi xi zhan|le you|xi hu qu wen er xi lu|hang zhou|zhe jiang', []], // 西溪站
  [
    '315010',
    'ning bo tian yi zhan|hai zi wang|hai shu qu zhong shan dong lu|ning bo|zhe jiang',
    [],
  ], // 宁波天一站
  [
    '315100',
    'ning bo yin zhou zhan|bao bei jia yuan mu ying|yin zhou qu tian tong nan lu|ning bo|zhe jiang',
    [],
  ], // 宁波鄞州站
  ['325000', 'wen zhou wu ma zhan|ai ying shi|lu cheng qu ren min zhong lu|wen zhou|zhe jiang', []], // 温州五马站
  ['325005', 'wen zhou ou hai zhan|le you|ou hai qu fu dong lu|wen zhou|zhe jiang', [7]], // 温州瓯海站
  [
    '312000',
    'shao xing yue cheng zhan|hai zi wang|yue cheng qu jie fang bei lu|shao xing|zhe jiang',
    [],
  ], // 绍兴越城站
  ['312030', 'ke qiao zhan|hao hai zi|ke qiao qu di yang lu|shao xing|zhe jiang', []], // 柯桥站
  [
    '314001',
    'jia xing nan hu zhan|hai zi wang|nan hu qu zhong shan dong lu|jia xing|zhe jiang',
    [],
  ], // 嘉兴南湖站
  ['313000', 'hu zhou ai shan zhan|ai ying shi|wu xing qu hong qi lu|hu zhou|zhe jiang', []], // 湖州爱山站
  ['321017', 'jin hua jiang bei zhan|hao hai zi|wu cheng qu ba yi bei jie|jin hua|zhe jiang', []], // 金华江北站
  ['318000', 'tai zhou jiao jiang zhan|le you|jiao jiang qu shi fu da dao|tai zhou|zhe jiang', []], // 台州椒江站
  [
    '324000',
    'qu zhou ke cheng zhan|tong xin mu ying|ke cheng qu xin qiao jie|qu zhou|zhe jiang',
    [],
  ], // 衢州柯城站
  [
    '230001',
    'he fei san xiao kou zhan|hai zi wang|lu yang qu chang jiang zhong lu|he fei|an hui',
    [],
  ], // 合肥三孝口站
  ['230031', 'he fei zheng wu qu zhan|ai ying shi|shu shan qu qian shan lu|he fei|an hui', []], // 合肥政务区站
  ['230601', 'he fei bin hu zhan|le you|bao he qu hui zhou da dao|he fei|an hui', []], // 合肥滨湖站
  ['241000', 'wu hu zhong shan lu zhan|hai zi wang|jing hu qu bei jing zhong lu|wu hu|an hui', []], // 芜湖中山路站
  [
    '233000',
    'beng bu sheng li lu zhan|ying zhi dao mu ying|beng shan qu sheng li zhong lu|beng bu|an hui',
    [],
  ], // 蚌埠胜利路站
  ['243000', 'ma an shan zhan|hao hai zi|hua shan qu hu bei dong lu|ma an shan|an hui', []], // 马鞍山站
  ['246001', 'an qing ren min lu zhan|le you|ying jiang qu ren min lu|an qing|an hui', []], // 安庆人民路站
  ['237005', 'lu an jin an zhan|tong xin mu ying|jin an qu ren min dong lu|lu an|an hui', [1]], // 六安金安站
]

// The demo's telephone area codes; the numbers themselves are made up.
const AREA_CODE: Record<City, string> = {
  上海: '021',
  南京: '025',
  苏州: '0512',
  无锡: '0510',
  常州: '0519',
  南通: '0513',
  扬州: '0514',
  徐州: '0516',
  镇江: '0511',
  杭州: '0571',
  宁波: '0574',
  温州: '0577',
  绍兴: '0575',
  嘉兴: '0573',
  湖州: '0572',
  金华: '0579',
  台州: '0576',
  衢州: '0570',
  合肥: '0551',
  芜湖: '0553',
  蚌埠: '0552',
  马鞍山: '0555',
  安庆: '0556',
  六安: '0564',
}

if (stationExtras.length !== stationRows.length) throw new Error('one extras row per station')

export const demoStations: DemoStation[] = stationRows.map(
  ([city, name, storeName, address, lat, lng, hours, services, fen, largeFen], i) => {
    const [postcode, romanised, closedDays] = stationExtras[i]!
    return {
      id: `sta_${String(i + 1).padStart(2, '0')}`,
      name,
      storeName,
      address,
      city,
      province: PROVINCE_BY_CITY[city],
      lat,
      lng,
      openingHours: HOURS[hours],
      services: expandServices(services),
      commissionFen: fen,
      largeItemCommissionFen: largeFen ?? fen,
      closedDays,
      phone: `${AREA_CODE[city]}-${6210_0000 + (i + 1) * 1307}`,
      postcode,
      romanised,
    }
  },
)
