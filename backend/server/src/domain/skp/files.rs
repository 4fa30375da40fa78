//! Bukti dukung: file types recognised by their magic bytes, safe file names, links, and
//! the kind of a piece of evidence.

use serde::{Deserialize, Serialize};
use utoipa::ToSchema;

/// The kinds of file accepted as bukti dukung.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum FileType {
    Pdf,
    Png,
    Jpeg,
    Webp,
    Docx,
    Xlsx,
    Csv,
    Text,
}

pub const DOCX_MIME: &str =
    "application/vnd.openxmlformats-officedocument.wordprocessingml.document";
pub const XLSX_MIME: &str = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

impl FileType {
    pub const ALL: [FileType; 8] = [
        FileType::Pdf,
        FileType::Png,
        FileType::Jpeg,
        FileType::Webp,
        FileType::Docx,
        FileType::Xlsx,
        FileType::Csv,
        FileType::Text,
    ];

    /// The canonical media type (stored, and served back).
    pub fn mime(self) -> &'static str {
        match self {
            FileType::Pdf => "application/pdf",
            FileType::Png => "image/png",
            FileType::Jpeg => "image/jpeg",
            FileType::Webp => "image/webp",
            FileType::Docx => DOCX_MIME,
            FileType::Xlsx => XLSX_MIME,
            FileType::Csv => "text/csv",
            FileType::Text => "text/plain",
        }
    }

    pub fn extension(self) -> &'static str {
        match self {
            FileType::Pdf => "pdf",
            FileType::Png => "png",
            FileType::Jpeg => "jpg",
            FileType::Webp => "webp",
            FileType::Docx => "docx",
            FileType::Xlsx => "xlsx",
            FileType::Csv => "csv",
            FileType::Text => "txt",
        }
    }

    /// The type a `Content-Type` header declares (parameters ignored, case-insensitive).
    pub fn from_declared(content_type: &str) -> Option<FileType> {
        let essence = content_type
            .split(';')
            .next()
            .unwrap_or("")
            .trim()
            .to_ascii_lowercase();
        match essence.as_str() {
            "image/jpg" | "image/pjpeg" => Some(FileType::Jpeg),
            "application/csv" => Some(FileType::Csv),
            other => FileType::ALL.into_iter().find(|t| t.mime() == other),
        }
    }

    /// Whether the bytes really are of this type, by their magic bytes. Office files are
    /// ZIP containers; text must be UTF-8 without NUL bytes (so no binary passes as text).
    pub fn matches(self, bytes: &[u8]) -> bool {
        match self {
            FileType::Pdf => bytes.starts_with(b"%PDF-"),
            FileType::Png => bytes.starts_with(b"\x89PNG\r\n\x1a\n"),
            FileType::Jpeg => bytes.starts_with(&[0xFF, 0xD8, 0xFF]),
            FileType::Webp => {
                bytes.len() >= 12 && bytes.starts_with(b"RIFF") && &bytes[8..12] == b"WEBP"
            }
            FileType::Docx | FileType::Xlsx => bytes.starts_with(b"PK\x03\x04"),
            FileType::Csv | FileType::Text => {
                !bytes.contains(&0) && std::str::from_utf8(bytes).is_ok()
            }
        }
    }

    /// Text types are served with their charset.
    pub fn served_type(self) -> String {
        match self {
            FileType::Csv | FileType::Text => format!("{}; charset=utf-8", self.mime()),
            other => other.mime().to_string(),
        }
    }
}

/// Longest stored original file name (in characters).
pub const MAX_FILE_NAME: usize = 150;

/// A file name safe to store and to put in a `Content-Disposition` header: the last path
/// segment only, ASCII letters, digits, `.`, `-`, `_` and spaces kept, anything else `_`;
/// no leading dots; bounded; `bukti.<ext>` when nothing usable is left.
pub fn sanitise_file_name(name: Option<&str>, file_type: FileType) -> String {
    let raw = name.unwrap_or("");
    let last = raw.rsplit(['/', '\\']).next().unwrap_or("");
    let mut out: String = last
        .chars()
        .map(|c| {
            if c.is_ascii_alphanumeric() || matches!(c, '.' | '-' | '_' | ' ') {
                c
            } else {
                '_'
            }
        })
        .collect();
    out = out.trim().trim_start_matches('.').trim().to_string();
    if out.chars().count() > MAX_FILE_NAME {
        // Keep the end (the extension) rather than the start.
        let skip = out.chars().count() - MAX_FILE_NAME;
        out = out.chars().skip(skip).collect();
    }
    if out.chars().all(|c| c == '_' || c == '.' || c == ' ') {
        return format!("bukti.{}", file_type.extension());
    }
    out
}

/// Longest link accepted as bukti dukung.
pub const MAX_URL: usize = 2000;

/// A link: http or https, with a host, no spaces or control characters, ≤ 2000 characters.
pub fn validate_url(url: &str) -> Result<String, String> {
    let u = url.trim();
    if u.is_empty() {
        return Err("Tautan wajib diisi".into());
    }
    if u.chars().count() > MAX_URL {
        return Err(format!("Tautan maksimal {MAX_URL} karakter"));
    }
    if u.chars().any(|c| c.is_whitespace() || c.is_control()) {
        return Err("Tautan tidak boleh berisi spasi".into());
    }
    let lower = u.to_ascii_lowercase();
    let rest = lower
        .strip_prefix("https://")
        .or_else(|| lower.strip_prefix("http://"))
        .ok_or("Tautan harus diawali http:// atau https://")?;
    let host = rest.split(['/', '?', '#']).next().unwrap_or("");
    let host = host.rsplit('@').next().unwrap_or("");
    if host.is_empty() || host.starts_with(':') {
        return Err("Tautan tidak memuat nama situs".into());
    }
    Ok(u.to_string())
}

/// Most pieces of evidence per realisasi.
pub const MAX_EVIDENCE: u64 = 20;

/// Kind of evidence (documentation type).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize, ToSchema)]
#[serde(rename_all = "snake_case")]
pub enum EvidenceKind {
    Link,
    File,
}

impl EvidenceKind {
    pub const ALL: [EvidenceKind; 2] = [EvidenceKind::Link, EvidenceKind::File];

    /// The stored string.
    pub fn as_str(self) -> &'static str {
        match self {
            EvidenceKind::Link => "link",
            EvidenceKind::File => "file",
        }
    }

    pub fn parse(s: &str) -> Option<Self> {
        EvidenceKind::ALL.into_iter().find(|k| k.as_str() == s)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn evidence_kinds_keep_their_stored_strings() {
        for k in EvidenceKind::ALL {
            assert_eq!(EvidenceKind::parse(k.as_str()), Some(k));
            assert_eq!(
                serde_json::to_value(k).expect("json"),
                serde_json::json!(k.as_str())
            );
        }
        assert_eq!(EvidenceKind::parse("tautan"), None);
    }

    #[test]
    fn files_are_recognised_by_their_magic_bytes() {
        assert!(FileType::Pdf.matches(b"%PDF-1.7\n..."));
        assert!(!FileType::Pdf.matches(b"\x89PNG\r\n\x1a\n...."));
        assert!(FileType::Png.matches(b"\x89PNG\r\n\x1a\n...."));
        assert!(FileType::Jpeg.matches(&[0xFF, 0xD8, 0xFF, 0xE0, 0, 0x10]));
        assert!(FileType::Webp.matches(b"RIFF\x10\0\0\0WEBPVP8 "));
        assert!(!FileType::Webp.matches(b"RIFF\x10\0\0\0WAVEfmt "));
        assert!(FileType::Docx.matches(b"PK\x03\x04\x14\0"));
        assert!(FileType::Xlsx.matches(b"PK\x03\x04\x14\0"));
        assert!(FileType::Csv.matches("nama,nilai\nSiti,5\n".as_bytes()));
        assert!(!FileType::Text.matches(b"\x89PNG\r\n\x1a\n"));
        assert!(!FileType::Text.matches(b"abc\0def"));
    }

    #[test]
    fn declared_types_are_read_without_parameters() {
        assert_eq!(
            FileType::from_declared("application/PDF"),
            Some(FileType::Pdf)
        );
        assert_eq!(
            FileType::from_declared("text/csv; charset=utf-8"),
            Some(FileType::Csv)
        );
        assert_eq!(FileType::from_declared("image/jpg"), Some(FileType::Jpeg));
        assert_eq!(FileType::from_declared(XLSX_MIME), Some(FileType::Xlsx));
        assert_eq!(FileType::from_declared("text/html"), None);
        assert_eq!(FileType::from_declared("application/octet-stream"), None);
        assert_eq!(FileType::from_declared(""), None);
    }

    #[test]
    fn file_names_lose_paths_and_unsafe_characters() {
        assert_eq!(
            sanitise_file_name(Some("../../etc/passwd"), FileType::Text),
            "passwd"
        );
        assert_eq!(
            sanitise_file_name(Some("C:\\Users\\a\\Laporan Q1.pdf"), FileType::Pdf),
            "Laporan Q1.pdf"
        );
        assert_eq!(
            sanitise_file_name(Some("a\"b\r\n;.pdf"), FileType::Pdf),
            "a_b___.pdf"
        );
        assert_eq!(sanitise_file_name(Some(".."), FileType::Pdf), "bukti.pdf");
        assert_eq!(sanitise_file_name(None, FileType::Png), "bukti.png");
        let long = format!("{}.pdf", "a".repeat(400));
        let s = sanitise_file_name(Some(&long), FileType::Pdf);
        assert_eq!(s.chars().count(), MAX_FILE_NAME);
        assert!(s.ends_with(".pdf"));
    }

    #[test]
    fn links_must_be_http_or_https_with_a_host() {
        assert!(validate_url("https://drive.example.go.id/berkas/1").is_ok());
        assert!(validate_url(" HTTP://example.com ").is_ok());
        assert!(validate_url("javascript:alert(1)").is_err());
        assert!(validate_url("ftp://example.com/a").is_err());
        assert!(validate_url("https://").is_err());
        assert!(validate_url("https:///path").is_err());
        assert!(validate_url("https://exa mple.com").is_err());
        assert!(validate_url(&format!("https://a.id/{}", "x".repeat(MAX_URL))).is_err());
    }
}
