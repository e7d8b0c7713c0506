/** Copy for invitations, reset links, deactivation and the pages that set a password. */
export const en = {
  'users.invite.title': 'Invite a user',
  'users.invite.hint':
    'The link works once, for 72 hours. It is shown only once, right after you create it: hand it to the person yourself.',
  'users.invite.email': 'Email',
  'users.invite.role': 'Role',
  'users.invite.merchant': 'Merchant (for a merchant user)',
  'users.invite.station': 'Station (for a station operator)',
  'users.invite.hub': 'Hub (for a hub operator)',
  'users.invite.none': '— none —',
  'users.invite.submit': 'Create invitation link',
  'users.invite.created':
    'Invitation for {email} created. Hand over this link; it works once, until {expiresAt}, and is not shown again:',
  'users.pending.title': 'Pending invitations',
  'users.pending.none': 'No invitation is waiting to be accepted.',
  'users.col.expires': 'Link works until',
  'users.pending.revoke': 'Withdraw the invitation for {email}',
  'users.pending.revoked': 'The invitation was withdrawn; its link no longer works.',
  'link.password': 'New password',
  'link.repeat': 'New password again',
  'link.passwordHint': 'At least {min} characters, not one of the most common passwords.',
  'link.invite.title': 'Create your account',
  'link.invite.intro':
    'You are invited to Nestwork as {role}, with the email address {email}. Choose a password to finish; you are signed in right away.',
  'link.invite.submit': 'Create account and sign in',
  'link.unusable.title': 'This link cannot be used',
  'link.unusable.hint': 'Ask whoever sent it for a new link.',
}

export const zhCN: Record<keyof typeof en, string> = {
  'users.invite.title': '邀请用户',
  'users.invite.hint': '链接仅可使用一次，有效期 72 小时，且只在创建后显示这一次：请亲自交给对方。',
  'users.invite.email': '邮箱',
  'users.invite.role': '角色',
  'users.invite.merchant': '商家（商家用户）',
  'users.invite.station': '站点（站点操作员）',
  'users.invite.hub': '枢纽（枢纽操作员）',
  'users.invite.none': '— 无 —',
  'users.invite.submit': '创建邀请链接',
  'users.invite.created':
    '已为 {email} 创建邀请。请交付此链接；它仅可使用一次，有效期至 {expiresAt}，之后不会再显示：',
  'users.pending.title': '待接受的邀请',
  'users.pending.none': '没有待接受的邀请。',
  'users.col.expires': '链接有效期至',
  'users.pending.revoke': '撤回对 {email} 的邀请',
  'users.pending.revoked': '邀请已撤回，其链接不再有效。',
  'link.password': '新密码',
  'link.repeat': '再次输入新密码',
  'link.passwordHint': '至少 {min} 个字符，且不能是最常见的密码。',
  'link.invite.title': '创建您的账户',
  'link.invite.intro':
    '您受邀以{role}身份加入 Nestwork，邮箱为 {email}。请设置密码完成注册，之后将立即登录。',
  'link.invite.submit': '创建账户并登录',
  'link.unusable.title': '该链接无法使用',
  'link.unusable.hint': '请向发送者索取新的链接。',
}
