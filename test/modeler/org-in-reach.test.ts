/**
 * The organisation page keeps a reform office to its own level (分级管理): a county office sees its county,
 * its townships, their departments and positions; the city office, and an account placed nowhere, all of it.
 */
import { describe, expect, it } from 'vitest';
import type { OrganisationView } from '../../contracts/api/organisation.js';
import { orgInReach } from '../../modeler/src/console/organisation.js';

const ORG: OrganisationView = {
  regions: [
    { code: '330100', name: '杭州市', level: 'city', centre: '杭州市政务服务中心', disabled: false },
    { code: '330106', name: '西湖区', level: 'county', parent: '330100', centre: '西湖区政务服务中心', disabled: false },
    { code: '330106001', name: '北山街道', level: 'township', parent: '330106', centre: '北山街道便民服务中心', disabled: false },
  ],
  departments: [
    { id: '市数据资源管理局', name: '市数据资源管理局', region: '330100', disabled: false },
    { id: '区市场监督管理局', name: '区市场监督管理局', region: '330106', disabled: false },
    { id: '北山街道社会事务办公室', name: '北山街道社会事务办公室', region: '330106001', disabled: false },
  ],
  positions: [
    { id: 'sjj.clerk', department: '市数据资源管理局', kind: 'clerk', name: '科员', holders: ['sjj-staff'], disabled: false },
    { id: 'samr.clerk', department: '区市场监督管理局', kind: 'clerk', name: '科员', holders: [], disabled: false },
    { id: 'beishan.clerk', department: '北山街道社会事务办公室', kind: 'clerk', name: '科员', holders: [], disabled: false },
  ],
};

describe('the organisation page by level', () => {
  it('shows a county office its county and townships, a township office its own', () => {
    const county = orgInReach(ORG, '330106');
    expect(county.regions.map((r) => r.code)).toEqual(['330106', '330106001']);
    expect(county.departments.map((d) => d.id)).toEqual(['区市场监督管理局', '北山街道社会事务办公室']);
    expect(county.positions.map((p) => p.id)).toEqual(['samr.clerk', 'beishan.clerk']);
    const street = orgInReach(ORG, '330106001');
    expect(street.departments.map((d) => d.id)).toEqual(['北山街道社会事务办公室']);
    expect(street.positions.map((p) => p.id)).toEqual(['beishan.clerk']);
  });

  it('shows the city office and an account placed nowhere everything', () => {
    expect(orgInReach(ORG, '330100')).toEqual(ORG);
    expect(orgInReach(ORG, undefined)).toEqual(ORG);
  });
});
