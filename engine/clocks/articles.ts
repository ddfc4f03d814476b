/** The articles of law the clocks implement, as recorded in every deadline's basis. */
export const ARTICLES = {
  /** 民法典 第201条: the day a period starts is not counted; counting begins the next day. */
  startDayNotCounted: '民法典第201条',
  /** 民法典 第203条: a period ending on a holiday ends on the day after it; it ends at 24:00 or office closing. */
  periodEnd: '民法典第203条',
  /** 行政许可法 第32条: one correction notice within 5 days, else accepted from receipt. */
  preAcceptance: '行政许可法第32条',
  /** 行政许可法 第42条第1款: decide within 20 days; one extension of 10 days by the agency head. */
  decision: '行政许可法第42条第1款',
  /** 行政许可法 第42条第2款: joint handling 45 days; 15 more with the same-level government head's approval. */
  joint: '行政许可法第42条第2款',
  /** 行政许可法 第43条: a lower-level agency's preliminary review within 20 days. */
  lowerLevelReview: '行政许可法第43条',
  /** 行政许可法 第44条: issue and deliver the licence within 10 days of the decision. */
  delivery: '行政许可法第44条',
  /** 行政许可法 第45条: hearing, tendering, auction, inspection, testing, quarantine, appraisal, expert review not counted. */
  notCounted: '行政许可法第45条',
  /** 行政许可法 第47条: request a hearing within 5 days of being told of the right; held within 20 days of the request. */
  hearing: '行政许可法第47条',
  /** 行政许可法 第48条第1款第1项: the time and place of the hearing are notified 7 days before it. */
  hearingNotice: '行政许可法第48条第1款第1项',
  /** 行政许可法 第82条: the limits are working days, statutory holidays excluded. */
  workingDays: '行政许可法第82条',
} as const;
