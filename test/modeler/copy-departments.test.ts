/**
 * The departments the console's 抄送 form offers on a case: on a joint case (ITEM-03) the lead and every
 * co-department, whether the page read the detail (the lead under `item`) or not, before and after the
 * co-departments' branches started; on a plain case its own department once.
 */
import { describe, expect, it } from 'vitest';
import { copyDepartments } from '../../modeler/src/console/actions/copy-departments.js';
import { caseDetail } from '../../modeler/src/console/case-page.js';
import type { CaseDetail, CaseDetailBody } from '../../modeler/src/ui/api-types.js';

const LEAD = '区市场监督管理局';
const CO = ['区卫生健康委员会', '区公安分局', '区消防救援大队'];
const due = { date: '2026-12-17', at: '2026-12-17T09:00:00.000Z' };
/** The page's reading of a detail of which only the fields under test are given. */
const read = (body: object): CaseDetail => caseDetail(body as unknown as CaseDetailBody);

describe('the 抄送 form\'s departments', () => {
  it('offers the lead and every co-department of an accepted joint case, the lead first, each once', () => {
    const body = {
      caseNo: 'C-1', itemCode: 'ITEM-03', itemName: '开办旅馆', department: LEAD,
      clocks: { departments: Object.fromEntries(CO.map((d) => [d, due])) },
      // Only the police branch has started; the others are named by their clocks.
      coDepartments: [{ department: '区公安分局', taskId: 't9', startedAt: '2026-12-03T09:00:00.000Z' }],
      openTasks: [{ taskId: 't1', department: LEAD }, { taskId: 't9', department: '区公安分局' }],
    };
    expect(copyDepartments(read(body))).toEqual([LEAD, ...CO]);
    // The detail as the server sends it (no `item`): the lead is still there.
    expect(copyDepartments(body as unknown as CaseDetail)).toEqual([LEAD, ...CO]);
  });

  it('offers the started branches when the clocks do not name them, and a plain case its department once', () => {
    const started = { caseNo: 'C-2', department: LEAD, coDepartments: CO.map((department, i) => ({ department, taskId: `t${i}`, startedAt: '2026-12-03T09:00:00.000Z' })) };
    expect(copyDepartments(started as unknown as CaseDetail)).toEqual([LEAD, ...CO]);
    expect(copyDepartments(read({ caseNo: 'C-3', department: LEAD, openTasks: [{ taskId: 't1', department: LEAD }] }))).toEqual([LEAD]);
  });
});
