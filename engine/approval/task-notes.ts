/** The records 催办 and 抄送 leave on a case. */

/** 催办: one reminder sent to a task's assignee (or its department when nobody holds it yet). */
export interface UrgeRecord {
  taskId: string;
  /** The step, by element id and name, as the timeline names it. */
  step: string;
  name?: string;
  assignee?: string;
  department?: string;
  by: string;
  at: string;
  /** The day in the calendar's zone: the per-day limit counts on it. */
  on: string;
  note?: string;
}

/** 抄送: read-only copies of a case given from a task to users and departments. */
export interface CopyRecord {
  /** The task copied from, or the 抄送 step's element instance (`byStep`). */
  taskId: string;
  step: string;
  /** The step's name, as the lists show it. */
  name?: string;
  /** Made by a 抄送 step of the process, not by a person from their task. */
  byStep?: true;
  users: string[];
  departments: string[];
  by: string;
  at: string;
  note?: string;
}

/** How often a task may be urged on one day, whoever urges: a reminder, not a flood. */
export const URGES_PER_TASK_PER_DAY = 3;
