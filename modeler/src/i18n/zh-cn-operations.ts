/**
 * zh-CN texts of the operations on a step (转办, 委派, 加签, 减签, 驳回, 抄送, 拿回, 催办) on the case page, the
 * "抄送我的" list, and the timeline names of their events.
 */
export const ZH_CN_OPERATIONS: Readonly<Record<string, string>> = {
  'The 抄送 step (after {who})': '抄送环节（{who} 办理后）', '{n} copies, {u} unread': '共 {n} 条抄送，{u} 条未读',
  // The operations section and its buttons
  'Operations on the steps': '审批操作', 'Transfer': '转办', 'Delegate': '委派', 'Add signers': '加签', 'Remove signers': '减签',
  'Reject': '驳回', 'Copy to': '抄送', 'Hand back': '交回', 'Take back': '拿回', 'Urge': '催办',
  'Held by {who}': '办理人：{who}', 'Delegated by {owner} to {to}': '{owner} 委派给 {to} 办理中', 'Signer {who} signs before {owner}': '加签人 {who} 先签，再由 {owner} 办理',
  'Could not load the colleagues': '无法加载可选人员', 'Choose a colleague': '请选择人员', 'Give the reason': '请填写理由',
  // 转办 and 委派
  'Transfer to': '转办给', 'Delegate to': '委派给', 'Why it goes to them': '转办理由', 'What they should do': '委派说明（请对方办理什么）',
  'Confirm the transfer': '确认转办', 'Confirm the delegation': '确认委派',
  'Transferred to {name}; the step left your inbox': '已转办给 {name}，该环节已移出您的待办',
  'Delegated to {name}; it comes back to you to confirm': '已委派给 {name}，对方办理后交回您确认办结',
  'Your opinion for the owner': '给委派人的办理意见', 'Hand back to the owner': '交回委派人', 'Write your opinion': '请填写办理意见',
  'Handed back to the owner to confirm and complete': '已交回委派人，由其确认并办结',
  // 加签 and 减签
  'Mode': '加签方式', 'Signers': '加签人', 'signers.before': '前加签（加签人先签，再由我办理）', 'signers.after': '后加签（我办理后再由加签人签）',
  'signers.parallel': '并加签（与本环节会签人员一同签署）', 'Why they sign too': '加签理由', 'Confirm adding signers': '确认加签',
  'Tick at least one colleague': '请至少勾选一名人员', 'Signers added ({mode}): {names}': '已加签（{mode}）：{names}',
  'Why they no longer sign': '减签理由', 'Confirm removing signers': '确认减签', 'Tick at least one signer': '请至少勾选一名加签人',
  'Signers removed: {names}': '已减签：{names}',
  // 驳回
  'Reject to': '驳回到', 'The previous step': '上一环节', 'The applicant (correction)': '申请人（补正材料）',
  'After it is done again': '重新办理后', 'resume.through': '按流程逐步重新流转', 'resume.back-to-me': '直接返回本环节',
  'Why it must be done again': '驳回理由', 'Confirm the rejection': '确认驳回', 'Rejected to {target}; {resume}': '已驳回到“{target}”；{resume}',
  // 抄送
  'Colleagues': '人员', 'Departments': '部门', 'Note': '附言', 'What they should know': '需要对方知晓的内容', 'Confirm the copy': '确认抄送',
  'Tick at least one colleague or department': '请至少勾选一名人员或一个部门', 'Copied to {names} (read only)': '已抄送给 {names}（仅供查阅）',
  // 拿回 and 催办
  'Why you take it back': '拿回理由', 'Take back {step}': '拿回“{step}”', '{step} is back in your inbox': '“{step}”已拿回到您的待办',
  'A word to whoever holds it': '催办内容（可不填）', 'Send the reminder': '发送催办', 'Reminder sent to the holder of {step}': '已向“{step}”的办理人发送催办',
  // 抄送我的
  'Copied to me': '抄送我的', 'Copied by': '抄送人', 'Copied at': '抄送时间', 'No copies': '暂无抄送', '{n} copies': '共 {n} 条抄送',
  'Copies are read only: they let you follow the case, not work its steps.': '抄送仅供查阅：可查看办件进展，但不能办理其环节。',
  // The applicant's page: a correction asked during handling
  'On {date} the department asked you to correct: {reason}': '审批部门于 {date} 驳回您补正材料：{reason}',
  'Choose at least one corrected file': '请至少选择一份补正后的材料',
  // The limit of a co-department of a joint approval (并联审批), as its listing states it
  'basis.co-department-listing': '办事指南公布的协办部门办理时限',
  // Timeline names of the operations
  'event.task.transferred': '转办', 'event.task.delegated': '委派', 'event.task.resolved': '委派交回', 'event.task.signers-added': '加签',
  'event.task.signers-removed': '减签', 'event.task.signed': '加签人签署', 'event.task.rejected': '驳回', 'event.task.reclaimed': '拿回',
  'event.rejection.resumed': '驳回后返回驳回环节', 'event.task.urged': '催办', 'event.task.copied': '抄送', 'event.task.assigned': '办理人变更',
  'event.correction.requested': '驳回至申请人补正', 'event.co-department.signed': '协办会签人签署',
  'event.co-department.withdrawn': '协办收回（各协办部门重新办理）',
};
