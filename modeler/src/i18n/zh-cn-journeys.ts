/**
 * zh-CN texts of the joint approval, the special procedures' paused clock and the fees on the case pages:
 * the co-departments' progress (并联审批), the steps another department works, the clock paused by an expert
 * review (暂停计时) and the payment before registration (缴费).
 */
export const ZH_CN_JOURNEYS: Readonly<Record<string, string>> = {
  // Joint approval
  'Joint approval': '并联审批（联合办理）', 'State': '办理情况', 'Finished': '办结时间', 'No co-departments': '暂无协办部门',
  'Co-departments finished {done}/{all}': '协办部门已办结 {done}/{all}',
  'The case is decided when every co-department has finished; the result is handed out once by the lead department.': '全部协办部门办结后作出决定，由主办部门统一出件。',
  'joint.open': '办理中', 'joint.approved': '准予许可', 'joint.refused': '不予许可', 'joint.waiting': '尚未开始',
  'Worked by {department}': '由 {department} 办理', 'Results of each department': '各部门办理结果',
  '{department}: {outcome} ({date})': '{department}：{outcome}（{date}）',
  // The paused clock
  'expected to end {date}': '预计 {date} 结束', 'end not yet known': '结束时间待定',
  'Clock paused: {name} since {start}, {end}; the time does not count toward the {clocks}, and the deadlines move by it when it ends.': '计时暂停中：{name}自 {start} 起，{end}；暂停期间不计入{clocks}，结束后期限顺延。',
  '{name} runs since {start}, {end}; its time counts toward the limits.': '{name}自 {start} 起进行中，{end}；该程序计入办理时限。',
  'The case is suspended while the special procedure runs; end it to go on with this step.': '特别程序进行中，办件已挂起；特别程序结束后方可继续办理本环节。',
  'Legal basis of the procedure': '该特别程序的法律依据', 'Give the legal basis of the procedure': '请填写特别程序的依据',
  'The certificate is generated once the applicant has paid the fees in full.': '申请人缴清费用后自动生成证照。',
  'The department goes on with the registration once the fees are paid in full.': '缴清费用后，登记机构方可登簿并核发证书。',
  // The file chooser
  'Choose file': '选择文件', 'No file chosen': '未选择文件',
  // Documents of the case
  'document.special-procedure-notice': '特别程序告知书', 'document.extension-notice': '延长审批期限告知书',
  'document.hearing-right-notice': '听证告知书', 'document.hearing-notice': '听证通知书',
  // Fees on the case page
  'Paid online {at}: {amount}, reference {reference}': '{at} 网上缴费 {amount}，支付流水号 {reference}',
  'Awaiting payment by the applicant: {total} due, {paid} paid': '待申请人缴费：应缴 {total}，已缴 {paid}', 'Paid in full: {total}': '已缴清：{total}',
  'This step may be done once the applicant has paid the fees in full; the applicant pays online.': '申请人缴清费用后方可办理本环节；申请人在网上办事大厅在线缴费。',
};
