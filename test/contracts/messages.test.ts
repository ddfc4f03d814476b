/**
 * Refusals in the language asked for: every code the API can answer with has a Chinese text; templates name
 * what the details name; the server answers zh-CN by default and English when asked.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { fieldErrorZh, fillTemplate, negotiateLanguage, refusalMessage, ZH_CN_MESSAGES } from '../../contracts/messages/index.js';
import { APPROVAL_REJECTION_STATUS, CASE_SERVICE_STATUS, HEARING_REJECTION_STATUS } from '../../server/http/approval-codes.js';
import { REJECTION_STATUS, SERVER_STATUS } from '../../server/http/errors.js';
import { AUTHORITY_STATUS } from '../../server/http/authority-codes.js';
import { buildTestApp, login, type TestApp } from '../server/helper.js';

describe('the message catalogue', () => {
  it('has a Chinese text for every code of every status table', () => {
    const codes = [REJECTION_STATUS, SERVER_STATUS, APPROVAL_REJECTION_STATUS, HEARING_REJECTION_STATUS, CASE_SERVICE_STATUS, AUTHORITY_STATUS].flatMap((t) => Object.keys(t));
    expect(codes.filter((c) => !ZH_CN_MESSAGES[c])).toEqual([]);
    // Chinese, not English left in place: every text has CJK characters and no English sentence.
    const english = Object.entries(ZH_CN_MESSAGES).filter(([, text]) => !/[\u4e00-\u9fff]/.test(text) || /\b[a-z]{3,}\s+[a-z]{3,}\b/i.test(text));
    expect(english).toEqual([]);
  });

  it('leaves out an optional segment whose value is missing, and fills it when given', () => {
    expect(fillTemplate('申请材料不齐全[：{missing}]', {})).toBe('申请材料不齐全');
    expect(fillTemplate('申请材料不齐全[：{missing}]', { missing: ['M3', 'M4'] })).toBe('申请材料不齐全：M3、M4');
  });

  it('reads Accept-Language by preference, zh-CN when absent or unsupported', () => {
    expect(negotiateLanguage(undefined)).toBe('zh-CN');
    expect(negotiateLanguage('en-US,en;q=0.9')).toBe('en');
    expect(negotiateLanguage('fr-FR, en;q=0.5, zh-CN;q=0.8')).toBe('zh-CN');
    expect(negotiateLanguage('de')).toBe('zh-CN');
    expect(negotiateLanguage('zh-TW;q=0.2, en;q=0.1')).toBe('zh-CN');
  });

  it('names the identifiers of the English message when the template names none', () => {
    const body = { code: 'TASK_NOT_ACTIVE', message: "Expected task 'review-1' to be active, but it was completed" };
    expect(refusalMessage(body, 'zh-CN')).toBe('该任务已不在办理中（可能已由他人办结）（review-1）');
    expect(refusalMessage(body, 'en')).toBe(body.message);
    expect(refusalMessage({ code: 'SOMETHING_NEW', message: "Expected 'x' to be y" }, 'zh-CN')).toBe('操作未能完成（SOMETHING_NEW）（x）');
  });

  it('says which field failed and how, in Chinese', () => {
    expect(fieldErrorZh({ path: '/body/facts/rooms', message: 'must be integer', keyword: 'type', params: { type: 'integer' } })).toBe('字段 /body/facts/rooms 类型不正确，应为 integer');
    expect(fieldErrorZh({ path: '/body/name', message: 'must NOT have more than 64 characters', keyword: 'maxLength', params: { limit: 64 } })).toBe('字段 /body/name 内容过长，最多 64 个字符');
  });
});

describe('refusals over HTTP', () => {
  let t: TestApp;
  beforeEach(async () => {
    t = await buildTestApp();
  });
  afterEach(() => t.close());

  it('answers in Chinese by default and in English when asked, with the same code', async () => {
    const zh = await t.app.inject({ method: 'GET', url: '/api/no-such-route' });
    expect(zh.statusCode).toBe(404);
    expect(zh.headers['content-language']).toBe('zh-CN');
    expect(zh.json()).toMatchObject({ code: 'ROUTE_NOT_FOUND', message: '请求的地址不存在' });
    const en = await t.app.inject({ method: 'GET', url: '/api/no-such-route', headers: { 'accept-language': 'en-US,en;q=0.9' } });
    expect(en.json()).toMatchObject({ code: 'ROUTE_NOT_FOUND', message: 'Expected a route for GET /api/no-such-route, but there is none' });
  });

  it('names the field of a refused body in Chinese', async () => {
    const token = await login(t.app, 'admin');
    const res = await t.app.inject({ method: 'POST', url: '/api/process-cases', headers: token, payload: { definitionKey: 42 } });
    expect(res.statusCode).toBe(400);
    expect(res.json().code).toBe('VALIDATION_FAILED');
    expect(res.json().message).toBe('提交的内容不符合要求：字段 /body/definitionKey 类型不正确，应为 string');
  });

  it('renders a failed login in Chinese', async () => {
    const res = await t.app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: 'admin', password: 'wrong-password-here' } });
    expect(res.statusCode).toBe(401);
    expect(res.json().message).toMatch(/[\u4e00-\u9fff]/);
  });
});
