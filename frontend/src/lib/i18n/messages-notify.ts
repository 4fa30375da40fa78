// Texts of notifications (the bell, `/notifications`, the preferences on the account page).
export const notifyId = {
  'notify.title': 'Pemberitahuan',
  'notify.bell.none': 'Pemberitahuan: tidak ada yang belum dibaca',
  'notify.bell.unread': 'Pemberitahuan: {count} belum dibaca',
  'notify.empty': 'Belum ada pemberitahuan.',
  'notify.unread': 'Belum dibaca',
  'notify.unreadCount': '{count} belum dibaca',
  'notify.unreadOnly': 'Hanya yang belum dibaca',
  'notify.markRead': 'Tandai dibaca',
  'notify.markAll': 'Tandai semua dibaca',
  'notify.prefs.title': 'Email pemberitahuan',
  'notify.prefs.legend': 'Kirim email untuk',
  'notify.prefs.unavailable':
    'Email belum dapat dikirim ke akun ini (server email belum diatur atau akun tidak punya alamat email). Pemberitahuan tetap muncul di aplikasi.',
  'notify.category.skp': 'SKP dikembalikan atau disetujui',
  'notify.category.ratings360': 'Formulir penilaian 360 baru',
  'notify.category.predikat': 'Predikat dipublikasikan',
  'notify.category.appeal': 'Keberatan diajukan atau diputuskan',
  'notify.category.account': 'Kata sandi akun disetel ulang',
  'notify.category.reminder': 'Pengingat batas waktu (3 hari dan 1 hari sebelumnya)',
};

export const notifyEn: Record<keyof typeof notifyId, string> = {
  'notify.title': 'Notifications',
  'notify.bell.none': 'Notifications: none unread',
  'notify.bell.unread': 'Notifications: {count} unread',
  'notify.empty': 'No notifications yet.',
  'notify.unread': 'Unread',
  'notify.unreadCount': '{count} unread',
  'notify.unreadOnly': 'Unread only',
  'notify.markRead': 'Mark as read',
  'notify.markAll': 'Mark all as read',
  'notify.prefs.title': 'Notification emails',
  'notify.prefs.legend': 'Send an email for',
  'notify.prefs.unavailable':
    'Emails cannot reach this account yet (no mail server set, or the account has no email address). Notifications still appear in the app.',
  'notify.category.skp': 'SKP returned or approved',
  'notify.category.ratings360': 'New 360 forms',
  'notify.category.predikat': 'Predikat published',
  'notify.category.appeal': 'Appeals filed or decided',
  'notify.category.account': 'Account password reset',
  'notify.category.reminder': 'Deadline reminders (3 days and 1 day before)',
};
