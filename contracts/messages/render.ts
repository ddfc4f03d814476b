/**
 * Rendering refusals for a person: the language a request asks for (`Accept-Language`, zh-CN unless English
 * is preferred), and the message of a refusal body in that language from the code's template and the
 * refusal's details. Shared by the server (which answers in the asked language) and the pages (which ask in
 * Chinese). Pure: no I/O.
 */
import { ZH_CN_FIELD_MESSAGES, ZH_CN_MESSAGES } from './codes.js';

/** The languages Shenpi answers in. */
export const LANGUAGES = ['zh-CN', 'en'] as const;
/** One of `LANGUAGES`. */
export type Language = (typeof LANGUAGES)[number];

/**
 * The language for an `Accept-Language` header: the first supported one by preference (q) order; zh-CN when
 * the header is absent or names neither, since Shenpi's users work in Chinese.
 */
export function negotiateLanguage(header: string | undefined): Language {
  if (!header) return 'zh-CN';
  const ranked = header
    .split(',')
    .map((part, index) => {
      const [tag = '', ...rest] = part.trim().split(';');
      const q = rest.map((r) => /^\s*q=([0-9.]+)\s*$/.exec(r)?.[1]).find((v) => v !== undefined);
      return { tag: tag.trim().toLowerCase(), q: q === undefined ? 1 : Number(q), index };
    })
    .filter((r) => r.tag && r.q > 0)
    .sort((a, b) => b.q - a.q || a.index - b.index);
  for (const { tag } of ranked) {
    if (tag === 'zh' || tag.startsWith('zh-')) return 'zh-CN';
    if (tag === 'en' || tag.startsWith('en-')) return 'en';
  }
  return 'zh-CN';
}

/** A value a template can show. */
type Param = string | number | boolean;

/**
 * Fills `{name}` placeholders from `params`. A `[…]` segment whose placeholders are not all given is left
 * out, so a template reads well with and without the optional part.
 */
export function fillTemplate(template: string, params: Readonly<Record<string, unknown>>): string {
  const value = (name: string): string | undefined => {
    const v = params[name];
    if (Array.isArray(v)) return v.length ? v.map(String).join('、') : undefined;
    return typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean' ? String(v as Param) : undefined;
  };
  const withSegments = template.replace(/\[([^\]]*)\]/g, (_whole, inner: string) => {
    const names = [...inner.matchAll(/\{(\w+)\}/g)].map((m) => m[1]!);
    return names.every((n) => value(n) !== undefined) ? inner : '';
  });
  return withSegments.replace(/\{(\w+)\}/g, (whole, name: string) => value(name) ?? whole);
}

/** The identifiers a refusal's English message quotes ('review', 'M3' …), at most three, in order. */
export function quotedNames(message: string): string[] {
  const names: string[] = [];
  for (const m of message.matchAll(/'([^'\n]{1,80})'/g)) {
    if (!names.includes(m[1]!)) names.push(m[1]!);
    if (names.length === 3) break;
  }
  return names;
}

/** One field error of a refused request body. */
export interface FieldErrorText {
  path: string;
  message: string;
  keyword: string;
  params?: Record<string, unknown>;
}

/** A field error in Chinese: `字段 /body/facts/rooms 类型不正确，应为 integer`. */
export function fieldErrorZh(error: FieldErrorText): string {
  const template = ZH_CN_FIELD_MESSAGES[error.keyword] ?? '不符合要求';
  return `字段 ${error.path} ${fillTemplate(template, error.params ?? {})}`;
}

/** The body of a refusal as the API sends it. */
export interface RefusalBody {
  code: string;
  message: string;
  details?: Record<string, unknown>;
}

/**
 * A refusal's message in `language`. English is the message as written; Chinese comes from the code's
 * template, filled from the details, and names the identifiers the English message quotes when the
 * template itself names none. A code without a template still gets a Chinese sentence with the code.
 */
export function refusalMessage(body: RefusalBody, language: Language): string {
  if (language === 'en') return body.message;
  const details = body.details ?? {};
  if (body.code === 'VALIDATION_FAILED' && Array.isArray(details.errors) && details.errors.length) {
    return `${ZH_CN_MESSAGES.VALIDATION_FAILED}：${fieldErrorZh(details.errors[0] as FieldErrorText)}`;
  }
  const params: Record<string, unknown> = { ...details };
  const findings = Array.isArray(details.findings) ? (details.findings as Array<{ id?: string; severity?: string }>) : [];
  const firstError = findings.find((f) => f.severity === 'error') ?? findings[0];
  if (firstError?.id) params.first = `元素「${firstError.id}」`;
  const template = ZH_CN_MESSAGES[body.code];
  if (!template) return appendNames(`操作未能完成（${body.code}）`, body.message);
  const text = fillTemplate(template, params);
  // The details named nothing the template shows: name what the English message quotes instead.
  return text === fillTemplate(template, {}) ? appendNames(text, body.message) : text;
}

function appendNames(text: string, english: string): string {
  const names = quotedNames(english);
  return names.length ? `${text}（${names.join('、')}）` : text;
}
