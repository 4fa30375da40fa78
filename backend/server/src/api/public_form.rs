//! The citizen's feedback form as a server-rendered page at `/f/{token}`: no JavaScript,
//! no cookies, no third-party resources, small enough for a slow phone, usable with a
//! screen reader (fieldsets with legends, labelled radios, an error summary). It posts to
//! itself and shares the submit use case with the JSON API.

use actix_web::{HttpRequest, HttpResponse, http::StatusCode, web};
use serde::Deserialize;
use std::collections::HashMap;

use crate::api::client::client_address;
use crate::api::public::kiosk_credential;
use crate::app::public::{kiosk_name_at, lang_of, public_target, submit};
use crate::dto::public::PublicTarget;
use crate::error::{ApiError, FieldErrors};
use crate::state::AppState;

#[derive(Deserialize)]
pub struct FormQuery {
    pub lang: Option<String>,
    /// A ticket code from a receipt link (`/f/{token}?t=ABCD-2345`).
    pub t: Option<String>,
}

fn esc(s: &str) -> String {
    s.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
        .replace('\'', "&#39;")
}

struct Texts {
    brand: &'static str,
    intro: &'static str,
    comment: &'static str,
    comment_hint: &'static str,
    ticket: &'static str,
    ticket_hint: &'static str,
    submit: &'static str,
    privacy: &'static str,
    errors: &'static str,
    thanks_title: &'static str,
    thanks_body: &'static str,
    verified: &'static str,
    other_lang: &'static str,
    other_code: &'static str,
    not_found_title: &'static str,
    required: &'static str,
    kiosk: &'static str,
    kiosk_privacy: &'static str,
    next: &'static str,
}

const ID: Texts = Texts {
    brand: "Survei Kepuasan Masyarakat · Kinerja360",
    intro: "Bagaimana pelayanan yang Anda terima? Pilih satu jawaban untuk setiap pertanyaan. Hanya butuh satu menit.",
    comment: "Komentar atau saran (tidak wajib)",
    comment_hint: "Maksimal 1000 karakter. Jangan tulis data pribadi.",
    ticket: "Kode tiket dari struk (jika ada)",
    ticket_hint: "Contoh: ABCD-2345. Tiket membuat penilaian Anda terverifikasi.",
    submit: "Kirim penilaian",
    privacy: "Tanpa login dan tanpa cookie. Kami tidak menyimpan nama, nomor telepon, atau alamat Anda.",
    errors: "Penilaian belum terkirim. Periksa isian berikut:",
    thanks_title: "Terima kasih!",
    thanks_body: "Penilaian Anda sudah kami terima dan membantu kami memperbaiki pelayanan.",
    verified: "Penilaian Anda terverifikasi dengan kode tiket.",
    other_lang: "English",
    other_code: "en",
    not_found_title: "Kode QR tidak dikenal",
    required: "wajib",
    kiosk: "Perangkat layanan kantor (kios)",
    kiosk_privacy: "Perangkat ini milik kantor layanan. Penilaian Anda tetap tanpa nama: kami tidak menyimpan nama, nomor telepon, atau alamat Anda.",
    next: "Penilaian berikutnya",
};

const EN: Texts = Texts {
    brand: "Public Satisfaction Survey · Kinerja360",
    intro: "How was the service you received? Choose one answer for each question. It takes one minute.",
    comment: "Comment or suggestion (optional)",
    comment_hint: "Up to 1000 characters. Please do not write personal data.",
    ticket: "Ticket code from your receipt (if any)",
    ticket_hint: "For example ABCD-2345. A ticket makes your rating verified.",
    submit: "Send rating",
    privacy: "No login and no cookies. We do not store your name, phone number or address.",
    errors: "Your rating was not sent yet. Please check:",
    thanks_title: "Thank you!",
    thanks_body: "We received your rating. It helps us improve our service.",
    verified: "Your rating is verified by its ticket code.",
    other_lang: "Bahasa Indonesia",
    other_code: "id",
    not_found_title: "Unknown QR code",
    required: "required",
    kiosk: "Office service device (kiosk)",
    kiosk_privacy: "This device belongs to the service office. Your rating stays anonymous: we do not store your name, phone number or address.",
    next: "Next rating",
};

fn texts(lang: &str) -> &'static Texts {
    if lang == "en" { &EN } else { &ID }
}

const STYLE: &str = "*{box-sizing:border-box}body{margin:0;font:16px/1.5 system-ui,-apple-system,'Segoe UI',Roboto,sans-serif;color:#1b1f24;background:#f4f6f9}\
main{max-width:640px;margin:0 auto;padding:16px}header{background:#0f4c81;color:#fff;padding:16px;border-radius:12px;margin-bottom:16px}\
header p{margin:4px 0}.brand{font-size:14px;opacity:.9}h1{font-size:22px;margin:4px 0}a{color:inherit}\
fieldset{border:1px solid #cfd6df;border-radius:12px;background:#fff;margin:0 0 12px;padding:12px}\
legend{font-weight:700;padding:0 4px}.q{display:block;font-weight:400;margin:4px 0 8px}\
.opt{display:flex;align-items:center;gap:10px;padding:10px;border:1px solid #dfe4ea;border-radius:10px;margin:6px 0;min-height:44px}\
.opt input{width:22px;height:22px;margin:0}.opt:focus-within{outline:3px solid #f2b705}\
label.f{display:block;font-weight:700;margin:12px 0 4px}textarea,input[type=text]{width:100%;font:inherit;padding:10px;border:1px solid #9aa6b2;border-radius:10px}\
textarea{min-height:96px}.hint{font-size:14px;color:#4a5561;margin:4px 0}\
button{width:100%;margin:16px 0;padding:14px;font:inherit;font-weight:700;color:#fff;background:#0f4c81;border:0;border-radius:12px;min-height:48px}\
button:focus{outline:3px solid #f2b705}.err{color:#a4161a;font-weight:700}.bad{border-color:#a4161a;border-width:2px}\
.summary{background:#fff0f0;border:2px solid #a4161a;border-radius:12px;padding:12px;margin-bottom:12px}.ok{background:#fff;border-radius:12px;padding:16px}\
.privacy{font-size:14px;color:#4a5561}.kiosk{background:#fff7d6;border:1px solid #b58a00;border-radius:10px;padding:8px 12px;margin:0 0 12px}";

fn page(lang: &str, title: &str, body: &str) -> String {
    page_with(lang, title, body, "")
}

/// A page with extra `<head>` content (the kiosk's return to an empty form).
fn page_with(lang: &str, title: &str, body: &str, head: &str) -> String {
    format!(
        "<!doctype html><html lang=\"{lang}\"><head><meta charset=\"utf-8\">\
         <meta name=\"viewport\" content=\"width=device-width,initial-scale=1\">\
         <meta name=\"robots\" content=\"noindex\">{head}<title>{}</title><style>{STYLE}</style></head>\
         <body><main>{body}</main></body></html>",
        esc(title)
    )
}

/// The kiosk banner above the form, when the device is a kiosk of this target.
fn kiosk_banner(t: &Texts, kiosk: Option<&str>) -> String {
    kiosk.map_or(String::new(), |name| {
        format!(
            "<p class=\"kiosk\" role=\"note\">{} · {}</p>",
            esc(t.kiosk),
            esc(name)
        )
    })
}

fn respond(status: StatusCode, html: String) -> HttpResponse {
    HttpResponse::build(status)
        .content_type("text/html; charset=utf-8")
        .insert_header((
            "Content-Security-Policy",
            "default-src 'none'; style-src 'unsafe-inline'; form-action 'self'; base-uri 'none'; frame-ancestors 'none'",
        ))
        .insert_header(("Referrer-Policy", "no-referrer"))
        .insert_header(("Cache-Control", "no-store"))
        .body(html)
}

fn header(t: &Texts, target: &PublicTarget, token: &str) -> String {
    format!(
        "<header><p class=\"brand\">{}</p><h1>{}</h1><p>{}</p>\
         <p><a href=\"/f/{}?lang={}\" lang=\"{}\">{}</a></p></header>",
        esc(t.brand),
        esc(&target.title),
        esc(&target.subtitle),
        esc(token),
        t.other_code,
        t.other_code,
        t.other_lang
    )
}

fn form_html(
    t: &Texts,
    target: &PublicTarget,
    token: &str,
    values: &HashMap<String, String>,
    errors: &FieldErrors,
    kiosk: Option<&str>,
) -> String {
    let mut h = header(t, target, token);
    h.push_str(&kiosk_banner(t, kiosk));
    if !errors.is_empty() {
        h.push_str(&format!(
            "<div class=\"summary\" role=\"alert\" tabindex=\"-1\" id=\"errors\"><p class=\"err\">{}</p><ul>",
            esc(t.errors)
        ));
        for msgs in errors.values() {
            for m in msgs {
                h.push_str(&format!("<li>{}</li>", esc(m)));
            }
        }
        h.push_str("</ul></div>");
    }
    h.push_str(&format!("<p>{}</p>", esc(t.intro)));
    h.push_str(&format!(
        "<form method=\"post\" action=\"/f/{}?lang={}\">",
        esc(token),
        esc(&target.lang)
    ));
    for (i, el) in target.elements.iter().enumerate() {
        let field = format!("answers.{}", el.code);
        let err = errors.get(&field).and_then(|m| m.first());
        let described = if err.is_some() {
            format!(" aria-describedby=\"e-{}\"", el.code)
        } else {
            String::new()
        };
        h.push_str(&format!(
            "<fieldset id=\"{}\"{}{}><legend>{}. {} <span class=\"hint\">({})</span></legend><span class=\"q\">{}</span>",
            el.code,
            if err.is_some() { " class=\"bad\"" } else { "" },
            described,
            i + 1,
            esc(&el.name),
            t.required,
            esc(&el.question)
        ));
        if let Some(e) = err {
            h.push_str(&format!(
                "<p class=\"err\" id=\"e-{}\">{}</p>",
                el.code,
                esc(e)
            ));
        }
        let chosen = values.get(&el.code).map(String::as_str);
        for o in &el.options {
            let v = o.score.to_string();
            h.push_str(&format!(
                "<label class=\"opt\"><input type=\"radio\" name=\"{}\" value=\"{}\" required{}> {}</label>",
                el.code,
                v,
                if chosen == Some(v.as_str()) { " checked" } else { "" },
                esc(&o.label)
            ));
        }
        h.push_str("</fieldset>");
    }
    let comment_err = errors.get("comment").and_then(|m| m.first());
    h.push_str(&format!(
        "<label class=\"f\" for=\"comment\">{}</label><p class=\"hint\" id=\"comment-hint\">{}</p>{}\
         <textarea id=\"comment\" name=\"comment\" maxlength=\"1000\" aria-describedby=\"comment-hint\">{}</textarea>",
        esc(t.comment),
        esc(t.comment_hint),
        comment_err.map_or(String::new(), |e| format!("<p class=\"err\">{}</p>", esc(e))),
        esc(values.get("comment").map(String::as_str).unwrap_or(""))
    ));
    let ticket_err = errors.get("ticket").and_then(|m| m.first());
    h.push_str(&format!(
        "<label class=\"f\" for=\"ticket\">{}</label><p class=\"hint\" id=\"ticket-hint\">{}</p>{}\
         <input type=\"text\" id=\"ticket\" name=\"ticket\" autocomplete=\"off\" autocapitalize=\"characters\" \
         maxlength=\"12\" aria-describedby=\"ticket-hint\" value=\"{}\">",
        esc(t.ticket),
        esc(t.ticket_hint),
        ticket_err.map_or(String::new(), |e| format!("<p class=\"err\">{}</p>", esc(e))),
        esc(values.get("ticket").map(String::as_str).unwrap_or(""))
    ));
    h.push_str(&format!(
        "<button type=\"submit\">{}</button><p class=\"privacy\">{}</p></form>",
        esc(t.submit),
        esc(if kiosk.is_some() {
            t.kiosk_privacy
        } else {
            t.privacy
        })
    ));
    h
}

fn error_page(lang: &str, status: StatusCode, title: &str, message: &str) -> HttpResponse {
    respond(
        status,
        page(
            lang,
            title,
            &format!(
                "<div class=\"ok\" role=\"alert\"><h1>{}</h1><p>{}</p></div>",
                esc(title),
                esc(message)
            ),
        ),
    )
}

fn api_error_page(lang: &str, e: ApiError) -> HttpResponse {
    let t = texts(lang);
    match e {
        ApiError::NotFound(m) => error_page(lang, StatusCode::NOT_FOUND, t.not_found_title, &m),
        ApiError::TooManyRequests {
            message,
            retry_after,
        } => {
            // Same as the JSON API: the client learns when to try again.
            let mut resp = error_page(lang, StatusCode::TOO_MANY_REQUESTS, t.errors, &message);
            resp.headers_mut().insert(
                actix_web::http::header::RETRY_AFTER,
                actix_web::http::header::HeaderValue::from(retry_after),
            );
            resp
        }
        other => {
            let status = actix_web::ResponseError::status_code(&other);
            if status.is_server_error() {
                tracing::error!(error = %other, "feedback form failed");
            }
            error_page(lang, status, t.errors, &other.to_string())
        }
    }
}

/// `GET /f/{token}`: the form.
pub async fn feedback_form(
    req: HttpRequest,
    state: web::Data<AppState>,
    token: web::Path<String>,
    q: web::Query<FormQuery>,
) -> HttpResponse {
    let lang = lang_of(q.lang.as_deref());
    let desc = match public_target(&state, &token, lang).await {
        Ok(d) => d,
        Err(e) => return api_error_page(lang, e),
    };
    let kiosk = match kiosk_name_at(&state, &token, kiosk_credential(&req).as_deref()).await {
        Ok(k) => k,
        Err(e) => return api_error_page(lang, e),
    };
    let mut values = HashMap::new();
    if let Some(t) = &q.t {
        values.insert("ticket".to_string(), t.clone());
    }
    let body = form_html(
        texts(lang),
        &desc,
        &token,
        &values,
        &FieldErrors::new(),
        kiosk.as_deref(),
    );
    respond(StatusCode::OK, page(lang, &desc.title, &body))
}

/// `POST /f/{token}`: the form's submission (`application/x-www-form-urlencoded`).
pub async fn feedback_form_submit(
    req: HttpRequest,
    state: web::Data<AppState>,
    token: web::Path<String>,
    q: web::Query<FormQuery>,
    body: web::Bytes,
) -> HttpResponse {
    let lang = lang_of(q.lang.as_deref());
    let t = texts(lang);
    let values: HashMap<String, String> = serde_urlencoded::from_bytes(&body).unwrap_or_default();
    // The form is described first, so an error can re-render it with the answers kept.
    let desc = match public_target(&state, &token, lang).await {
        Ok(d) => d,
        Err(e) => return api_error_page(lang, e),
    };
    let credential = kiosk_credential(&req);
    let kiosk = match kiosk_name_at(&state, &token, credential.as_deref()).await {
        Ok(k) => k,
        Err(e) => return api_error_page(lang, e),
    };
    let client = client_address(&req, state.settings.proxy_hops());
    let result = submit(
        &state,
        &client,
        &token,
        |k| values.get(k).map(|v| serde_json::Value::String(v.clone())),
        values.get("comment").map(String::as_str),
        values.get("ticket").map(String::as_str),
        credential.as_deref(),
    )
    .await;
    let form = Form {
        desc: &desc,
        lang,
        token: &token,
        values: &values,
        kiosk: kiosk.as_deref(),
    };
    match result {
        Ok(done) => {
            let mut body = header(t, &desc, &token);
            body.push_str(&kiosk_banner(t, kiosk.as_deref()));
            body.push_str(&format!(
                "<div class=\"ok\" role=\"status\"><h2>{}</h2><p>{}</p>{}</div>",
                esc(t.thanks_title),
                esc(t.thanks_body),
                if done.verified {
                    format!("<p>{}</p>", esc(t.verified))
                } else {
                    String::new()
                }
            ));
            // A kiosk returns to an empty form for the next citizen after a few seconds.
            let next = format!("/f/{}?lang={lang}", esc(&token));
            let head = if kiosk.is_some() {
                body.push_str(&format!("<p><a href=\"{next}\">{}</a></p>", esc(t.next)));
                format!("<meta http-equiv=\"refresh\" content=\"5;url={next}\">")
            } else {
                String::new()
            };
            respond(
                StatusCode::OK,
                page_with(lang, t.thanks_title, &body, &head),
            )
        }
        Err(ApiError::Validation(errors)) => {
            rerender(&form, errors, StatusCode::UNPROCESSABLE_ENTITY)
        }
        Err(ApiError::Conflict { message, .. }) => {
            let mut errors = FieldErrors::new();
            errors.insert("ticket".into(), vec![message]);
            rerender(&form, errors, StatusCode::CONFLICT)
        }
        Err(e) => api_error_page(lang, e),
    }
}

/// What a re-rendered form needs.
struct Form<'a> {
    desc: &'a PublicTarget,
    lang: &'a str,
    token: &'a str,
    values: &'a HashMap<String, String>,
    kiosk: Option<&'a str>,
}

fn rerender(f: &Form<'_>, errors: FieldErrors, status: StatusCode) -> HttpResponse {
    let body = form_html(texts(f.lang), f.desc, f.token, f.values, &errors, f.kiosk);
    respond(status, page(f.lang, &f.desc.title, &body))
}
