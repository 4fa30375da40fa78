// Texts of kiosk mode (a desk's own tablet for citizen feedback, ADR 0027). Indonesian defines the keys; English must match.

export const kioskId = {
  'targets.kiosks': 'Kios',
  'kiosks.title': 'Perangkat kios',
  'kiosks.intro':
    'Daftarkan tablet milik loket sebagai kios. Warga yang dilayani mengisi survei di tablet itu; batas per ponsel (untuk mencegah penyalahgunaan) tidak berlaku untuk kios, tetapi kios memiliki batasnya sendiri dan setiap isian mencatat kios asalnya.',
  'kiosks.add': 'Daftarkan tablet',
  'kiosks.name': 'Nama perangkat',
  'kiosks.nameHint': 'Misalnya "Tablet Loket 1". Maksimal 100 karakter.',
  'kiosks.nameRequired': 'Nama perangkat wajib diisi.',
  'kiosks.addButton': 'Daftarkan',
  'kiosks.setupTitle': 'Tautan penyiapan untuk {name}',
  'kiosks.setupBody':
    'Buka tautan ini sekali di tablet tersebut. Tautan hanya ditampilkan sekarang dan berlaku seperti kunci: jangan bagikan. Bila hilang, cabut perangkat ini dan daftarkan lagi.',
  'kiosks.setupLink': 'Tautan penyiapan',
  'kiosks.copied': 'Tautan penyiapan disalin.',
  'kiosks.none': 'Belum ada tablet yang didaftarkan untuk layanan ini.',
  'kiosks.status': 'Status',
  'kiosks.active': 'Aktif',
  'kiosks.revoked': 'Dicabut',
  'kiosks.created': 'Didaftarkan',
  'kiosks.lastUsed': 'Terakhir dipakai',
  'kiosks.never': 'Belum pernah',
  'kiosks.revoke': 'Cabut',
  'kiosks.revokeTitle': 'Cabut {name}?',
  'kiosks.revokeBody':
    'Tablet ini langsung tidak dapat lagi mengirim penilaian sebagai kios. Tindakan ini tidak dapat dibatalkan; untuk memakainya lagi, daftarkan sebagai perangkat baru.',
  'kiosks.revokeConfirm': 'Ya, cabut',
  'kiosks.revokedNotice': '{name} dicabut.',

  'kiosk.title': 'Mode kios',
  'kiosk.settingUp': 'Menyiapkan perangkat ini sebagai kios…',
  'kiosk.noLink':
    'Halaman ini dipakai sekali untuk menyiapkan tablet loket sebagai kios survei kepuasan. Buka tautan penyiapan yang diberikan petugas di tablet ini.',
  'kiosk.failed': 'Perangkat belum dapat disiapkan.',
  'kiosk.ready': 'Perangkat ini sekarang kios "{name}". Membuka formulir…',
  'kiosk.openForm': 'Buka formulir',
  'kiosk.stop': 'Hentikan mode kios di perangkat ini',
  'kiosk.stopped': 'Mode kios dihentikan di perangkat ini.',
} as const;

export const kioskEn: Record<keyof typeof kioskId, string> = {
  'targets.kiosks': 'Kiosks',
  'kiosks.title': 'Kiosk devices',
  'kiosks.intro':
    "Register the desk's own tablet as a kiosk. Citizens served at the desk fill in the survey on it; the per-phone limits (against abuse) do not apply to a kiosk, which has its own limits, and every submission records its kiosk.",
  'kiosks.add': 'Register a tablet',
  'kiosks.name': 'Device name',
  'kiosks.nameHint': 'For example "Desk 1 tablet". At most 100 characters.',
  'kiosks.nameRequired': 'The device name is required.',
  'kiosks.addButton': 'Register',
  'kiosks.setupTitle': 'Setup link for {name}',
  'kiosks.setupBody':
    'Open this link once on that tablet. It is shown only now and works like a key: do not share it. If it is lost, revoke this device and register it again.',
  'kiosks.setupLink': 'Setup link',
  'kiosks.copied': 'Setup link copied.',
  'kiosks.none': 'No tablet is registered for this service yet.',
  'kiosks.status': 'Status',
  'kiosks.active': 'Active',
  'kiosks.revoked': 'Revoked',
  'kiosks.created': 'Registered',
  'kiosks.lastUsed': 'Last used',
  'kiosks.never': 'Never',
  'kiosks.revoke': 'Revoke',
  'kiosks.revokeTitle': 'Revoke {name}?',
  'kiosks.revokeBody':
    'This tablet can no longer send ratings as a kiosk, starting now. This cannot be undone; to use it again, register it as a new device.',
  'kiosks.revokeConfirm': 'Yes, revoke',
  'kiosks.revokedNotice': '{name} revoked.',

  'kiosk.title': 'Kiosk mode',
  'kiosk.settingUp': 'Setting this device up as a kiosk…',
  'kiosk.noLink':
    "This page is used once to set a desk's tablet up as a satisfaction-survey kiosk. Open the setup link given by staff on this tablet.",
  'kiosk.failed': 'This device could not be set up.',
  'kiosk.ready': 'This device is now the kiosk "{name}". Opening the form…',
  'kiosk.openForm': 'Open the form',
  'kiosk.stop': 'End kiosk mode on this device',
  'kiosk.stopped': 'Kiosk mode ended on this device.',
};
