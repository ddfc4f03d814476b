/**
 * Which `approval` extension entries each element gets, grouped as the reform office thinks of them:
 * who works the step and how long it may take, special procedures, joint approval, multi-instance,
 * and the task-type settings (rule table, service action). Attributes and values follow
 * docs/approval-extension.md; the descriptor is definitions/approval-moddle.json, shared with deploy.
 */
import { BUILT_IN_ACTIONS } from '../../../definitions/approval/actions.js';
import { SPECIAL_PROCEDURE_TYPES } from '../../../definitions/approval/special-procedures.js';
import { STEP_STAGES } from '../../../definitions/approval/steps.js';
import { booleanEntry, selectEntry, textEntry, type Entry, type PanelElement, type Target } from './entries.js';
import { timeLimitEntries } from './time-limit.js';
import { departmentEntry } from './department-entry.js';
import { roleEntry } from './role-entry.js';
import { departmentChoices, positionChoices, positionRuleChoices } from './org-choices.js';

/** A properties-panel group. */
export interface Group {
  id: string;
  label: string;
  entries: Entry[];
}

const bo = (element: PanelElement) => element.businessObject;
const isA = (element: PanelElement, type: string): boolean => Boolean(bo(element)?.$instanceOf?.(type));

/** The multi-instance loop characteristics of an activity, if it has them. */
const loop: Target = (element) => {
  const lc = bo(element)?.loopCharacteristics;
  return lc?.$instanceOf?.('bpmn:MultiInstanceLoopCharacteristics') ? lc : undefined;
};

/** The timer event definition of an event, if it has one. */
const timer: Target = (element) =>
  (bo(element)?.eventDefinitions ?? []).find((d: { $type: string }) => d.$type === 'bpmn:TimerEventDefinition');

// The stored value is the id; the panel shows its display name from the dictionary.
const STAGES = STEP_STAGES.map((value) => ({ value, label: `stage.${value}` }));
const KINDS = SPECIAL_PROCEDURE_TYPES.map((value) => ({ value, label: `procedure.${value}` }));
const ACTIONS = BUILT_IN_ACTIONS.map((value) => ({ value, label: `action.${value}` }));
const COUNTS = { yes: 'counts', no: 'does not count', unset: 'default (art. 45)' };

function stepGroup(element: PanelElement): Group {
  return {
    id: 'approval-step',
    label: 'Approval step',
    entries: [
      departmentEntry(element),
      roleEntry(element),
      textEntry(element, {
        id: 'approval-candidateGroups', attribute: 'approval:candidateGroups', label: 'Candidate groups',
        description: 'Comma-separated group names',
      }),
      selectEntry(element, { id: 'approval-stage', attribute: 'approval:stage', label: 'Stage' }, STAGES, 'Not set', '{value} (not in the list)'),
      ...timeLimitEntries(element, 'approval'),
    ],
  };
}

const EMPTY = ['pass', 'admin', 'refuse'].map((value) => ({ value, label: `empty.${value}` }));
const TIMEOUT = ['remind', 'pass', 'escalate'].map((value) => ({ value, label: `timeout.${value}` }));
const OTHER_RULES = [
  { value: 'applicant-chosen:approver', label: 'rule.applicant-chosen' },
  { value: 'leader-chain:1', label: 'rule.leader-chain-1' },
  { value: 'leader-chain:2', label: 'rule.leader-chain-2' },
  { value: 'leader-chain:head', label: 'rule.leader-chain-head' },
];

/** Who holds the step (a rule over the organisation) and the step's policies. */
function candidatesGroup(element: PanelElement): Group {
  const department = () => (bo(element)?.get?.('approval:department') as string | undefined) || undefined;
  return {
    id: 'approval-candidates',
    label: 'Approver',
    entries: [
      selectEntry(element, { id: 'approval-candidates', attribute: 'approval:candidates', label: 'Approver rule' }, () => [...positionRuleChoices(department()), ...OTHER_RULES]),
      selectEntry(element, { id: 'approval-emptyApprover', attribute: 'approval:emptyApprover', label: 'When nobody can approve' }, EMPTY),
      booleanEntry(element, { id: 'approval-skipRepeatApprover', attribute: 'approval:skipRepeatApprover', label: 'Skip a repeat approver' }, { yes: 'skip', no: 'do not skip', unset: 'Not set' }),
      textEntry(element, { id: 'approval-separateFrom', attribute: 'approval:separateFrom', label: 'Kept apart from', description: 'Element ids whose approver may not hold this step' }),
      selectEntry(element, { id: 'approval-timeout', attribute: 'approval:timeout', label: 'When late' }, TIMEOUT),
      textEntry(element, { id: 'approval-timeoutAfter', attribute: 'approval:timeoutAfter', label: 'Late after', description: 'e.g. 3WD; the time limit when empty' }),
    ],
  };
}

function procedureGroup(element: PanelElement): Group {
  return {
    id: 'approval-special-procedure',
    label: 'Special procedure',
    entries: [
      selectEntry(element, { id: 'approval-specialProcedure', attribute: 'approval:specialProcedure', label: 'Special procedure' }, KINDS, 'None'),
      booleanEntry(element, { id: 'approval-countsTowardStatutory', attribute: 'approval:countsTowardStatutory', label: 'Counts toward the statutory limit' }, COUNTS),
      booleanEntry(element, { id: 'approval-countsTowardPromised', attribute: 'approval:countsTowardPromised', label: 'Counts toward the promised limit' }, COUNTS),
    ],
  };
}

function jointGroup(element: PanelElement): Group {
  return {
    id: 'approval-joint',
    label: 'Joint approval',
    entries: [
      textEntry(element, { id: 'approval-leadDepartment', attribute: 'approval:leadDepartment', label: 'Lead department' }),
      textEntry(element, {
        id: 'approval-coDepartments', attribute: 'approval:coDepartments', label: 'Co-departments',
        description: 'Comma-separated department names',
      }),
      selectEntry(element, { id: 'approval-completion', attribute: 'approval:completion', label: 'Completion' }, [
        { value: 'all', label: 'all sign' },
        { value: 'any', label: 'any sign' },
      ]),
    ],
  };
}

function multiInstanceGroup(element: PanelElement): Group {
  const spec = (name: string, label: string, description?: string) => ({
    id: `approval-${name}`, attribute: `approval:${name}`, label, target: loop, ...(description ? { description } : {}),
  });
  return {
    id: 'approval-multi-instance',
    label: 'Multi-instance collection',
    entries: [
      textEntry(element, spec('collection', 'Collection', 'FEEL giving a list; one instance per element')),
      textEntry(element, spec('elementVariable', 'Element variable')),
      textEntry(element, spec('outputElement', 'Output element', 'FEEL evaluated when each instance completes')),
      textEntry(element, spec('outputCollection', 'Output collection')),
      textEntry(element, { id: 'approval-voteWeights', attribute: 'approval:voteWeights', label: 'Vote weights', description: 'user:weight, comma-separated' }),
      textEntry(element, { id: 'approval-votePass', attribute: 'approval:votePass', label: 'Vote pass share', description: 'e.g. 0.5, 60% or 2/3' }),
    ],
  };
}

/** 抄送 on a send task: the case is copied to these recipients when the step is reached; nobody waits. */
function carbonCopyGroup(element: PanelElement): Group {
  return {
    id: 'approval-cc',
    label: 'Carbon copy',
    entries: [
      selectEntry(element, { id: 'approval-ccPositions', attribute: 'approval:ccPositions', label: 'Copy to the holders of' }, positionChoices),
      selectEntry(element, { id: 'approval-ccDepartments', attribute: 'approval:ccDepartments', label: 'Copy to the department' }, departmentChoices),
      textEntry(element, { id: 'approval-ccUsers', attribute: 'approval:ccUsers', label: 'Copy to users', description: 'User ids, comma-separated' }),
      textEntry(element, { id: 'approval-ccNote', attribute: 'approval:ccNote', label: 'Copy note' }),
    ],
  };
}

/** The approval groups for `element`, in display order; empty for elements the extension does not apply to. */
export function approvalGroups(element: PanelElement): Group[] {
  const groups: Group[] = [];
  if (isA(element, 'bpmn:Activity')) {
    groups.push(stepGroup(element));
    if (isA(element, 'bpmn:UserTask') || isA(element, 'bpmn:ManualTask')) groups.push(candidatesGroup(element));
    if (isA(element, 'bpmn:BusinessRuleTask')) {
      groups.push({ id: 'approval-rule-table', label: 'Rule table', entries: [
        textEntry(element, { id: 'approval-decisionRef', attribute: 'approval:decisionRef', label: 'Rule table (decisionRef)', description: 'The id of the rule table this task evaluates' }),
      ] });
    }
    if (isA(element, 'bpmn:SendTask')) groups.push(carbonCopyGroup(element));
    if (isA(element, 'bpmn:ServiceTask')) {
      groups.push({ id: 'approval-service', label: 'Service action', entries: [
        selectEntry(element, { id: 'approval-action', attribute: 'approval:action', label: 'Action' }, ACTIONS),
      ] });
    }
    groups.push(procedureGroup(element));
    if (loop(element)) groups.push(jointGroup(element), multiInstanceGroup(element));
  } else if (timer(element)) {
    groups.push({ id: 'approval-timer', label: 'Approval time limit', entries: timeLimitEntries(element, 'approval-timer', timer) });
  }
  return groups;
}
