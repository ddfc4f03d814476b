/**
 * The five grades of 好差评 (国办发〔2019〕51号 《关于建立政务服务“好差评”制度提高政务服务水平的意见》): 非常满意,
 * 满意, 基本满意, 不满意, 非常不满意. Grades 4 and 5 are 差评: each opens a rectification (整改) with the item's
 * limit. The applicant chooses; nothing is chosen for them.
 */

/** A grade and its name, best first. */
export interface EvaluationGrade {
  grade: 1 | 2 | 3 | 4 | 5;
  name: '非常满意' | '满意' | '基本满意' | '不满意' | '非常不满意';
  /** 差评: opens a rectification. */
  poor: boolean;
}

/** The five grades, best first. */
export const EVALUATION_GRADES: readonly EvaluationGrade[] = [
  { grade: 1, name: '非常满意', poor: false },
  { grade: 2, name: '满意', poor: false },
  { grade: 3, name: '基本满意', poor: false },
  { grade: 4, name: '不满意', poor: true },
  { grade: 5, name: '非常不满意', poor: true },
];
