/**
 * Materials in the portal: the list the materials check computes from the applicant's answers (with the
 * reason each is required), the upload inputs for them, the numbers of certificates other departments issued
 * (shared, never uploaded), and the multipart body that carries the files (one part per material id).
 */
import type { MaterialsCheck, NeededMaterialView } from '../../../contracts/api/index.js';
import { el, keyed, type T } from '../ui/dom.js';
import { filePick } from '../ui/file-pick.js';

/**
 * A material the check requires, as the pages show it: the contract's fields they read, with the legal
 * bases of the rows that required it joined into one reason.
 */
export type NeededMaterial = Pick<NeededMaterialView, 'material' | 'name' | 'form' | 'copies' | 'deferrable' | 'source' | 'sharedCertificate'> & {
  reason?: string;
};

/** Reads the answer of POST /api/items/:code/materials/check. */
export function neededMaterials(body: MaterialsCheck): NeededMaterial[] {
  return body.materials.map(({ because, ...m }) => ({
    ...m,
    // The materials table explains each material by the rows that required it, with their legal basis.
    reason: because.map((b) => b.basis).filter(Boolean).join('；') || undefined,
  }));
}

/** The list of needed materials with their reasons. */
export function neededList(t: T, materials: NeededMaterial[]): HTMLElement {
  if (!materials.length) return el('p', { id: 'needed', class: 'empty' }, t('No materials are needed for these answers'));
  return el('ol', { id: 'needed', class: 'needed' }, ...materials.map((m) => el('li', { 'data-material': m.material },
    el('strong', {}, m.name),
    el('span', { class: 'meta' }, [m.form, m.copies ? t('{n} copies', { n: m.copies }) : '', m.deferrable ? t('may follow later') : '', m.source === 'shared' ? keyed(t, 'source', 'shared') : ''].filter(Boolean).join(' · ')),
    m.reason ? el('small', { class: 'reason' }, `${t('Why')}：${m.reason}`) : '')));
}

/** A file input per material the applicant supplies (shared certificates are fetched by the department). */
export function uploadInputs(t: T, materials: NeededMaterial[]): HTMLElement {
  const own = materials.filter((m) => m.source !== 'shared');
  return el('div', { class: 'uploads', id: 'uploads' }, ...own.map((m) => el('label', { class: 'upload', 'data-material': m.material },
    el('span', {}, m.name), filePick(t, { name: `material:${m.material}`, 'data-material': m.material, accept: '.pdf,.jpg,.jpeg,.png,.ofd' }))));
}

/** The chosen files of `root`'s upload inputs, by material. */
export function chosenFiles(root: ParentNode): { material: string; file: File }[] {
  return [...root.querySelectorAll<HTMLInputElement>('input[type="file"][data-material]')]
    .flatMap((input) => [...(input.files ?? [])].map((file) => ({ material: input.dataset.material!, file })));
}

/**
 * The multipart body of an application or a correction: the JSON part (field `application`, when given) and
 * one file part per material, named by the material id, as the case routes read them.
 */
export function materialsForm(files: { material: string; file: File }[], application?: unknown): FormData {
  const form = new FormData();
  if (application !== undefined) form.append('application', JSON.stringify(application));
  for (const { material, file } of files) form.append(material, file, file.name);
  return form;
}

/** A certificate another department issued, given by its number instead of a file (电子证照共享). */
export interface SharedReference {
  material: string;
  shared: { type: string; number: string; issuer: string };
}

/** Inputs for the number and issuer of each shared certificate the application needs. */
export function sharedInputs(t: T, materials: NeededMaterial[]): HTMLElement {
  const shared = materials.filter((m) => m.source === 'shared');
  return el('div', { class: 'uploads', id: 'shared' }, ...shared.map((m) => el('fieldset', { class: 'shared', 'data-material': m.material, 'data-type': m.sharedCertificate ?? m.name },
    el('legend', {}, `${m.sharedCertificate ?? m.name}（${keyed(t, 'source', 'shared')}）`),
    el('label', { class: 'upload' }, el('span', {}, t('Certificate number')), el('input', { name: 'number', required: true })),
    el('label', { class: 'upload' }, el('span', {}, t('Issued by')), el('input', { name: 'issuer', required: true })))));
}

/** The shared certificates entered in `root`'s shared inputs. */
export function sharedReferences(root: ParentNode): SharedReference[] {
  return [...root.querySelectorAll<HTMLFieldSetElement>('fieldset.shared')].map((f) => ({
    material: f.dataset.material!,
    shared: { type: f.dataset.type!, number: f.querySelector<HTMLInputElement>('[name="number"]')!.value.trim(), issuer: f.querySelector<HTMLInputElement>('[name="issuer"]')!.value.trim() },
  }));
}

/**
 * The needed materials `root` does not yet carry: an applicant's material without a chosen file, a shared
 * certificate without its number or issuer. A material that may follow later (容缺) is never missing.
 */
export function missingMaterials(root: ParentNode, materials: NeededMaterial[]): NeededMaterial[] {
  const files = new Set(chosenFiles(root).map((f) => f.material));
  const refs = new Map(sharedReferences(root).map((r) => [r.material, r.shared]));
  return materials.filter((m) => {
    if (m.deferrable) return false;
    if (m.source === 'shared') return !refs.get(m.material)?.number || !refs.get(m.material)?.issuer;
    return !files.has(m.material);
  });
}
