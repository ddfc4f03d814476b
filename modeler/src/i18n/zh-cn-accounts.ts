/** zh-CN labels of the console's account pages: one's own password, and the reform office's user administration. */
export const ZH_CN_ACCOUNTS: Readonly<Record<string, string>> = {
  'Accounts': '账号管理', 'Change my password': '修改密码', 'Current password': '当前密码', 'New password': '新密码',
  'Repeat the new password': '再次输入新密码', 'Change password': '确认修改', 'Password changed; other sessions were logged out': '密码已修改，其他登录已退出',
  'The two new passwords differ': '两次输入的新密码不一致',
  'Password rule: at least 12 characters, not containing the user id, not a common password': '密码要求：至少 12 个字符，不能包含用户名，不能是常用密码',
  'Your password was reset by an administrator; choose your own before continuing': '您的密码已由管理员重置，请先设置自己的密码',
  'Users': '用户', 'User id': '用户名', 'Name': '姓名', 'Roles': '角色', 'Account status': '账号状态',
  'account.enabled': '正常', 'account.disabled': '已停用', 'account.must-change': '待修改密码',
  'Reset password': '重置密码', 'Temporary password': '临时密码', 'Disable': '停用', 'Enable': '启用',
  'Password reset; the user must change it at next login': '密码已重置，用户下次登录须修改密码',
  'Account disabled; its sessions were logged out': '账号已停用，其登录已全部退出', 'Account enabled': '账号已启用',
  'Could not change the password': '修改密码失败', 'Could not reset the password': '重置密码失败', 'Could not change the account': '账号操作失败',
  'No users': '暂无用户',
  'role.reform-office-admin': '审改办管理员', 'role.department-admin': '部门管理员', 'role.department-staff': '部门工作人员',
  'role.applicant': '申请人', 'role.auditor': '监察人员',
  'error.PASSWORD_TOO_WEAK': '密码不符合要求：至少 12 个字符，不能包含用户名，不能是常用密码',
  'error.CURRENT_PASSWORD_WRONG': '当前密码不正确', 'error.PASSWORD_CHANGE_REQUIRED': '密码已由管理员重置，请先修改密码',
};
