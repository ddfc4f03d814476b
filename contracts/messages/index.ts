export { ZH_CN_FIELD_MESSAGES, ZH_CN_MESSAGES } from './codes.js';
export { fieldErrorZh, fillTemplate, LANGUAGES, negotiateLanguage, quotedNames, refusalMessage } from './render.js';
export type { FieldErrorText, Language, RefusalBody } from './render.js';
export { NOTIFICATION_KINDS, notificationText } from './notifications.js';
export type { NotificationKind, NotificationParams } from './notifications.js';
export { deployFindingText, ORG_DEPARTMENT_SUBJECTS, ORG_USER_ATTRIBUTES } from './findings.js';
export type { OrgDepartmentParams, OrgDepartmentSubject, OrgUserAttribute, OrgUserParams } from './findings.js';
export {
  isTimelineDetailCode, isTimelineWhyCode, TIMELINE_DETAIL_CODES, TIMELINE_PERSON_PARAMS, TIMELINE_WHY_CODES, timelineDetailText, timelineWhyText,
} from './timeline.js';
export type { TimelineDetailCode, TimelineDetailParam, TimelineWhyCode } from './timeline.js';
export {
  RULE_FINDING_CODES, RULE_FINDING_PARAMS, ruleFindingMessage, ruleFindingRuleName, ruleFindingText, ruleRefusalBody, tablePathWords, wordRuleFindings,
} from './rule-findings.js';
export type { RuleFindingCode, RuleFindingLike } from './rule-findings.js';
