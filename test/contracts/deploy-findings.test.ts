/**
 * The org-department deploy warnings carry a stable code and parameters, and their text comes from the
 * shared dictionaries in either language, for a step and for each department a listing names.
 */
import { describe, expect, it } from 'vitest';
import { deployFindingText, ORG_DEPARTMENT_SUBJECTS, ORG_USER_ATTRIBUTES } from '../../contracts/messages/index.js';
import { unlistedDepartmentFindings, unlistedListingDepartments, unlistedStepFindings } from '../../server/organisation/deploy-check.js';
import type { ExecutableDefinition } from '../../engine/core/model.js';
import type { OrgSnapshot } from '../../engine/core/organisation.js';

const org: OrgSnapshot = { departments: { 区市场监督管理局: { region: '440305', admins: [] } }, positions: {} };
const nodes = {
  review: { id: 'review', kind: 'userTask', name: '材料审核', approval: { department: '卫健委' } },
  issue: { id: 'issue', kind: 'userTask', approval: { department: '区市场监督管理局' } },
  decide: { id: 'decide', kind: 'userTask', approval: { department: '区市场监管局' } },
} as unknown as ExecutableDefinition['nodes'];

describe('org-department deploy findings', () => {
  it('names each step whose department the organisation lacks, by code and parameters, in Chinese by default', () => {
    expect(unlistedDepartmentFindings({ nodes }, org)).toEqual([
      {
        id: 'decide', rule: 'org-department', severity: 'warning',
        params: { department: '区市场监管局', subject: 'step', file: 'process.bpmn', element: 'decide' },
        message: '环节“decide”的实施部门“区市场监管局”不在组织机构中，请从组织机构中选择',
      },
      {
        id: 'review', rule: 'org-department', severity: 'warning',
        params: { department: '卫健委', subject: 'step', file: 'process.bpmn', element: 'review', name: '材料审核' },
        message: '环节“材料审核”的实施部门“卫健委”不在组织机构中，请从组织机构中选择',
      },
    ]);
  });

  it("words an item's step findings in English when asked, naming the file and the element", () => {
    expect(unlistedStepFindings({ nodes }, org, 'en').map((f) => [f.file, f.element, f.message])).toEqual([
      ['process.bpmn', 'decide', "Step 'decide' names department '区市场监管局', which the organisation does not have (GET /api/org); choose one of its departments"],
      ['process.bpmn', 'review', "Step '材料审核' names department '卫健委', which the organisation does not have (GET /api/org); choose one of its departments"],
    ]);
  });

  it("names the listing's implementing body, joint lead and co-departments by field", () => {
    const listing = {
      implementingBody: { name: '区卫生健康委' },
      joint: { leadDepartment: '区市场监督管理局', coDepartments: [{ department: '区市场监督管理局' }, { department: '区住建局' }] },
    } as Parameters<typeof unlistedListingDepartments>[0];
    expect(unlistedListingDepartments(listing, org).map((f) => [f.code, f.field, f.params, f.message])).toEqual([
      ['org-department', '/implementingBody/name', { department: '区卫生健康委', subject: 'implementing-body', file: 'item.json', field: '/implementingBody/name' },
        '事项清单的实施主体“区卫生健康委”不在组织机构中，请从组织机构中选择'],
      ['org-department', '/joint/coDepartments/1/department', { department: '区住建局', subject: 'co-department', file: 'item.json', field: '/joint/coDepartments/1/department' },
        '联合办理的协办部门“区住建局”不在组织机构中，请从组织机构中选择'],
    ]);
  });

  it('says nothing while the organisation has no departments yet (free-text departments, as before it existed)', () => {
    expect(unlistedDepartmentFindings({ nodes }, { departments: {}, positions: {} })).toEqual([]);
  });

  it('has a text in both languages for every subject, and none for a code it does not word', () => {
    for (const subject of ORG_DEPARTMENT_SUBJECTS) {
      for (const language of ['zh-CN', 'en'] as const) {
        const text = deployFindingText('org-department', { subject, department: '某局', element: 'x' }, language);
        expect(text, `${subject} ${language}`).toContain('某局');
        expect(/[\u4e00-\u9fff]/.test(text!.replace('某局', '')), `${subject} ${language}`).toBe(language === 'zh-CN');
      }
    }
    for (const attribute of ORG_USER_ATTRIBUTES) {
      for (const language of ['zh-CN', 'en'] as const) {
        const text = deployFindingText('org-user', { attribute, user: 'wang.wu', element: 'x' }, language);
        expect(text, `${attribute} ${language}`).toContain('wang.wu');
        expect(/[\u4e00-\u9fff]/.test(text!), `${attribute} ${language}`).toBe(language === 'zh-CN');
      }
    }
    expect(deployFindingText('org-user', { attribute: 'ccDepartments', user: 'wang.wu' })).toBeUndefined();
    expect(deployFindingText('reachable-from-start', { department: '某局' })).toBeUndefined();
    expect(deployFindingText('org-department', undefined)).toBeUndefined();
  });
});
