//! Assembles the actix application: API, OpenAPI + Swagger UI, the SPA, error handlers.
//! `Application::build` binds the listener (port 0 in tests) and returns the bound port.

use actix_web::dev::Server;
use actix_web::middleware::{Logger, from_fn};
use actix_web::{App, HttpRequest, HttpResponse, HttpServer, web};
use std::net::TcpListener;
use std::path::PathBuf;
use std::sync::Arc;
use utoipa::OpenApi;
use utoipa_actix_web::AppExt;
use utoipa_swagger_ui::SwaggerUi;

use crate::api;
use crate::config::Settings;
use crate::openapi::ApiDoc;
use crate::state::AppState;
use crate::store::Db;

pub struct Application {
    port: u16,
    server: Server,
    pub state: web::Data<AppState>,
    /// Tells the background workers that the server has stopped.
    shutdown: tokio::sync::watch::Sender<bool>,
}

impl Application {
    /// Connects, migrates, optionally seeds demo data, and binds.
    pub async fn build(settings: Settings) -> anyhow::Result<Application> {
        settings.check().map_err(anyhow::Error::msg)?;
        let db = Db::connect(&settings).await?;
        db.migrate().await?;
        crate::store::audit::set_key(&settings.audit_key);
        {
            use sea_orm::TransactionTrait;
            let txn = db.write.begin().await?;
            crate::store::audit::sign_unsigned(&txn).await?;
            txn.commit().await?;
        }
        if settings.seed_demo && crate::seed::is_empty(&db.write).await? {
            tracing::info!("empty database: seeding demo data");
            crate::seed::seed_demo(&db.write).await?;
        }
        Self::build_with_db(settings, db).await
    }

    pub async fn build_with_db(settings: Settings, db: Db) -> anyhow::Result<Application> {
        let listener = TcpListener::bind(&settings.bind)?;
        let port = listener.local_addr()?.port();
        let settings = Arc::new(settings);
        let state = web::Data::new(AppState::new(db, settings.clone())?);
        spawn_hash_purge(state.clone());
        spawn_360_release(state.clone());
        spawn_reminders(state.clone());
        spawn_mailer(state.clone());
        let (shutdown, stopped) = tokio::sync::watch::channel(false);
        if settings.webhooks_enabled {
            spawn_webhook_worker(state.clone(), stopped)?;
        }
        let server = run(listener, state.clone(), settings)?;
        Ok(Application {
            port,
            server,
            state,
            shutdown,
        })
    }

    pub fn port(&self) -> u16 {
        self.port
    }

    /// Serves until the server stops (signal or handle), then stops the background workers
    /// (a delivery under way finishes and is recorded first).
    pub async fn run_until_stopped(self) -> std::io::Result<()> {
        let result = self.server.await;
        let _ = self.shutdown.send(true);
        result
    }
}

async fn spa_index(req: HttpRequest, dir: web::Data<StaticDir>) -> HttpResponse {
    // A missing build file is a 404, not the SPA (whose HTML a browser would refuse as a
    // script under `nosniff`, and which must not be cached as an immutable asset).
    if req.path().starts_with("/assets/") {
        return HttpResponse::NotFound()
            .content_type("text/plain; charset=utf-8")
            .body("not found");
    }
    let index = dir.0.join("index.html");
    match actix_files::NamedFile::open_async(&index).await {
        Ok(f) => {
            let mut resp = f.into_response(&req);
            resp.headers_mut().insert(
                actix_web::http::header::CACHE_CONTROL,
                actix_web::http::header::HeaderValue::from_static("no-cache"),
            );
            resp
        }
        Err(_) => HttpResponse::NotFound()
            .content_type("text/html; charset=utf-8")
            .body(
                "<!doctype html><html lang=\"id\"><meta charset=\"utf-8\"><title>Kinerja360</title>\
                 <p>Aplikasi web belum dibangun. Jalankan <code>make run</code> \
                 (atau <code>npm run build</code> di folder frontend). \
                 API: <a href=\"/swagger-ui/\">/swagger-ui/</a></p></html>",
            ),
    }
}

struct StaticDir(PathBuf);

/// Erases citizens' client-address hashes past the retention period, at start and hourly.
fn spawn_hash_purge(state: web::Data<AppState>) {
    tokio::spawn(async move {
        let mut tick = tokio::time::interval(std::time::Duration::from_secs(3600));
        loop {
            tick.tick().await;
            let days = state.settings.feedback_hash_retention_days.max(1);
            let before = chrono::Utc::now() - chrono::Duration::days(days);
            match crate::store::feedback::purge_client_hashes(&state.db.write, before).await {
                Ok(0) => {}
                Ok(n) => tracing::info!(erased = n, "client address hashes past retention erased"),
                Err(e) => tracing::warn!(error = %e, "could not erase old client address hashes"),
            }
        }
    });
}

/// Releases the 360 results of periods whose deadline passed, at start and once a minute
/// (`app::ratings360::release`: recorded once, so it announces once across restarts).
fn spawn_360_release(state: web::Data<AppState>) {
    tokio::spawn(async move {
        let mut tick = tokio::time::interval(std::time::Duration::from_secs(60));
        loop {
            tick.tick().await;
            match crate::app::ratings360::announce_due(&state).await {
                Ok(0) => {}
                Ok(n) => tracing::info!(periods = n, "360 results released"),
                Err(e) => tracing::warn!(error = ?e, "could not release 360 results"),
            }
        }
    });
}

/// Writes the deadline reminders due today, at start and every `reminder_interval_secs`
/// (idempotent across runs, restarts and instances: ADR 0024).
fn spawn_reminders(state: web::Data<AppState>) {
    tokio::spawn(async move {
        let secs = state.settings.reminder_interval_secs.max(1);
        let mut tick = tokio::time::interval(std::time::Duration::from_secs(secs));
        loop {
            tick.tick().await;
            match crate::app::notifications::reminders::run(&state).await {
                Ok(0) => {}
                Ok(n) => tracing::info!(accounts = n, "deadline reminders written"),
                Err(e) => tracing::warn!(error = ?e, "could not write deadline reminders"),
            }
        }
    });
}

/// Sends the email outbox every `mail_interval_secs` when an SMTP server is set (ADR 0024).
fn spawn_mailer(state: web::Data<AppState>) {
    let transport = match crate::app::notifications::mailer::transport(&state.settings) {
        Ok(Some(t)) => t,
        Ok(None) => {
            tracing::info!("no SMTP server set: notification emails are off");
            return;
        }
        Err(e) => {
            tracing::error!(error = %e, "SMTP settings invalid: notification emails are off");
            return;
        }
    };
    tokio::spawn(async move {
        let secs = state.settings.mail_interval_secs.max(1);
        let mut tick = tokio::time::interval(std::time::Duration::from_secs(secs));
        loop {
            tick.tick().await;
            match crate::app::notifications::mailer::deliver_due(&state, &transport).await {
                Ok(0) => {}
                Ok(n) => tracing::info!(sent = n, "notification emails sent"),
                Err(e) => tracing::warn!(error = %e, "mail worker run failed"),
            }
        }
    });
}

/// Sends due webhook deliveries every `webhook_poll_ms` until the server stops (ADR 0021).
/// Each delivery is claimed by one instance, so every instance may run this.
fn spawn_webhook_worker(
    state: web::Data<AppState>,
    mut stopped: tokio::sync::watch::Receiver<bool>,
) -> anyhow::Result<()> {
    let client = crate::app::webhooks::worker::client(&state.settings)?;
    let every = std::time::Duration::from_millis(state.settings.webhook_poll_ms.max(10));
    tokio::spawn(async move {
        let mut tick = tokio::time::interval(every);
        tick.set_missed_tick_behavior(tokio::time::MissedTickBehavior::Delay);
        loop {
            tokio::select! {
                _ = tick.tick() => {}
                _ = stopped.changed() => break,
            }
            if let Err(e) = crate::app::webhooks::worker::run_once(&state, &client).await {
                tracing::warn!(error = ?e, "webhook worker round failed");
            }
        }
        tracing::info!("webhook worker stopped");
    });
    Ok(())
}

fn run(
    listener: TcpListener,
    state: web::Data<AppState>,
    settings: Arc<Settings>,
) -> anyhow::Result<Server> {
    let spec = api::spec();
    let static_dir = settings.static_dir.clone();
    let max_body = settings.max_body_bytes;
    let server = HttpServer::new(move || {
        let static_dir = static_dir.clone();
        let (app, _) = App::new()
            .into_utoipa_app()
            .openapi(ApiDoc::openapi())
            .app_data(state.clone())
            .app_data(web::Data::new(StaticDir(static_dir.clone())))
            .app_data(
                web::JsonConfig::default()
                    .limit(max_body)
                    .error_handler(api::json_error),
            )
            .app_data(web::PathConfig::default().error_handler(api::path_error))
            .app_data(web::QueryConfig::default().error_handler(api::query_error))
            .app_data(web::PayloadConfig::new(max_body))
            .configure(api::configure)
            .split_for_parts();
        let mut app = app
            // Control characters, non-object bodies and empty enum filters: 422 before
            // any handler (ADR 0017).
            .wrap(from_fn(api::input_gate::gate))
            .wrap(
                // Method and path only: query strings may carry an SSE access token.
                Logger::new("%a \"%{req}xi\" %s %b %Dms")
                    .custom_request_replace("req", |req| format!("{} {}", req.method(), req.path()))
                    .exclude_regex("^/assets/")
                    .log_target("access"),
            )
            // CSP, nosniff, referrer and permissions policies, HSTS in production, and
            // Cache-Control by area (ADR 0012).
            .wrap(from_fn(crate::security_headers::apply))
            .route("/f/{token}", web::get().to(api::public_form::feedback_form))
            .route(
                "/f/{token}",
                web::post().to(api::public_form::feedback_form_submit),
            )
            .service(
                SwaggerUi::new("/swagger-ui/{_:.*}").url("/api-docs/openapi.json", spec.clone()),
            )
            .route(
                "/swagger-ui",
                web::get().to(|| async {
                    HttpResponse::PermanentRedirect()
                        .insert_header(("Location", "/swagger-ui/"))
                        .finish()
                }),
            );
        if static_dir.join("index.html").exists() {
            app = app.service(
                actix_files::Files::new("/", static_dir.clone())
                    .index_file("index.html")
                    .default_handler(web::to(spa_index)),
            );
        } else {
            app = app.default_service(web::to(spa_index));
        }
        app
    })
    .listen(listener)?
    .run();
    Ok(server)
}
