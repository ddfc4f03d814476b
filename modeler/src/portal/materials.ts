/**
 * Materials in the portal: the list the materials check computes from the applicant's answers (with the
 * reason each is required), the upload inputs for them, and the upload itself (multipart, one file per
 * material) to POST /api/cases/:caseNo/materials.
 */
import { el, keyed, type T } from '../ui/dom.js';
import type { Http } from '../ui/http.js';

/** A material the check requires, with why. */
export interface NeededMaterial {
  material: string;
  name: string;
  form?: string | string[];
  copies?: number;
  deferrable?: boolean;
  source?: string;
  reason?: string;
  basis?: string | null;
}

/** Reads the answer of POST /api/items/:code/materials/check, whichever of the usual shapes it has. */
export function neededMaterials(body: any): NeededMaterial[] {
  const list: any[] = Array.isArray(body) ? body : body.materials ?? body.required ?? body.requiredMaterials ?? [];
  return list.map((m) => ({
    ...m, material: String(m.material ?? m.id), name: String(m.name ?? m.material ?? m.id),
    // The materials table explains each material by the rows that required it, with their legal basis.
    reason: m.reason ?? (Array.isArray(m.because) ? m.because.map((b: { basis?: string | null }) => b.basis).filter(Boolean).join('；') : undefined),
  }));
}

/** The list of needed materials with their reasons. */
export function neededList(t: T, materials: NeededMaterial[]): HTMLElement {
  if (!materials.length) return el('p', { id: 'needed', class: 'empty' }, t('No materials are needed for these answers'));
  return el('ol', { id: 'needed', class: 'needed' }, ...materials.map((m) => el('li', { 'data-material': m.material },
    el('strong', {}, m.name),
    el('span', { class: 'meta' }, [Array.isArray(m.form) ? m.form.join('、') : m.form, m.copies ? t('{n} copies', { n: m.copies }) : '', m.deferrable ? t('may follow later') : '', m.source === 'shared' ? keyed(t, 'source', 'shared') : ''].filter(Boolean).join(' · ')),
    m.reason ? el('small', { class: 'reason' }, `${t('Why')}：${m.reason}${m.basis ? `（${m.basis}）` : ''}`) : '')));
}

/** A file input per material the applicant supplies (shared certificates are fetched by the department). */
export function uploadInputs(t: T, materials: NeededMaterial[]): HTMLElement {
  const own = materials.filter((m) => m.source !== 'shared');
  return el('div', { class: 'uploads', id: 'uploads' }, ...own.map((m) => el('label', { class: 'upload', 'data-material': m.material },
    el('span', {}, m.name), el('input', { type: 'file', name: `material:${m.material}`, 'data-material': m.material, accept: '.pdf,.jpg,.jpeg,.png,.ofd' }))));
}

/** The chosen files of `root`'s upload inputs, by material. */
export function chosenFiles(root: ParentNode): { material: string; file: File }[] {
  return [...root.querySelectorAll<HTMLInputElement>('input[type="file"][data-material]')]
    .flatMap((input) => [...(input.files ?? [])].map((file) => ({ material: input.dataset.material!, file })));
}

/** Uploads files to the case, one request per material; returns what the server answered for each. */
export async function uploadMaterials(http: Http, caseNo: string, files: { material: string; file: File }[]): Promise<unknown[]> {
  const answers: unknown[] = [];
  for (const { material, file } of files) {
    const form = new FormData();
    form.append('material', material);
    form.append('file', file, file.name);
    answers.push(await http.upload(`/api/cases/${encodeURIComponent(caseNo)}/materials`, form));
  }
  return answers;
}
