/**
 * The built-in actions a service task may name in `approval:action`. The runtime performs them as
 * `action.run` effects; a name outside this list is refused at deploy so that it never fails at run time.
 */
export const BUILT_IN_ACTIONS = [
  'notify-applicant',
  'notify-staff',
  'issue-certificate',
  'push-certificate',
  'generate-document',
  'record-fee',
  'send-express',
  'apply-seal',
] as const;

/** A built-in action name. */
export type BuiltInAction = (typeof BUILT_IN_ACTIONS)[number];

/** True when `name` is a built-in action. */
export function isBuiltInAction(name: string): name is BuiltInAction {
  return (BUILT_IN_ACTIONS as readonly string[]).includes(name);
}
