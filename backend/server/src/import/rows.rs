//! The checks of one row that need no database.

use validator::ValidateEmail;

use super::{ImportRow, clean, row_err};
use crate::domain::{golongan, master, nip::Nip};
use crate::error::RowError;

/// Field checks that need no database.
pub fn check_fields(r: &ImportRow) -> Vec<RowError> {
    let mut out = Vec::new();
    let d = &r.data;
    let row = r.row;
    let nip = match Nip::parse(&r.nip) {
        Ok(n) => Some(n),
        Err(e) => {
            out.push(row_err(row, "nip", e.to_string()));
            None
        }
    };
    let name = d.name.trim();
    if name.is_empty() || name.chars().count() > 200 {
        out.push(row_err(
            row,
            "name",
            "Nama wajib diisi (maksimal 200 karakter)",
        ));
    }
    for (field, v) in [
        ("gelar_depan", &d.gelar_depan),
        ("gelar_belakang", &d.gelar_belakang),
    ] {
        if v.as_deref().is_some_and(|g| g.chars().count() > 100) {
            out.push(row_err(row, field, "Gelar maksimal 100 karakter"));
        }
    }
    let status = d.status.trim();
    if !master::STATUSES.contains(&status) {
        out.push(row_err(row, "status", "Status harus PNS atau PPPK"));
    } else {
        if let Some(n) = &nip
            && n.kind().as_status() != status
        {
            out.push(row_err(
                row,
                "status",
                format!(
                    "Status {status} tidak cocok dengan nomor induk: digit 13 menunjukkan {}",
                    n.kind().as_status()
                ),
            ));
        }
        if golongan::find(status, &d.golongan).is_none() {
            let hint = if status == "PNS" {
                "I/a sampai IV/e, misalnya III/b"
            } else {
                "I sampai XVII, misalnya IX"
            };
            out.push(row_err(
                row,
                "golongan",
                format!(
                    "Golongan '{}' tidak dikenal untuk {status} ({hint})",
                    d.golongan.trim()
                ),
            ));
        }
    }
    let jabatan = d.jabatan.trim();
    if jabatan.is_empty() || jabatan.chars().count() > 200 {
        out.push(row_err(
            row,
            "jabatan",
            "Jabatan wajib diisi (maksimal 200 karakter)",
        ));
    }
    if !master::JENIS_JABATAN.contains(&d.jenis_jabatan.trim()) {
        out.push(row_err(
            row,
            "jenis_jabatan",
            "Jenis jabatan harus struktural, fungsional atau pelaksana",
        ));
    }
    if d.unit_code.trim().is_empty() {
        out.push(row_err(row, "unit_code", "Kode unit wajib diisi"));
    }
    if let Some(email) = clean(&d.email)
        && (!email.validate_email() || email.len() > 254)
    {
        out.push(row_err(
            row,
            "email",
            format!("Alamat email '{email}' tidak valid"),
        ));
    }
    if let Some(id) = clean(&d.pns_id)
        && !crate::domain::siasn::valid_pns_id(&id)
    {
        out.push(row_err(
            row,
            "pns_id",
            "ID PNS SIASN hanya huruf, angka dan tanda '-', maksimal 64 karakter",
        ));
    }
    if let Some(sup) = clean(&d.supervisor_nip) {
        if sup == r.nip.trim() {
            out.push(row_err(
                row,
                "supervisor_nip",
                "Pegawai tidak boleh menjadi atasan dirinya sendiri",
            ));
        } else if let Err(e) = Nip::parse(&sup) {
            out.push(row_err(
                row,
                "supervisor_nip",
                format!("NIP atasan tidak valid: {e}"),
            ));
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::import::{EmployeeUpsert, parse_csv};

    const HEADER: &str = "nip,name,gelar_depan,gelar_belakang,status,golongan,jabatan,jenis_jabatan,unit_code,supervisor_nip,email,active\n";

    #[test]
    fn field_checks_name_each_failing_field() {
        let csv =
            format!("{HEADER}198503142010131002,,,,PNS,IX,,boss,CKN,198503142010131002,x@,maybe\n");
        let (rows, errors) = parse_csv(csv.as_bytes()).expect("parses");
        assert_eq!(errors[0].field, "active");
        let fields: Vec<String> = check_fields(&rows[0])
            .into_iter()
            .map(|e| e.field)
            .collect();
        for f in [
            "nip",
            "name",
            "golongan",
            "jabatan",
            "jenis_jabatan",
            "email",
            "supervisor_nip",
        ] {
            assert!(
                fields.contains(&f.to_string()),
                "{f} missing from {fields:?}"
            );
        }
    }

    #[test]
    fn a_pppk_number_with_status_pns_is_refused() {
        let row = ImportRow {
            row: 1,
            nip: "199207152022212001".into(),
            data: EmployeeUpsert {
                name: "Baiq Nurul".into(),
                gelar_depan: None,
                gelar_belakang: None,
                status: "PNS".into(),
                golongan: "III/a".into(),
                jabatan: "Staf".into(),
                jenis_jabatan: "pelaksana".into(),
                unit_code: "CKN".into(),
                supervisor_nip: None,
                email: None,
                active: true,
                pns_id: None,
            },
        };
        let errs = check_fields(&row);
        assert!(errs.iter().any(|e| e.field == "status"), "{errs:?}");
    }
}
