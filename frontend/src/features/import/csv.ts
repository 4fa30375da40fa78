// CSV helpers for the import page: the template offered for download, and file reading.

export const IMPORT_COLUMNS = [
  'nip',
  'name',
  'gelar_depan',
  'gelar_belakang',
  'status',
  'golongan',
  'jabatan',
  'jenis_jabatan',
  'unit_code',
  'supervisor_nip',
  'email',
  'active',
] as const;

const EXAMPLE_ROWS: string[][] = [
  ['199001012015031001', 'Budi Santoso', '', 'S.Kom.', 'PNS', 'III/b', 'Pranata Komputer Ahli Pertama', 'fungsional', 'CKN', '', 'budi.santoso@example.go.id', 'true'],
];

function csvCell(v: string): string {
  return /[",\n\r]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v;
}

export function templateCsv(): string {
  return [IMPORT_COLUMNS as readonly string[], ...EXAMPLE_ROWS].map((r) => r.map(csvCell).join(',')).join('\n') + '\n';
}

export function templateHref(): string {
  return `data:text/csv;charset=utf-8,${encodeURIComponent(templateCsv())}`;
}

/** Reads an uploaded file as UTF-8 text without the byte-order mark spreadsheets add. */
export async function readCsvFile(file: Blob): Promise<string> {
  const text =
    typeof file.text === 'function'
      ? await file.text()
      : await new Promise<string>((resolve, reject) => {
          const reader = new FileReader();
          reader.onload = () => resolve(String(reader.result ?? ''));
          reader.onerror = () => reject(reader.error ?? new Error('read failed'));
          reader.readAsText(file, 'utf-8');
        });
  return text.replace(/^\uFEFF/, '');
}

/** Number of data rows (non-blank lines after the header); a hint only, the server counts. */
export function countDataRows(csv: string): number {
  const lines = csv.split(/\r?\n/).filter((l) => l.trim() !== '');
  return Math.max(0, lines.length - 1);
}
