/** zh-CN labels of the notification centre (站内消息), the console's queues and the window intake (窗口受理). */
export const ZH_CN_MESSAGES: Readonly<Record<string, string>> = {
  // Portal: 站内消息
  'Messages': '站内消息', 'View the case': '查看办件', 'Mark as read': '标为已读', 'Marked as read': '已标为已读',
  'Read': '已读', 'Unread': '未读', 'No unread messages': '没有未读消息', 'No messages yet': '暂无消息',
  'Mark all as read': '全部标为已读', 'All messages marked as read': '全部消息已标为已读',
  'Unread ({n})': '未读（{n}）', '{n} messages, {u} unread': '共 {n} 条消息，{u} 条未读',
  // Console: the queues
  'To do': '待办', 'Done by me': '已办', 'Copied to me': '抄送我的', 'Registered by me': '我发起的',
  'The copies with who copied them and their notes': '查看抄送记录（抄送人、抄送时间、备注）',
  'No cases handled by you': '暂无您办理过的办件', 'No cases copied to you': '暂无抄送给您的办件', 'No window applications registered by you': '暂无您登记的窗口申请',
  // Console: 窗口受理
  'Window intake': '窗口受理', 'Applicant present at the window': '到窗口办理的申请人', 'Kind of applicant': '申请人类型',
  'ID type': '证件类型', 'Portal account': '网上办事大厅账号', 'Leave empty if the applicant has no account': '申请人没有网上办事大厅账号的可不填',
  'For the SMS notices': '用于接收办理进度短信', 'Agent (if one applies for the applicant)': '代理人（委托他人办理时填写）',
  'About the application': '申请情形（按申请人陈述填写）', 'Choose the item first.': '请先选择事项。',
  'Materials brought to the window': '申请人提交的材料', 'Register the application': '登记申请',
  'Enter the name and ID number of the applicant as the document presented shows': '请按申请人出示的证件填写姓名和证件号码',
  'Registered at the window: case {caseNo}; accept it on the case page': '窗口登记成功，受理编号 {caseNo}，请在办件页当场受理',
  'Could not register the application': '登记失败',
  'Registered by {name}, recorded as the clerk of this application': '登记人：{name}（作为本申请的窗口登记人员记录）',
  'idType.RESIDENT_ID': '居民身份证', 'idType.USCC': '统一社会信用代码', 'idType.PASSPORT': '护照', 'idType.HK_MACAO_PERMIT': '港澳居民来往内地通行证',
  'idType.TAIWAN_PERMIT': '台湾居民来往大陆通行证', 'idType.FOREIGN_PERMANENT_ID': '外国人永久居留身份证',
  'Registered by': '登记人', 'ending {suffix}': '尾号 {suffix}',
};
