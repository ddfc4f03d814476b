/**
 * 组织机构: the reform office (审改办) keeps the three-level organisation here: regions (市、县、乡) with their
 * division codes and service centres, departments under a region, positions within a department with the
 * position each reports to, and the users holding them (their department, position and leader). Each list
 * creates, edits, disables and enables; the server checks everything (`/api/org…`, `/api/users…`) and its
 * refusals are shown naming the field.
 */
import type { DepartmentView, OrganisationView, PositionView, RegionView } from '../../../contracts/api/organisation.js';
import type { UserView } from '../../../contracts/api/users.js';
import { el, keyed, say, section, select, table, type T } from '../ui/dom.js';
import type { Http } from '../ui/http.js';
import type { ConsoleContext } from './context.js';
import { regionsInScope } from './lights-filter.js';
import { input, orgForm, refusalText, type FormField } from './organisation-forms.js';

type Region = RegionView;
type Department = DepartmentView;
type Position = PositionView;
/** An account as `GET /api/users` lists it. */
type User = UserView;

/** What the page shows, read once per render: the organisation (`GET /api/org`) and the accounts in reach. */
interface Org extends OrganisationView { users: User[] }

const POSITION_KINDS = ['clerk', 'section-chief', 'deputy-head', 'head'] as const;
const USER_ROLES = ['department-staff', 'department-admin', 'reform-office-admin', 'auditor'] as const;

const rerender = () => void (window as unknown as { shenpi: { render(): Promise<void> } }).shenpi.render();
const enc = encodeURIComponent;

/** Names by id, for showing people, departments, regions and positions by name. */
function names(org: Org) {
  const of = <R>(rows: R[], key: (r: R) => string, name: (r: R) => string) => new Map(rows.map((r) => [key(r), name(r)]));
  return {
    region: of(org.regions, (r) => r.code, (r) => r.name),
    department: of(org.departments, (d) => d.id, (d) => d.name),
    user: of(org.users, (u) => u.id, (u) => u.name),
    position: of(org.positions, (p) => p.id, (p) => p.name),
  };
}

/** The 停用 / 启用 button of a row. */
function toggleButton(t: T, http: Http, path: string, disabled: boolean, what: string): HTMLButtonElement {
  return el('button', {
    type: 'button', class: 'toggle', 'data-action': disabled ? 'enable' : 'disable',
    onclick: () => http.post(`${path}/${disabled ? 'enable' : 'disable'}`).then(
      () => { say(t(disabled ? '{what} enabled' : '{what} disabled', { what }), 'ok'); rerender(); },
      (err: Error) => say(`${t('Could not change {what}', { what })}：${refusalText(t, err, {})}`, 'error')),
  }, t(disabled ? 'Enable' : 'Disable'));
}

const status = (t: T, disabled: boolean) => el('span', { class: 'org-status' }, t(disabled ? 'Disabled' : 'In use'));

function regionsSection(ctx: ConsoleContext, org: Org, slot: HTMLElement): HTMLElement {
  const { t, http } = ctx;
  const n = names(org);
  const parents = (): [string, string][] => org.regions.filter((r) => r.level !== 'township' && !r.disabled).map((r) => [r.code, `${r.name}（${r.code}）`]);
  const create = () => slot.replaceChildren(orgForm(t, {
    id: 'region-form', title: t('New region'), submit: t('Create'), failure: t('Could not create the region'), ok: t('Region created'), done: rerender,
    fields: [
      { key: 'code', label: t('Division code'), control: input('region-code') },
      { key: 'name', label: t('Region name'), control: input('region-name') },
      { key: 'parent', label: t('Parent region'), control: select('region-parent', parents(), t('None (a city)')) },
      { key: 'centre', label: t('Service centre'), control: input('region-centre') },
    ],
    send: (body) => http.post('/api/org/regions', body),
  }));
  const edit = (r: Region) => slot.replaceChildren(orgForm(t, {
    id: 'region-edit', title: `${t('Edit region')}：${r.name}（${r.code}）`, submit: t('Save'), failure: t('Could not save the region'), ok: t('Region saved'), done: rerender, sendEmpty: true,
    fields: [
      { key: 'name', label: t('Region name'), control: input('region-edit-name', r.name) },
      { key: 'centre', label: t('Service centre'), control: input('region-edit-centre', r.centre) },
    ],
    send: (body) => http.patch(`/api/org/regions/${enc(r.code)}`, body),
  }));
  const list = table<Region>([
    { head: t('Division code'), cell: (r) => r.code },
    { head: t('Region name'), cell: (r) => r.name },
    { head: t('Level'), cell: (r) => keyed(t, 'level', r.level) },
    { head: t('Parent region'), cell: (r) => (r.parent ? n.region.get(r.parent) ?? r.parent : '—') },
    { head: t('Service centre'), cell: (r) => r.centre },
    { head: t('Status'), cell: (r) => status(t, r.disabled) },
    { head: t('Actions'), cell: (r) => el('span', {}, el('button', { type: 'button', class: 'edit', onclick: () => edit(r) }, t('Edit')), toggleButton(t, http, `/api/org/regions/${enc(r.code)}`, r.disabled, r.name)) },
  ], org.regions, t('No regions'), (r) => ({ 'data-region': r.code, 'data-level': r.level, 'data-disabled': String(r.disabled) }));
  list.id = 'regions';
  return section(t('Regions'), el('button', { type: 'button', class: 'create', id: 'region-new', onclick: create }, t('New region')), list);
}

function departmentsSection(ctx: ConsoleContext, org: Org, slot: HTMLElement): HTMLElement {
  const { t, http } = ctx;
  const n = names(org);
  const regions = (): [string, string][] => org.regions.filter((r) => !r.disabled).map((r) => [r.code, `${r.name}（${keyed(t, 'level', r.level)}）`]);
  const create = () => slot.replaceChildren(orgForm(t, {
    id: 'department-form', title: t('New department'), submit: t('Create'), failure: t('Could not create the department'), ok: t('Department created'), done: rerender,
    fields: [
      { key: 'id', label: t('Department code'), control: input('department-id') },
      { key: 'name', label: t('Department name'), control: input('department-name') },
      { key: 'region', label: t('Region'), control: select('department-region', regions(), t('Choose a region')) },
    ],
    send: (body) => http.post('/api/org/departments', body),
  }));
  const edit = (d: Department) => slot.replaceChildren(orgForm(t, {
    id: 'department-edit', title: `${t('Edit department')}：${d.name}`, submit: t('Save'), failure: t('Could not save the department'), ok: t('Department saved'), done: rerender, sendEmpty: true,
    fields: [{ key: 'name', label: t('Department name'), control: input('department-edit-name', d.name) }],
    send: (body) => http.patch(`/api/org/departments/${enc(d.id)}`, body),
  }));
  const list = table<Department>([
    { head: t('Department code'), cell: (d) => d.id },
    { head: t('Department name'), cell: (d) => d.name },
    { head: t('Region'), cell: (d) => n.region.get(d.region) ?? d.region },
    { head: t('Status'), cell: (d) => status(t, d.disabled) },
    { head: t('Actions'), cell: (d) => el('span', {}, el('button', { type: 'button', class: 'edit', onclick: () => edit(d) }, t('Edit')), toggleButton(t, http, `/api/org/departments/${enc(d.id)}`, d.disabled, d.name)) },
  ], org.departments, t('No departments'), (d) => ({ 'data-department': d.id, 'data-disabled': String(d.disabled) }));
  list.id = 'departments';
  return section(t('Departments'), el('button', { type: 'button', class: 'create', id: 'department-new', onclick: create }, t('New department')), list);
}

function positionsSection(ctx: ConsoleContext, org: Org, slot: HTMLElement): HTMLElement {
  const { t, http } = ctx;
  const n = names(org);
  const label = (p: Position) => `${n.department.get(p.department) ?? p.department} ${p.name}`;
  const leaders = (except?: string): [string, string][] => org.positions.filter((p) => p.id !== except && !p.disabled).map((p) => [p.id, label(p)]);
  const create = () => slot.replaceChildren(orgForm(t, {
    id: 'position-form', title: t('New position'), submit: t('Create'), failure: t('Could not create the position'), ok: t('Position created'), done: rerender,
    fields: [
      { key: 'id', label: t('Position code'), control: input('position-id') },
      { key: 'department', label: t('Own department'), control: select('position-department', org.departments.filter((d) => !d.disabled).map((d) => [d.id, d.name]), t('Choose a department')) },
      { key: 'kind', label: t('Position kind'), control: select('position-kind', POSITION_KINDS.map((k) => [k, keyed(t, 'position-kind', k)]), t('Choose a kind')) },
      { key: 'name', label: t('Position name'), control: input('position-name', '', { placeholder: t('The kind, if left empty') }) },
      { key: 'leader', label: t('Reports to'), control: select('position-leader', leaders(), t('Nobody (top of the chain)')) },
    ],
    send: (body) => http.post('/api/org/positions', body),
  }));
  const edit = (p: Position) => {
    const leader = select('position-edit-leader', leaders(p.id), t('Nobody (top of the chain)'));
    leader.value = p.leader ?? '';
    slot.replaceChildren(orgForm(t, {
      id: 'position-edit', title: `${t('Edit position')}：${label(p)}`, submit: t('Save'), failure: t('Could not save the position'), ok: t('Position saved'), done: rerender, sendEmpty: true,
      fields: [{ key: 'name', label: t('Position name'), control: input('position-edit-name', p.name) }, { key: 'leader', label: t('Reports to'), control: leader }],
      // The name and the leader are two writes; the leader is sent only when it changed.
      send: async ({ name, leader: chosen }) => {
        if (name !== undefined && name !== p.name) await http.patch(`/api/org/positions/${enc(p.id)}`, { name });
        if ((chosen ?? '') !== (p.leader ?? '')) await http.post(`/api/org/positions/${enc(p.id)}/leader`, chosen ? { leader: chosen } : {});
      },
    }));
  };
  const list = table<Position>([
    { head: t('Position code'), cell: (p) => p.id },
    { head: t('Own department'), cell: (p) => n.department.get(p.department) ?? p.department },
    { head: t('Position name'), cell: (p) => p.name },
    { head: t('Reports to'), cell: (p) => (p.leader ? label(org.positions.find((q) => q.id === p.leader) ?? { ...p, name: p.leader }) : '—') },
    { head: t('Holders'), cell: (p) => p.holders.map((u) => n.user.get(u) ?? u).join('、') || '—' },
    { head: t('Status'), cell: (p) => status(t, p.disabled) },
    { head: t('Actions'), cell: (p) => el('span', {}, el('button', { type: 'button', class: 'edit', onclick: () => edit(p) }, t('Edit')), toggleButton(t, http, `/api/org/positions/${enc(p.id)}`, p.disabled, label(p))) },
  ], org.positions, t('No positions'), (p) => ({ 'data-position': p.id, 'data-disabled': String(p.disabled) }));
  list.id = 'positions';
  return section(t('Positions'), el('button', { type: 'button', class: 'create', id: 'position-new', onclick: create }, t('New position')), list);
}

/** The positions a user holds. */
const held = (org: Org, user: string) => org.positions.filter((p) => p.holders.includes(user));

function usersSection(ctx: ConsoleContext, org: Org, slot: HTMLElement): HTMLElement {
  const { t, http } = ctx;
  const n = names(org);
  const positionsOf = (department: string): [string, string][] => org.positions.filter((p) => p.department === department && !p.disabled).map((p) => [p.id, p.name]);
  /** A position select that follows the department select. */
  const positionSelect = (id: string, department: HTMLSelectElement, current?: string) => {
    const control = select(id, positionsOf(department.value), t('No position'));
    const fill = () => control.replaceChildren(...select(id, positionsOf(department.value), t('No position')).children);
    department.addEventListener('change', fill);
    control.value = current ?? '';
    return control;
  };
  const departments = (): [string, string][] => org.departments.filter((d) => !d.disabled).map((d) => [d.id, d.name]);
  const create = () => {
    const department = select('user-department', departments(), t('Choose a department'));
    const fields: FormField[] = [
      { key: 'id', label: t('User id'), control: input('user-id') },
      { key: 'name', label: t('Full name'), control: input('user-name') },
      { key: 'roles', label: t('Role'), control: select('user-role', USER_ROLES.map((r) => [r, keyed(t, 'role', r)])) },
      { key: 'department', label: t('Own department'), control: department },
      { key: 'position', label: t('Position'), control: positionSelect('user-position', department) },
      { key: 'region', label: t('Region of a service centre'), control: select('user-region', org.regions.map((r) => [r.code, r.name]), t('None')) },
      { key: 'password', label: t('Initial password'), control: input('user-password', '', { type: 'password', autocomplete: 'new-password' }) },
    ];
    slot.replaceChildren(orgForm(t, {
      id: 'user-form', title: t('New user'), submit: t('Create'), failure: t('Could not create the user'), ok: t('User created'), done: rerender, fields,
      send: ({ roles, ...body }) => http.post('/api/users', { ...body, roles: roles ? [roles] : [] }),
    }));
  };
  const edit = (u: User) => {
    const current = held(org, u.id)[0]?.id;
    const department = select('user-edit-department', departments(), t('Choose a department'));
    department.value = u.department ?? '';
    const position = positionSelect('user-edit-position', department, current);
    slot.replaceChildren(orgForm(t, {
      id: 'user-edit', title: `${t('Edit user')}：${u.name}（${u.id}）`, submit: t('Save'), failure: t('Could not save the user'), ok: t('User saved'), done: rerender, sendEmpty: true,
      fields: [{ key: 'name', label: t('Full name'), control: input('user-edit-name', u.name) }, { key: 'department', label: t('Own department'), control: department }, { key: 'position', label: t('Position'), control: position }],
      // A move leaves the old position first: a position's holders belong to its department.
      send: async ({ name, department: moved, position: chosen }) => {
        if (current && current !== chosen) await http.post(`/api/org/positions/${enc(current)}/holders/remove`, { user: u.id });
        const changes = { ...(name !== undefined && name !== u.name ? { name } : {}), ...(moved && moved !== u.department ? { department: moved } : {}) };
        if (Object.keys(changes).length) await http.patch(`/api/users/${enc(u.id)}`, changes);
        if (chosen && chosen !== current) await http.post(`/api/org/positions/${enc(chosen)}/holders`, { user: u.id });
      },
    }));
  };
  /** Who the user reports to: the holders of the position their position reports to. */
  const leaderOf = (u: User) => held(org, u.id).map((p) => org.positions.find((q) => q.id === p.leader)).filter((q): q is Position => !!q)
    .map((q) => `${q.name}：${q.holders.map((h) => n.user.get(h) ?? h).join('、') || t('vacant')}`).join('；') || '—';
  const list = table<User>([
    { head: t('User id'), cell: (u) => u.id },
    { head: t('Full name'), cell: (u) => u.name },
    { head: t('Own department'), cell: (u) => (u.department ? n.department.get(u.department) ?? u.department : u.region ? n.region.get(u.region) ?? u.region : '—') },
    { head: t('Position'), cell: (u) => held(org, u.id).map((p) => p.name).join('、') || '—' },
    { head: t('Leader'), cell: leaderOf },
    { head: t('Roles'), cell: (u) => u.roles.map((r) => keyed(t, 'role', r)).join('、') },
    { head: t('Status'), cell: (u) => status(t, !!u.disabled) },
    { head: t('Actions'), cell: (u) => el('span', {}, el('button', { type: 'button', class: 'edit', onclick: () => edit(u) }, t('Edit')),
      u.id === ctx.me?.()?.id ? '' : toggleButton(t, http, `/api/users/${enc(u.id)}`, !!u.disabled, u.name)) },
  ], org.users.filter((u) => !u.roles.every((r) => r === 'applicant')), t('No users'), (u) => ({ 'data-user': u.id, 'data-disabled': String(u.disabled) }));
  list.id = 'org-users';
  return section(t('Staff'), el('button', { type: 'button', class: 'create', id: 'user-new', onclick: create }, t('New user')), list);
}

/**
 * The part of the organisation a reform office placed at `home` keeps (分级管理): its region and those
 * below, their departments and positions; everything at the top (a city) or placed nowhere. The server reads
 * the tree whole to everyone and lists only the accounts within reach, so without this a county office would
 * see the city's rows with holders it cannot name and buttons the server refuses.
 */
export function orgInReach<O extends OrganisationView>(structure: O, home?: string): O {
  const region = structure.regions.find((r) => r.code === home);
  if (home === undefined || (region !== undefined && region.parent === undefined)) return structure;
  const regions = new Set(regionsInScope(structure.regions, home).map((r) => r.code));
  const departments = new Set(structure.departments.filter((d) => regions.has(d.region)).map((d) => d.id));
  return {
    ...structure,
    regions: structure.regions.filter((r) => regions.has(r.code)),
    departments: structure.departments.filter((d) => departments.has(d.id)),
    positions: structure.positions.filter((p) => departments.has(p.department)),
  };
}

/** Renders the organisation page (reform office only; the server refuses the others). */
export async function organisationPage(ctx: ConsoleContext): Promise<HTMLElement> {
  const { t, http } = ctx;
  if (!ctx.me?.()?.roles.includes('reform-office-admin')) {
    return el('div', { class: 'page', id: 'organisation' }, el('h1', {}, t('Organisation')), el('p', { class: 'form-error', role: 'alert' }, t('Only the reform office keeps the organisation')));
  }
  const [structure, users] = await Promise.all([http.get<OrganisationView>('/api/org'), http.get<User[]>('/api/users')]);
  const org: Org = { ...orgInReach(structure, ctx.me?.()?.region), users };
  // One form at a time, at the top, where the reform office's eye is after pressing a button.
  const slot = el('div', { class: 'form-slot', id: 'org-form-slot' });
  return el('div', { class: 'page', id: 'organisation' },
    el('h1', {}, t('Organisation')),
    el('p', { class: 'hint' }, t('Codes and ids stay once created: cases, steps and the audit trail name them. Disabling keeps what was done.')),
    slot,
    regionsSection(ctx, org, slot), departmentsSection(ctx, org, slot), positionsSection(ctx, org, slot), usersSection(ctx, org, slot));
}
