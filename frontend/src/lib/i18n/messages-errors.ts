// One text per error code the server sends, Indonesian and English. Keyed by the generated
// `ErrorCode` enum: a code the server adds without texts here, or a text for a code the
// server does not send, fails `tsc`.
//
// In Indonesian the server's own message (more specific: it names the year, the unit, the
// deadline) is shown and `id` is only the fallback when the message is empty; in English
// `en` replaces the server's message.
import type { ErrorCode } from '../../api/types';

export interface ErrorText {
  id: string;
  en: string;
}

export const ERROR_TEXTS: Record<ErrorCode, ErrorText> = {
  // Input
  validation_failed: { id: 'Sebagian isian tidak valid.', en: 'Some fields are invalid.' },
  import_rejected: {
    id: 'Impor ditolak; tidak ada data yang disimpan.',
    en: 'The import was rejected; nothing was saved.',
  },
  invalid_csv: {
    id: 'Berkas CSV tidak terbaca atau kolom wajibnya tidak lengkap.',
    en: 'The CSV file cannot be read or lacks required columns.',
  },
  too_many_rows: {
    id: 'Terlalu banyak baris; saring datanya lalu coba lagi.',
    en: 'Too many rows; filter the data and try again.',
  },
  invalid_json: { id: 'Isi permintaan tidak dapat dibaca.', en: 'The request could not be read.' },
  invalid_body: { id: 'Isi permintaan tidak sesuai format.', en: 'The request is not in the expected format.' },
  invalid_path: { id: 'Alamat yang diminta tidak valid.', en: 'The requested address is not valid.' },
  invalid_query: { id: 'Parameter pencarian tidak valid.', en: 'The search parameters are not valid.' },

  // Sign-in and session
  unauthenticated: { id: 'Silakan masuk terlebih dahulu.', en: 'Please sign in first.' },
  invalid_token: {
    id: 'Sesi Anda tidak valid atau sudah kedaluwarsa. Silakan masuk kembali.',
    en: 'Your session is invalid or has expired. Please sign in again.',
  },
  invalid_api_key: {
    id: 'Kunci API tidak valid atau sudah dicabut.',
    en: 'The API key is invalid or has been revoked.',
  },
  invalid_credentials: { id: 'NIP/email atau kata sandi salah.', en: 'Incorrect NIP/email or password.' },
  invalid_refresh_token: {
    id: 'Sesi tidak valid. Silakan masuk kembali.',
    en: 'Your session is not valid. Please sign in again.',
  },
  refresh_token_expired: {
    id: 'Sesi sudah kedaluwarsa. Silakan masuk kembali.',
    en: 'Your session has expired. Please sign in again.',
  },
  refresh_token_revoked: {
    id: 'Sesi sudah berakhir. Silakan masuk kembali.',
    en: 'Your session has ended. Please sign in again.',
  },
  refresh_token_reused: {
    id: 'Demi keamanan sesi Anda diakhiri. Silakan masuk kembali.',
    en: 'For your security the session was ended. Please sign in again.',
  },
  session_ended: {
    id: 'Sesi sudah berakhir (keluar, kata sandi atau peran diubah). Silakan masuk kembali.',
    en: 'Your session has ended (signed out, password or role changed). Please sign in again.',
  },
  token_in_url: {
    id: 'Token akses tidak boleh dikirim di alamat URL.',
    en: 'An access token must not be sent in the URL.',
  },
  invalid_ticket: {
    id: 'Tiket pembaruan langsung tidak valid atau kedaluwarsa.',
    en: 'The live-update ticket is invalid or has expired.',
  },
  set_password_code_expired: {
    id: 'Kode sudah kedaluwarsa. Minta kode baru kepada admin/BKPSDM.',
    en: 'The code has expired. Ask the admin/HR for a new one.',
  },
  password_change_required: {
    id: 'Ini kode sekali pakai: buat kata sandi baru terlebih dahulu.',
    en: 'This is a one-time code: set a new password first.',
  },

  // Generic
  forbidden: { id: 'Anda tidak berhak melakukan tindakan ini.', en: 'You are not allowed to do this.' },
  scope_missing: {
    id: 'Kunci API tidak memiliki cakupan (scope) yang diperlukan.',
    en: 'The API key lacks the scope this needs.',
  },
  not_found: { id: 'Data tidak ditemukan.', en: 'Not found.' },
  method_not_allowed: { id: 'Tindakan ini tidak didukung.', en: 'This action is not supported.' },
  conflict: {
    id: 'Data baru saja diubah di tempat lain. Muat ulang lalu coba lagi.',
    en: 'The data was just changed elsewhere. Reload and try again.',
  },
  siasn_disabled: {
    id: 'Pengiriman ke SIASN belum dikonfigurasi. Hubungi admin sistem.',
    en: 'Sending to SIASN is not configured. Contact the system administrator.',
  },

  // Periods and evaluations
  period_exists: { id: 'Periode ini sudah ada.', en: 'This period already exists.' },
  invalid_transition: {
    id: 'Tindakan ini tidak dapat dilakukan pada status saat ini.',
    en: 'This action is not possible in the current state.',
  },
  period_not_open: { id: 'Periode belum dibuka atau sudah ditutup.', en: 'The period is not open.' },
  period_published: {
    id: 'Periode sudah dipublikasikan; hasilnya tidak dapat diubah lagi.',
    en: 'The period is already published; its results can no longer change.',
  },
  period_not_published: { id: 'Hasil periode ini belum dipublikasikan.', en: 'The results are not published yet.' },
  units_not_finalised: {
    id: 'Sebagian unit belum difinalisasi; finalisasi setiap unit sebelum publikasi.',
    en: 'Some units are not finalised yet; finalise every unit before publishing.',
  },
  unit_finalised: {
    id: 'Hasil unit ini sudah difinalisasi; penilaian tidak dapat diubah.',
    en: 'The unit is already finalised; its ratings cannot change.',
  },
  unit_incomplete: {
    id: 'Sebagian pegawai aktif unit ini belum dinilai final dan tidak dikecualikan.',
    en: 'Some active employees of this unit have no final evaluation and no exemption.',
  },
  period_incomplete: {
    id: 'Sebagian pegawai belum dinilai final maupun dikecualikan; periode belum dapat dipublikasikan.',
    en: 'Some employees have neither a final evaluation nor an exemption; the period cannot be published yet.',
  },
  exemption_exists: {
    id: 'Pegawai ini sudah dikecualikan pada periode ini.',
    en: 'This employee is already exempted in this period.',
  },
  employee_evaluated: {
    id: 'Pegawai ini sudah memiliki penilaian pada periode ini dan tidak dapat dikecualikan.',
    en: 'This employee already has an evaluation in this period and cannot be exempted.',
  },
  employee_exempt: {
    id: 'Pegawai ini dikecualikan dari penilaian periode ini.',
    en: 'This employee is exempted from this period’s evaluation.',
  },
  evaluation_final: {
    id: 'Penilaian ini sudah final dan tidak dapat diubah.',
    en: 'This rating is final and cannot be changed.',
  },
  evaluation_conflict: {
    id: 'Penilaian ini baru saja disimpan di tempat lain. Muat ulang lalu coba lagi.',
    en: 'This rating was just saved elsewhere. Reload and try again.',
  },
  evaluations_not_final: {
    id: 'Sebagian penilaian di unit ini belum final.',
    en: 'Some ratings in the unit are not final yet.',
  },
  justification_required: {
    id: 'Beri alasan: rating perilaku berbeda dari saran penilaian 360.',
    en: 'Give a reason: the behaviour rating differs from the 360 suggestion.',
  },

  // SKP and realisasi
  skp_not_approved: { id: 'SKP belum disetujui.', en: 'The SKP has not been approved yet.' },
  skp_not_found: { id: 'SKP tahun ini belum ada.', en: 'There is no SKP for this year yet.' },
  skp_exists: { id: 'SKP untuk tahun ini sudah ada.', en: 'An SKP for this year already exists.' },
  skp_locked: {
    id: 'SKP tidak dapat diubah selama diajukan atau sudah disetujui.',
    en: 'The SKP cannot be changed while it is submitted or approved.',
  },
  no_rhk_utama: {
    id: 'SKP memerlukan sedikitnya satu RHK utama.',
    en: 'The SKP needs at least one main work result.',
  },
  no_supervisor: {
    id: 'Belum ada atasan langsung yang dapat menyetujui SKP.',
    en: 'There is no supervisor to approve the SKP.',
  },
  realisasi_conflict: {
    id: 'Realisasi ini baru saja disimpan di tempat lain. Muat ulang lalu coba lagi.',
    en: 'This realisasi was just saved elsewhere. Reload and try again.',
  },
  evidence_limit: {
    id: 'Jumlah bukti dukung untuk realisasi ini sudah maksimal.',
    en: 'This realisasi already has the maximum number of evidence items.',
  },
  unsupported_file_type: { id: 'Jenis berkas ini tidak diterima.', en: 'This file type is not accepted.' },

  // 360
  no_360_round: {
    id: 'Periode ini tidak menjalankan penilaian 360.',
    en: 'This period has no 360 round.',
  },
  deadline_passed: { id: 'Batas waktu penilaian 360 sudah lewat.', en: 'The 360 deadline has passed.' },
  response_submitted: {
    id: 'Penilaian ini sudah dikirim dan tidak dapat diubah.',
    en: 'This form was already submitted and cannot be changed.',
  },
  results_360_released: {
    id: 'Hasil 360 periode ini sudah dirilis; penilaian tidak dapat diubah lagi.',
    en: 'The 360 results of this period were released; responses can no longer change.',
  },
  assignment_conflict: {
    id: 'Penugasan ini baru saja dibuat di tempat lain. Muat ulang lalu coba lagi.',
    en: 'This assignment was just created elsewhere. Reload and try again.',
  },
  cannot_rate_self_as_peer: {
    id: 'Pegawai tidak dapat menjadi rekan kerja penilai bagi dirinya sendiri.',
    en: 'An employee cannot be their own peer rater.',
  },
  not_a_peer: {
    id: 'Hanya penugasan rekan kerja yang dapat disetujui atau ditolak.',
    en: 'Only peer nominations can be approved or rejected.',
  },
  peer_in_other_group: {
    id: 'Orang ini sudah menilai sebagai atasan atau bawahan.',
    en: 'This person already rates as supervisor or subordinate.',
  },
  too_many_peers: {
    id: 'Jumlah rekan kerja penilai sudah maksimal.',
    en: 'There are already as many peer raters as allowed.',
  },

  // Distribution curve and appeals
  org_result_missing: {
    id: 'Tetapkan dulu hasil kinerja organisasi unit ini.',
    en: 'Set the organisational result first.',
  },
  org_result_conflict: {
    id: 'Hasil unit ini baru saja disimpan di tempat lain. Muat ulang lalu coba lagi.',
    en: 'The unit result was just saved elsewhere. Reload and try again.',
  },
  distribution_violated: {
    id: 'Sebaran predikat menyalahi kurva distribusi; beri alasan pengecualian.',
    en: 'The spread of predikat breaks the curve rules; give a reason for the exception.',
  },
  appeal_exists: {
    id: 'Keberatan atas penilaian ini sudah diajukan.',
    en: 'An appeal against this result was already filed.',
  },
  appeal_deadline_passed: {
    id: 'Batas waktu pengajuan keberatan sudah lewat.',
    en: 'The appeal deadline has passed.',
  },
  appeal_decided: {
    id: 'Keberatan ini sudah diputuskan dan bersifat final.',
    en: 'The appeal has already been decided; the decision is final.',
  },
  appeal_statement_pending: {
    id: 'Keberatan baru dapat diputuskan setelah pernyataan pejabat penilai atau setelah batas waktunya lewat.',
    en: "The appeal can be decided only after the appraiser's statement or once its deadline has passed.",
  },

  // Citizen feedback
  target_exists: {
    id: 'Pegawai ini sudah memiliki kode QR; gunakan rotasi untuk menggantinya.',
    en: 'This employee already has a QR code; rotate it to replace it.',
  },
  ticket_used: {
    id: 'Kode tiket ini sudah dipakai; setiap tiket hanya berlaku untuk satu penilaian.',
    en: 'This ticket was already used; each ticket is valid for one rating only.',
  },
  not_held: { id: 'Penilaian ini tidak sedang ditahan.', en: 'This rating is not held for moderation.' },
  kiosk_invalid: {
    id: 'Perangkat kios ini tidak terdaftar atau sudah dicabut. Minta petugas mendaftarkannya lagi.',
    en: 'This kiosk device is not registered or was revoked. Ask staff to register it again.',
  },
  no_comment: { id: 'Penilaian ini tidak memiliki komentar.', en: 'This rating has no comment.' },
  already_replied: {
    id: 'Komentar ini sudah dibalas; balasan hanya sekali.',
    en: 'This comment already has a reply; only one reply is allowed.',
  },

  // Career development
  training_exists: {
    id: 'Pelatihan dengan judul dan penyelenggara yang sama sudah ada.',
    en: 'A training with this title and provider already exists.',
  },
  training_in_use: {
    id: 'Pelatihan ini dipakai dalam rencana pengembangan; nonaktifkan saja, jangan dihapus.',
    en: 'This training is used in a development plan; deactivate it instead of deleting it.',
  },
  certificate_limit: {
    id: 'Jumlah berkas sertifikat untuk butir ini sudah maksimal.',
    en: 'This item already has the maximum number of certificate files.',
  },

  // Transport and server
  payload_too_large: { id: 'Berkas atau isian terlalu besar.', en: 'The file or request is too large.' },
  unsupported_media_type: {
    id: 'Format data ini tidak diterima di sini.',
    en: 'This data format is not accepted here.',
  },
  too_many_requests: {
    id: 'Terlalu banyak percobaan. Tunggu sebentar lalu coba lagi.',
    en: 'Too many attempts. Please wait a moment and try again.',
  },
  service_unavailable: {
    id: 'Layanan sedang tidak tersedia. Coba lagi nanti.',
    en: 'The service is unavailable right now. Please try again later.',
  },
  internal_error: {
    id: 'Terjadi kesalahan pada server. Coba lagi nanti.',
    en: 'Something went wrong on the server. Please try again later.',
  },
};

/** Whether a string from the wire is a code the server declares. */
export function isErrorCode(code: string): code is ErrorCode {
  return Object.hasOwn(ERROR_TEXTS, code);
}
