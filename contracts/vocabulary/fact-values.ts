/**
 * The Chinese names of the coded values an applicant's facts take (申请人类型, 房屋用途, 场所类型 …). One list,
 * read by the portal's application form, the console's window intake and the public disclosure, so a value
 * is never shown by its code.
 */
export const ZH_CN_FACT_VALUES: Readonly<Record<string, string>> = {
  NATURAL_PERSON: '自然人', ENTERPRISE: '企业', INDIVIDUAL_BUSINESS: '个体工商户', OTHER_ORG: '其他组织', PERSON: '个人',
  PROMISE: '告知承诺', NORMAL: '一般程序', CITY: '市级', PROVINCE: '省级', COUNTY: '县级',
  RESIDENTIAL: '住宅', NON_RESIDENTIAL: '非住宅', PARKING_STORAGE: '车位/储藏室',
  ACCOMMODATION: '住宿场所', BATH: '沐浴场所', BEAUTY_HAIR: '美容美发场所', ENTERTAINMENT: '文化娱乐场所', SWIMMING: '游泳场所', SHOPPING: '商场（店）', OTHER: '其他',
};

/** The values' names as dictionary entries keyed `enum.<value>`, as the pages look them up. */
export function factValueEntries(): Record<string, string> {
  return Object.fromEntries(Object.entries(ZH_CN_FACT_VALUES).map(([value, name]) => [`enum.${value}`, name]));
}
