/**
 * A file chooser labelled in the page's language. The browser's own file input shows its button and its
 * "no file chosen" text in the browser's language (English in most builds, whatever the page says), so the
 * native input is kept for the files and the keyboard-less picker, visually hidden, and a button and the
 * chosen file's name are shown beside it instead.
 */
import { el, type T } from './dom.js';

/** The attributes of the native input (`data-material`, `name`, `accept`, `aria-label` …). */
type InputAttrs = Record<string, string | number | boolean | undefined>;

/**
 * A chooser for one file: `<span class="file-pick">` with the hidden native `<input type="file">` carrying
 * `attrs`, a 选择文件 button that opens it, and the chosen file's name (未选择文件 before).
 */
export function filePick(t: T, attrs: InputAttrs): HTMLSpanElement {
  const input = el('input', { ...attrs, type: 'file', class: 'file-native', tabindex: -1 });
  const name = el('span', { class: 'file-name' }, t('No file chosen'));
  const button = el('button', { type: 'button', class: 'file-choose' }, t('Choose file'));
  // A button inside a <label> does not activate the label, so the chooser opens once.
  button.addEventListener('click', () => input.click());
  input.addEventListener('change', () => {
    const files = [...(input.files ?? [])];
    name.textContent = files.length ? files.map((f) => f.name).join('、') : t('No file chosen');
    name.classList.toggle('chosen', files.length > 0);
  });
  return el('span', { class: 'file-pick' }, input, button, ' ', name);
}
