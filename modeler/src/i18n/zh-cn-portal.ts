import { factValueEntries } from '../../../contracts/vocabulary/fact-values.js';
/** zh-CN labels of the applicant portal (网上办事大厅). */
export const ZH_CN_PORTAL: Readonly<Record<string, string>> = {
  'Apply online, no visit needed. Questions: the consultation phone of each item.': '不见面审批，网上申报、网上办理。咨询请拨打各事项的咨询电话。',
  'Real-name login': '实名登录', 'Staff entrance': '工作人员入口', 'Service guide': '办事指南', 'My cases': '我的办件', 'Progress': '进度查询',
  // Catalogue and disclosure
  'Apply online, no visit needed': '不见面审批 · 网上办',
  'Choose an item, check what you need, apply and follow your case here.': '选择事项，查看所需材料，在线申报并查询办理进度。',
  'Search items by name or department': '按事项名称或部门搜索', '{n} items': '共 {n} 个事项', 'Apply online': '在线申报',
  'Online depth': '网办深度', 'Visits': '到现场次数', 'Acceptance conditions': '受理条件', 'Form': '材料形式', 'Source': '来源',
  'always': '必需', ' or ': '；或', 'when the pre-review asks for it': '经预审要求时', 'may follow later': '可容缺后补',
  'Time limits': '办理时限', 'Fees': '收费', 'Free of charge': '不收费', 'Flow': '办理流程', 'Result': '办理结果', 'e-certificate': '电子证照',
  'Contacts': '咨询投诉', 'Consultation': '咨询电话', 'Complaints': '投诉电话', 'Address': '办理地点', 'Hours': '办公时间',
  'source.applicant': '申请人提供', 'source.shared': '部门共享，无需提交',
  'itemType.01': '行政许可', 'itemType.07': '行政确认', 'itemType.20': '公共服务',
  // Application
  'Applying needs a real-name login.': '在线申报需要先实名登录。',
  'About your application': '申请情形',
  'Yes': '是', 'No': '否', 'Please choose': '请选择', 'Which materials do I need?': '查看所需材料',
  'No materials are needed for these answers': '按您的情形无需提交材料', 'Materials you need': '您需要提交的材料',
  '{n} copies': '{n} 份', 'Name': '姓名/名称', 'ID number': '证件号码', 'ID or unified social credit code': '身份证号或统一社会信用代码',
  'Phone': '联系电话', 'Certificate number': '证照编号', 'Issued by': '发证机关', 'Upload materials': '上传材料', 'Submit the application': '提交申请',
  'Application received: case {caseNo}': '申请已提交，受理编号 {caseNo}', 'Could not apply': '申报失败',
  ...factValueEntries(),
  // Case
  'Promised by': '承诺办结日期', 'progress.applied': '已申报', 'progress.accepted': '已受理', 'progress.handling': '办理中', 'progress.concluded': '已办结',
  'Correction': '补正材料', 'Correction notice of {date}: please supply everything below at once.': '{date} 一次性补正告知：请一次性补齐以下材料。',
  'Send the corrected materials': '提交补正材料', 'Corrected materials sent': '补正材料已提交',
  'Total': '应缴', 'Paid': '已缴', 'Pay {amount}': '缴费 {amount}', 'Confirm payment': '确认支付',
  'Simulated payment platform: pay {amount}?': '模拟支付平台：确认支付 {amount}？', 'Paid: {reference}': '缴费成功：{reference}',
  'Certificate': '证照编号', 'Evaluation': '好差评', 'Your comment (optional)': '您的意见（选填）', 'Send evaluation': '提交评价',
  'Thank you for your evaluation': '感谢您的评价',
  'grade.1': '非常满意', 'grade.2': '满意', 'grade.3': '基本满意', 'grade.4': '不满意', 'grade.5': '非常不满意',
  // Account and progress
  'You have no cases yet': '您还没有办件', 'Last 4 characters of the ID number': '证件号码后四位', 'Where the case is': '办理进度',
  'Current step': '当前环节',
  // Applying as an agent (代办)
  'Principal (the applicant you act for)': '委托人（申请人）信息',
  'You apply as the agent: give the identity of the person or organisation you act for, and upload the power of attorney (授权委托书) below.': '您作为代理人办理：请填写委托人（申请人）的身份信息，并在下方上传授权委托书。',
  'Name of the principal': '委托人姓名/名称', 'ID type': '证件类型', 'ID number of the principal': '委托人证件号码',
  'Account of the principal (if any)': '委托人账号（如有）', 'Their login name on this portal; leave empty if they have none': '委托人在本平台的登录名，没有可不填',
  'Agent (you)': '代理人（本人）', 'from your real-name account': '取自您的实名账户',
  'Applying online needs a real-name record on your account; please complete it at the service window': '网上申报需账户已实名认证，请到服务窗口完成实名登记',
  'Enter {field} of the principal you act for': '请填写{field}',
  'idType.RESIDENT_ID': '居民身份证', 'idType.USCC': '统一社会信用代码', 'idType.PASSPORT': '护照',
  'idType.HK_MACAO_PERMIT': '港澳居民来往内地通行证', 'idType.TAIWAN_PERMIT': '台湾居民来往大陆通行证', 'idType.FOREIGN_PERMANENT_ID': '外国人永久居留身份证',
};
