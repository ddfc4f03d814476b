/**
 * The organisation's choices of the properties panel's 抄送 group (on a send task): the positions whose
 * holders get the copy, named by their department and title. (The group itself needs bpmn-js, which loads
 * in the browser only; the browser tests open the panel.)
 */
import { describe, expect, it } from 'vitest';
import { positionChoices, setOrganisation } from '../../modeler/src/properties/org-choices.js';

describe('the 抄送 group\'s positions', () => {
  it('names the positions by their department and title, not by id', () => {
    setOrganisation({
      departments: [{ id: 'market-supervision', name: '区市场监督管理局', region: '330106', disabled: false }],
      positions: [
        { id: 'market.chief', department: 'market-supervision', kind: 'section-chief', name: '科长', holders: ['chief'], disabled: false },
        { id: 'market.old', department: 'market-supervision', kind: 'clerk', name: '科员', holders: [], disabled: true },
      ],
    });
    expect(positionChoices()).toEqual([{ value: 'market.chief', label: '区市场监督管理局 科长' }]);
  });
});
