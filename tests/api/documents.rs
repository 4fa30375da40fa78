//! The official documents as PDF: the SKP of a year and the Dokumen Evaluasi Kinerja of a
//! published period. Each download is opened with a PDF reader and its text checked (NIP,
//! names, RHK, predikat, signature blocks); the employee, the penilai, HR and a
//! `results:read` API key download them, a peer gets 404, an unpublished period 409.

use crate::evaluations::{act as period_act, close_finalise_publish, create_quarter, rate};
use crate::helpers::{LURAH, STAF_A, STAF_B, TestApp, assert_error, assert_json};
use crate::skp::{People, approved_plan, people, save, skp_path};
use reqwest::{Response, StatusCode};
use serde_json::json;

/// The text of a PDF response after checking its headers (type, attachment name).
async fn pdf_text(resp: Response, file_name: &str) -> String {
    assert_eq!(resp.status(), StatusCode::OK);
    let headers = resp.headers().clone();
    assert_eq!(headers["content-type"], "application/pdf");
    assert_eq!(
        headers["content-disposition"].to_str().expect("ascii"),
        format!("attachment; filename=\"{file_name}\"")
    );
    let bytes = resp.bytes().await.expect("body");
    assert!(bytes.starts_with(b"%PDF-"));
    pdf_extract::extract_text_from_mem(&bytes).expect("a readable PDF")
}

/// Whether `needle` is in the extracted text, whitespace left out of both (wrapped cell
/// lines are read back without the break between them).
fn has(text: &str, needle: &str) -> bool {
    let squash = |s: &str| s.split_whitespace().collect::<String>();
    squash(text).contains(&squash(needle))
}

fn skp_pdf_path(nip: &str, year: i32) -> String {
    format!("{}/pdf", skp_path(nip, year))
}

/// Staf A's approved 2026 plan with an expectation set by the Lurah.
async fn approved_with_expectation(app: &TestApp, who: &People) {
    approved_plan(app, who, 2026).await;
    assert_json(
        app.put_json(
            &format!("{}/expectations", skp_path(STAF_A, 2026)),
            &who.lurah,
            &json!({ "expectations": { "akuntabel": "Laporan keuangan tepat waktu dan tertib" } }),
        )
        .await,
        StatusCode::OK,
    )
    .await;
}

#[tokio::test]
async fn the_skp_pdf_carries_the_identities_rhk_targets_expectations_and_signatures() {
    let app = crate::helpers::spawn_app_with(|s| {
        s.document_agency = "Pemerintah Kota Mataram".into();
        s.document_place = "Mataram".into();
    })
    .await;
    let who = people(&app).await;
    approved_with_expectation(&app, &who).await;
    let text = pdf_text(
        app.get(&skp_pdf_path(STAF_A, 2026), &who.staf_a).await,
        &format!("SKP-2026-{STAF_A}.pdf"),
    )
    .await;
    for expected in [
        "PEMERINTAH KOTA MATARAM",
        "SASARAN KINERJA PEGAWAI",
        "PERIODE PENILAIAN: 1 JANUARI S.D. 31 DESEMBER 2026",
        "PEGAWAI YANG DINILAI",
        "PEJABAT PENILAI KINERJA",
        STAF_A,
        LURAH,
        "I Made Staf, S.Sos.",
        "Baiq Lurah, S.Sos.",
        "Penata Muda Tk I, III/b",
        "Terlaksananya pelayanan administrasi kependudukan",
        "Terselenggaranya sosialisasi layanan",
        "Jumlah dokumen yang diproses",
        "12 dokumen",
        "Paling lambat 3 hari kerja",
        "A. UTAMA",
        "B. TAMBAHAN",
        "EKSPEKTASI KHUSUS PIMPINAN",
        "Berorientasi Pelayanan",
        "Kolaboratif",
        "Laporan keuangan tepat waktu dan tertib",
        "Pegawai yang Dinilai",
        "Pejabat Penilai Kinerja",
        &format!("NIP. {STAF_A}"),
        &format!("NIP. {LURAH}"),
        "Mataram, ",
        "Halaman 1 dari",
    ] {
        assert!(has(&text, expected), "SKP PDF lacks {expected:?}: {text}");
    }
    assert!(!has(&text, "DRAF"), "an approved plan has no draft banner");
}

#[tokio::test]
async fn a_draft_skp_is_marked_as_not_approved_and_a_long_plan_breaks_onto_numbered_pages() {
    let app = crate::helpers::spawn_app().await;
    let who = people(&app).await;
    let rhk: Vec<_> = (1..=25)
        .map(|i| {
            json!({
                "kind": if i == 1 { "utama" } else { "tambahan" },
                "description": format!("Rencana hasil kerja nomor {i} tentang penataan arsip kelurahan yang cukup panjang"),
                "indicators": [
                    { "aspect": "kuantitas", "description": format!("Indikator {i}.1 jumlah berkas"), "target_value": 12.5, "target_unit": "berkas" },
                    { "aspect": "kualitas", "description": format!("Indikator {i}.2 mutu"), "target_text": "Tanpa koreksi" }
                ]
            })
        })
        .collect();
    save(&app, &who.staf_a, STAF_A, 2027, &json!({ "rhk": rhk })).await;
    let text = pdf_text(
        app.get(&skp_pdf_path(STAF_A, 2027), &who.staf_a).await,
        &format!("SKP-2027-{STAF_A}.pdf"),
    )
    .await;
    assert!(has(
        &text,
        "DRAF — SKP ini belum disetujui pejabat penilai kinerja (status: Draf)"
    ));
    assert!(has(&text, "12,5 berkas"), "decimal comma: {text}");
    assert!(has(&text, "Rencana hasil kerja nomor 25"));
    assert!(
        has(&text, "Halaman 2 dari"),
        "a long plan spans pages: {text}"
    );
    // No place configured: a dotted blank before the date is left to fill by hand.
    assert!(has(&text, "……………………, ……………………"));
}

#[tokio::test]
async fn the_employee_the_penilai_the_chain_hr_and_a_results_key_download_the_skp_and_a_peer_gets_404()
 {
    let app = crate::helpers::spawn_app().await;
    let who = people(&app).await;
    approved_plan(&app, &who, 2026).await;
    let path = skp_pdf_path(STAF_A, 2026);
    let hr = app.role_token("hr").await;
    for token in [&who.staf_a, &who.lurah, &who.camat, &who.admin, &hr] {
        let resp = app.get(&path, token).await;
        assert_eq!(resp.status(), StatusCode::OK);
    }
    let key = app
        .create_api_key(&who.admin, "simpeg", &["results:read"])
        .await;
    let key = key["key"].as_str().expect("key");
    let resp = app.get_with_api_key_header(&path, key).await;
    assert_eq!(resp.status(), StatusCode::OK);
    // A peer and a master-data-only key see no such employee.
    assert_error(
        app.get(&path, &who.staf_b).await,
        StatusCode::NOT_FOUND,
        "not_found",
    )
    .await;
    let master = app
        .create_api_key(&who.admin, "master", &["master:read"])
        .await;
    let master = master["key"].as_str().expect("key");
    // A key without `results:read` is told which scope it lacks (ADR 0019).
    assert_error(
        app.get_with_api_key_header(&path, master).await,
        StatusCode::FORBIDDEN,
        "scope_missing",
    )
    .await;
    // No plan for the year.
    assert_error(
        app.get(&skp_pdf_path(STAF_A, 2030), &who.staf_a).await,
        StatusCode::NOT_FOUND,
        "skp_not_found",
    )
    .await;
}

/// Staf A with an approved plan, Q2 2026 with a realisasi and feedback, rated Kurang by
/// the Lurah; returns the period id (open or published as asked).
async fn rated_quarter(app: &TestApp, who: &People, publish: bool) -> String {
    approved_with_expectation(app, who).await;
    let plan = app
        .get(&skp_path(STAF_A, 2026), &who.staf_a)
        .await
        .json::<serde_json::Value>()
        .await
        .expect("plan");
    let period = create_quarter(app, &who.admin, 2).await;
    period_act(app, &who.admin, &period, "open").await;
    let indicator = plan["rhk"][0]["indicators"][0]["id"].as_str().expect("id");
    let rhk = plan["rhk"][0]["id"].as_str().expect("rhk");
    assert_json(
        app.put_json(
            &format!("/api/v1/periods/{period}/realisasi/{indicator}"),
            &who.staf_a,
            &json!({ "value_number": 9, "note": "Triwulan II" }),
        )
        .await,
        StatusCode::CREATED,
    )
    .await;
    for body in [
        json!({ "period_id": period, "rhk_id": rhk, "body": "Arsip dokumen tertata rapi" }),
        json!({ "period_id": period, "value_code": "akuntabel", "body": "Laporan kas terlambat dua kali" }),
    ] {
        assert_json(
            app.post_json(
                &format!("/api/v1/employees/{STAF_A}/feedback-notes"),
                &who.lurah,
                &body,
            )
            .await,
            StatusCode::CREATED,
        )
        .await;
    }
    assert_json(
        rate(app, &who.lurah, &period, STAF_A, "kurang", true).await,
        StatusCode::OK,
    )
    .await;
    if publish {
        close_finalise_publish(app, &who.admin, &period, "CKN-KEL-CB").await;
    }
    period
}

fn evaluation_pdf_path(period: &str, nip: &str) -> String {
    format!("/api/v1/periods/{period}/evaluations/{nip}/pdf")
}

#[tokio::test]
async fn the_evaluation_document_carries_ratings_predikat_realisasi_feedback_and_signatures() {
    let app = crate::helpers::spawn_app().await;
    let who = people(&app).await;
    let period = rated_quarter(&app, &who, true).await;
    let file = format!("Evaluasi-Kinerja-2026-TW2-{STAF_A}.pdf");
    let text = pdf_text(
        app.get(&evaluation_pdf_path(&period, STAF_A), &who.staf_a)
            .await,
        &file,
    )
    .await;
    for expected in [
        "DOKUMEN EVALUASI KINERJA PEGAWAI",
        "PERIODE PENILAIAN: 1 APRIL 2026 S.D. 30 JUNI 2026",
        STAF_A,
        LURAH,
        "I Made Staf, S.Sos.",
        "Baiq Lurah, S.Sos.",
        "ATASAN PEJABAT PENILAI KINERJA",
        "Lalu Camat, S.Sos.",
        "CAPAIAN KINERJA ORGANISASI Baik",
        "RATING HASIL KERJA Sesuai Ekspektasi",
        "RATING PERILAKU KERJA Di Bawah Ekspektasi",
        "PREDIKAT KINERJA PEGAWAI Kurang",
        "Terlaksananya pelayanan administrasi kependudukan",
        "Jumlah dokumen yang diproses",
        "9 dokumen",
        "Arsip dokumen tertata rapi",
        "Laporan kas terlambat dua kali",
        "Laporan keuangan tepat waktu dan tertib",
        "Pegawai yang Dinilai",
        "Pejabat Penilai Kinerja",
        &format!("NIP. {STAF_A}"),
        &format!("NIP. {LURAH}"),
        "Halaman 1 dari",
    ] {
        assert!(
            has(&text, expected),
            "evaluation PDF lacks {expected:?}: {text}"
        );
    }
    // The penilai and HR download it too; a peer does not see the employee.
    let hr = app.role_token("hr").await;
    for token in [&who.lurah, &hr] {
        pdf_text(
            app.get(&evaluation_pdf_path(&period, STAF_A), token).await,
            &file,
        )
        .await;
    }
    assert_error(
        app.get(&evaluation_pdf_path(&period, STAF_A), &who.staf_b)
            .await,
        StatusCode::NOT_FOUND,
        "not_found",
    )
    .await;
    // Staf B was exempted, not rated: no document.
    assert_error(
        app.get(&evaluation_pdf_path(&period, STAF_B), &who.admin)
            .await,
        StatusCode::NOT_FOUND,
        "not_found",
    )
    .await;
}

#[tokio::test]
async fn before_publication_the_evaluation_document_is_409_even_for_the_penilai() {
    let app = crate::helpers::spawn_app().await;
    let who = people(&app).await;
    let period = rated_quarter(&app, &who, false).await;
    for token in [&who.staf_a, &who.lurah, &who.admin] {
        assert_error(
            app.get(&evaluation_pdf_path(&period, STAF_A), token).await,
            StatusCode::CONFLICT,
            "period_not_published",
        )
        .await;
    }
    // A peer learns nothing, not even that an evaluation exists.
    assert_error(
        app.get(&evaluation_pdf_path(&period, STAF_A), &who.staf_b)
            .await,
        StatusCode::NOT_FOUND,
        "not_found",
    )
    .await;
}
