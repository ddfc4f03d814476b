/**
 * The texts of the deploy findings the server adds after checking a package against the organisation, in
 * Chinese (the default) and English, filled from the finding's parameters. Shared by the server (the
 * finding's `message` in the asked language) and the modeler (which shows them in Chinese by code, whatever
 * language its browser asks in). Pure: no I/O.
 */
import { fillTemplate, type Language } from './render.js';

/**
 * What an `org-department` finding names: a step of the process, a department a 抄送 step copies
 * (`approval:ccDepartments`), or one of the listing's departments (the implementing body, the joint lead,
 * a co-department).
 */
export const ORG_DEPARTMENT_SUBJECTS = ['step', 'cc-department', 'implementing-body', 'joint-lead', 'co-department'] as const;
/** One of `ORG_DEPARTMENT_SUBJECTS`. */
export type OrgDepartmentSubject = (typeof ORG_DEPARTMENT_SUBJECTS)[number];

/**
 * The parameters of an `org-department` finding: the department as written, what names it, and where:
 * the step's element id and name, or the listing's file and JSON path.
 */
export interface OrgDepartmentParams {
  department: string;
  subject: OrgDepartmentSubject;
  file: string;
  element?: string;
  name?: string;
  field?: string;
}

const ZH: Record<OrgDepartmentSubject, string> = {
  step: '环节“{step}”的实施部门“{department}”不在组织机构中，请从组织机构中选择',
  'cc-department': '环节“{step}”的抄送部门“{department}”不在组织机构中，请从组织机构中选择',
  'implementing-body': '事项清单的实施主体“{department}”不在组织机构中，请从组织机构中选择',
  'joint-lead': '联合办理的牵头部门“{department}”不在组织机构中，请从组织机构中选择',
  'co-department': '联合办理的协办部门“{department}”不在组织机构中，请从组织机构中选择',
};

const EN: Record<OrgDepartmentSubject, string> = {
  step: "Step '{step}' names department '{department}', which the organisation does not have (GET /api/org); choose one of its departments",
  'cc-department': "Step '{step}' copies department '{department}' (approval:ccDepartments), which the organisation does not have (GET /api/org); choose one of its departments",
  'implementing-body': "The listing's implementing body '{department}' is not a department of the organisation (GET /api/org); choose one of its departments",
  'joint-lead': "The joint handling's lead department '{department}' is not a department of the organisation (GET /api/org); choose one of its departments",
  'co-department': "The joint handling's co-department '{department}' is not a department of the organisation (GET /api/org); choose one of its departments",
};

/** The attributes of a step that name users (rule `org-user`): 办理人, 抄送人员, 票签权重. */
export const ORG_USER_ATTRIBUTES = ['candidates', 'ccUsers', 'voteWeights'] as const;
/** One of `ORG_USER_ATTRIBUTES`. */
export type OrgUserAttribute = (typeof ORG_USER_ATTRIBUTES)[number];

/** The parameters of an `org-user` finding: the user id as written, the attribute naming it, the step. */
export interface OrgUserParams {
  user: string;
  attribute: OrgUserAttribute;
  file: string;
  element: string;
  name?: string;
}

const ZH_USER: Record<OrgUserAttribute, string> = {
  candidates: '环节“{step}”的办理人“{user}”不是组织机构中在用的人员，请从组织机构中选择',
  ccUsers: '环节“{step}”的抄送人员“{user}”不是组织机构中在用的人员，请从组织机构中选择',
  voteWeights: '环节“{step}”的票签权重中的人员“{user}”不是组织机构中在用的人员，请从组织机构中选择',
};

const EN_USER: Record<OrgUserAttribute, string> = {
  candidates: "Step '{step}' is held by user '{user}' (approval:candidates), who is no account in use (GET /api/users); choose one of the organisation's users",
  ccUsers: "Step '{step}' copies user '{user}' (approval:ccUsers), who is no account in use (GET /api/users); choose one of the organisation's users",
  voteWeights: "Step '{step}' weighs the vote of user '{user}' (approval:voteWeights), who is no account in use (GET /api/users); choose one of the organisation's users",
};

/**
 * The text of a deploy finding by its stable code and parameters, or undefined for a code without a text
 * here (the lint rules keep their own messages). A step is named by its name when it has one, else its id.
 */
export function deployFindingText(code: string, params: Readonly<Record<string, string>> | undefined, language: Language = 'zh-CN'): string | undefined {
  if (code === 'org-user' && params) {
    const template = (language === 'en' ? EN_USER : ZH_USER)[params.attribute as OrgUserAttribute];
    if (!template || params.user === undefined) return undefined;
    return fillTemplate(template, { ...params, step: params.name || params.element || '' });
  }
  if (code !== 'org-department' || !params) return undefined;
  const subject = params.subject as OrgDepartmentSubject;
  const template = (language === 'en' ? EN : ZH)[subject];
  if (!template || params.department === undefined) return undefined;
  return fillTemplate(template, { ...params, step: params.name || params.element || '' });
}
