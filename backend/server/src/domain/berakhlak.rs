//! The seven BerAKHLAK core values and their 21 behaviour indicators (DOMAIN.md §3), as
//! reference data: stable codes for the API and the database, Indonesian wording first,
//! English as translation.

use serde::{Deserialize, Serialize};
use utoipa::ToSchema;

/// One BerAKHLAK value. The serialised code is what the API and the database store.
#[derive(
    Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize, ToSchema,
)]
#[serde(rename_all = "snake_case")]
pub enum CoreValue {
    BerorientasiPelayanan,
    Akuntabel,
    Kompeten,
    Harmonis,
    Loyal,
    Adaptif,
    Kolaboratif,
}

/// A value with its wording.
pub struct ValueInfo {
    pub value: CoreValue,
    pub code: &'static str,
    pub number: u8,
    pub name_id: &'static str,
    pub name_en: &'static str,
    pub indicators_id: [&'static str; 3],
    pub indicators_en: [&'static str; 3],
}

impl CoreValue {
    /// In the official order (B, A, K, H, L, A, K).
    pub const ALL: [CoreValue; 7] = [
        CoreValue::BerorientasiPelayanan,
        CoreValue::Akuntabel,
        CoreValue::Kompeten,
        CoreValue::Harmonis,
        CoreValue::Loyal,
        CoreValue::Adaptif,
        CoreValue::Kolaboratif,
    ];

    pub fn as_str(self) -> &'static str {
        self.info().code
    }

    pub fn parse(s: &str) -> Option<CoreValue> {
        CoreValue::ALL.into_iter().find(|v| v.as_str() == s)
    }

    /// Position in the official order, 0-based (the `score_*` columns follow it).
    pub fn index(self) -> usize {
        CoreValue::ALL.iter().position(|v| *v == self).unwrap_or(0)
    }

    pub fn info(self) -> &'static ValueInfo {
        &VALUES[CoreValue::ALL.iter().position(|v| *v == self).unwrap_or(0)]
    }
}

pub static VALUES: [ValueInfo; 7] = [
    ValueInfo {
        value: CoreValue::BerorientasiPelayanan,
        code: "berorientasi_pelayanan",
        number: 1,
        name_id: "Berorientasi Pelayanan",
        name_en: "Service oriented",
        indicators_id: [
            "Memahami dan memenuhi kebutuhan masyarakat",
            "Ramah, cekatan, solutif, dan dapat diandalkan",
            "Melakukan perbaikan tiada henti",
        ],
        indicators_en: [
            "Understands and meets the public's needs",
            "Friendly, quick, solution-minded and reliable",
            "Improves continuously",
        ],
    },
    ValueInfo {
        value: CoreValue::Akuntabel,
        code: "akuntabel",
        number: 2,
        name_id: "Akuntabel",
        name_en: "Accountable",
        indicators_id: [
            "Melaksanakan tugas dengan jujur, bertanggung jawab, cermat, disiplin, dan berintegritas tinggi",
            "Menggunakan kekayaan dan barang milik negara secara bertanggung jawab, efektif, dan efisien",
            "Tidak menyalahgunakan kewenangan jabatan",
        ],
        indicators_en: [
            "Honest, responsible, careful, disciplined, with high integrity",
            "Uses state property responsibly, effectively and efficiently",
            "Does not abuse the authority of the position",
        ],
    },
    ValueInfo {
        value: CoreValue::Kompeten,
        code: "kompeten",
        number: 3,
        name_id: "Kompeten",
        name_en: "Competent",
        indicators_id: [
            "Meningkatkan kompetensi diri untuk menjawab tantangan yang selalu berubah",
            "Membantu orang lain belajar",
            "Melaksanakan tugas dengan kualitas terbaik",
        ],
        indicators_en: [
            "Keeps improving own competence to meet changing challenges",
            "Helps others learn",
            "Does tasks at the best quality",
        ],
    },
    ValueInfo {
        value: CoreValue::Harmonis,
        code: "harmonis",
        number: 4,
        name_id: "Harmonis",
        name_en: "Harmonious",
        indicators_id: [
            "Menghargai setiap orang apa pun latar belakangnya",
            "Suka menolong orang lain",
            "Membangun lingkungan kerja yang kondusif",
        ],
        indicators_en: [
            "Respects everyone whatever their background",
            "Helps others",
            "Builds a conducive workplace",
        ],
    },
    ValueInfo {
        value: CoreValue::Loyal,
        code: "loyal",
        number: 5,
        name_id: "Loyal",
        name_en: "Loyal",
        indicators_id: [
            "Memegang teguh ideologi Pancasila, UUD 1945, setia kepada NKRI serta pemerintahan yang sah",
            "Menjaga nama baik sesama ASN, pimpinan, instansi, dan negara",
            "Menjaga rahasia jabatan dan negara",
        ],
        indicators_en: [
            "Holds to Pancasila, the 1945 Constitution, the Unitary State and lawful government",
            "Guards the good name of colleagues, leaders, the agency and the state",
            "Keeps official and state secrets",
        ],
    },
    ValueInfo {
        value: CoreValue::Adaptif,
        code: "adaptif",
        number: 6,
        name_id: "Adaptif",
        name_en: "Adaptive",
        indicators_id: [
            "Cepat menyesuaikan diri menghadapi perubahan",
            "Terus berinovasi dan mengembangkan kreativitas",
            "Bertindak proaktif",
        ],
        indicators_en: [
            "Adapts quickly to change",
            "Keeps innovating and developing creativity",
            "Acts proactively",
        ],
    },
    ValueInfo {
        value: CoreValue::Kolaboratif,
        code: "kolaboratif",
        number: 7,
        name_id: "Kolaboratif",
        name_en: "Collaborative",
        indicators_id: [
            "Memberi kesempatan kepada berbagai pihak untuk berkontribusi",
            "Terbuka dalam bekerja sama untuk menghasilkan nilai tambah",
            "Menggerakkan pemanfaatan berbagai sumber daya untuk tujuan bersama",
        ],
        indicators_en: [
            "Gives others the chance to contribute",
            "Open to cooperation that adds value",
            "Mobilises shared resources for common goals",
        ],
    },
];

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn there_are_seven_values_with_three_indicators_each_in_official_order() {
        assert_eq!(VALUES.len(), 7);
        for (i, v) in CoreValue::ALL.iter().enumerate() {
            assert_eq!(v.info().number as usize, i + 1);
            assert_eq!(v.index(), i);
            assert_eq!(CoreValue::parse(v.as_str()), Some(*v));
        }
        let total: usize = VALUES.iter().map(|v| v.indicators_id.len()).sum();
        assert_eq!(total, 21);
    }

    #[test]
    fn codes_serialise_as_stored() {
        let json = serde_json::to_string(&CoreValue::BerorientasiPelayanan).unwrap_or_default();
        assert_eq!(json, "\"berorientasi_pelayanan\"");
        assert_eq!(CoreValue::parse("unknown"), None);
    }
}
