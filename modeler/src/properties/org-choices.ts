/**
 * The organisation as the properties panel offers it: the departments and positions of `GET /api/org`, so
 * a step's department and its candidate position are chosen, not typed. Loaded after login; before that (or
 * when the organisation cannot be read) the lists are empty and a value already in the diagram is kept.
 */
import type { DepartmentView, OrganisationView, PositionView } from '../../../contracts/api/organisation.js';

/** A value of a select and its label. */
export interface Choice {
  value: string;
  label: string;
}

/**
 * Whether the pickers have the organisation: `not-loaded` before login, `loaded` once `GET /api/org`
 * answered, `unavailable` when it could not be read (the account may not, or the server failed).
 */
export type OrganisationState = 'not-loaded' | 'loaded' | 'unavailable';

let departments: DepartmentView[] = [];
let positions: PositionView[] = [];
let state: OrganisationState = 'not-loaded';

/** Takes the answer of `GET /api/org`. */
export function setOrganisation(org: Partial<Pick<OrganisationView, 'departments' | 'positions'>>): void {
  departments = (org.departments ?? []).filter((d) => !d.disabled);
  positions = (org.positions ?? []).filter((p) => !p.disabled);
  state = 'loaded';
}

/** Records that the organisation could not be read: the pickers fall back to typed values. */
export function setOrganisationUnavailable(): void {
  departments = [];
  positions = [];
  state = 'unavailable';
}

/** Where the pickers stand: see {@link OrganisationState}. */
export function organisationState(): OrganisationState {
  return state;
}

/** The departments in use, by id. */
export function departmentChoices(): Choice[] {
  return departments.map((d) => ({ value: d.id, label: d.name }));
}

/**
 * The candidate rules a step of `department` can take from the organisation: each kind of position held
 * there (`position:<kind>`), then each position by id.
 */
export function positionRuleChoices(department: string | undefined): Choice[] {
  const here = positions.filter((p) => department === undefined || p.department === department);
  const kinds = [...new Set(here.map((p) => p.kind))].map((kind) => ({ value: `position:${kind}`, label: `position.${kind}` }));
  return [...kinds, ...here.map((p) => ({ value: `position:${p.id}`, label: `${p.name} (${p.id})` }))];
}

/** Every position in use, by id, labelled with its department and name (科长 of 区市场监督管理局), for 抄送. */
export function positionChoices(): Choice[] {
  const name = new Map(departments.map((d) => [d.id, d.name]));
  return positions.map((p) => ({ value: p.id, label: `${name.get(p.department) ?? p.department} ${p.name}` }));
}
