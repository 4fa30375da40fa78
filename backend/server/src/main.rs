//! `kinerja`: parse the command line, load settings, set up logging, run the subcommand.

use clap::Parser;
use indicatif::{ProgressBar, ProgressStyle};
use kinerja::cli::{AdminCommand, AuditCommand, Cli, Command, ImportArgs};
use kinerja::config::Settings;
use kinerja::store::Db;
use kinerja::{auth, import, seed, startup::Application, store, telemetry};
use sea_orm::TransactionTrait;
use std::process::ExitCode;

#[tokio::main]
async fn main() -> ExitCode {
    let cli = Cli::parse();
    let settings = match Settings::load(cli.config.as_deref()) {
        Ok(s) => s,
        Err(e) => {
            eprintln!("kinerja: invalid settings: {e}");
            return ExitCode::from(2);
        }
    };
    telemetry::init(&settings.log);
    match run(cli.command, settings).await {
        Ok(code) => code,
        Err(e) => {
            eprintln!("kinerja: {e:#}");
            ExitCode::FAILURE
        }
    }
}

/// A checkpoint given on the command line: a file holding the line, or the line itself.
fn read_checkpoint(arg: &str) -> Result<kinerja::domain::audit_anchor::Checkpoint, String> {
    let path = std::path::Path::new(arg);
    let text = if path.is_file() {
        std::fs::read_to_string(path).map_err(|e| format!("cannot read {arg}: {e}"))?
    } else {
        arg.to_string()
    };
    kinerja::domain::audit_anchor::Checkpoint::parse(text.trim())
        .map_err(|e| format!("invalid checkpoint: {e}"))
}

async fn connect(settings: &Settings) -> anyhow::Result<Db> {
    store::audit::set_key(&settings.audit_key);
    let db = Db::connect(settings).await?;
    db.migrate().await?;
    Ok(db)
}

async fn run(command: Command, settings: Settings) -> anyhow::Result<ExitCode> {
    match command {
        Command::Serve => {
            if let Err(why) = settings.check() {
                eprintln!("kinerja: refusing to start: {why}");
                return Ok(ExitCode::from(2));
            }
            let bind = settings.bind.clone();
            let app = Application::build(settings).await?;
            tracing::info!("Kinerja360 listening on http://{bind} (Swagger UI: /swagger-ui/)");
            app.run_until_stopped().await?;
        }
        Command::Migrate => {
            connect(&settings).await?;
            println!("migrations applied");
        }
        Command::Seed {
            demo,
            synthetic,
            employees,
            accounts,
        } => {
            if !demo && !synthetic {
                anyhow::bail!(
                    "nothing to seed: pass --demo for the Cakranegara demo data or --synthetic --employees N"
                );
            }
            let db = connect(&settings).await?;
            if synthetic {
                if !seed::is_empty(&db.write).await? {
                    anyhow::bail!(
                        "the database already has units; synthetic data needs an empty one"
                    );
                }
                let n = employees.unwrap_or(5_500);
                let summary =
                    kinerja::seed_synthetic::seed_synthetic(&db.write, n, accounts).await?;
                print!("{summary}");
                return Ok(ExitCode::SUCCESS);
            }
            if !seed::is_empty(&db.write).await? {
                println!("the database already has units; demo data not loaded");
                return Ok(ExitCode::SUCCESS);
            }
            let summary = seed::seed_demo(&db.write).await?;
            println!("{summary}");
        }
        Command::Admin {
            command:
                AdminCommand::Create {
                    nip,
                    name,
                    email,
                    password,
                },
        } => {
            let password = match password {
                Some(p) => p,
                None => {
                    let p = rpassword::prompt_password("Kata sandi: ")?;
                    let again = rpassword::prompt_password("Ulangi kata sandi: ")?;
                    if p != again {
                        anyhow::bail!("the passwords differ");
                    }
                    p
                }
            };
            auth::password::check_strength(&password).map_err(anyhow::Error::msg)?;
            if let Some(n) = &nip {
                kinerja::domain::nip::Nip::parse(n).map_err(|e| anyhow::anyhow!("{e}"))?;
            }
            let db = connect(&settings).await?;
            let employee_id = match &nip {
                Some(n) => store::employees::find_by_nip(&db.read, n)
                    .await?
                    .map(|e| e.id),
                None => None,
            };
            let password_hash = auth::password::hash(&password)?;
            let txn = db.write.begin().await?;
            let user = store::users::insert(
                &txn,
                store::users::NewUser {
                    employee_id,
                    name,
                    nip,
                    email: Some(email),
                    password_hash,
                    roles: vec!["admin".into()],
                },
            )
            .await
            .map_err(|e| {
                anyhow::anyhow!("cannot create the account (NIP or email already used?): {e}")
            })?;
            store::audit::append(
                &txn,
                "cli",
                "account.create",
                "user",
                &user.id.to_string(),
                serde_json::json!({ "nip": user.nip, "roles": ["admin"], "via": "kinerja admin create" }),
            )
            .await?;
            txn.commit().await?;
            println!("administrator created: {} ({})", user.name, user.id);
        }
        Command::Audit {
            command: AuditCommand::Verify { checkpoint },
        } => {
            let checkpoint = match checkpoint.as_deref().map(read_checkpoint).transpose() {
                Ok(c) => c,
                Err(why) => {
                    eprintln!("kinerja: {why}");
                    return Ok(ExitCode::from(2));
                }
            };
            let db = connect(&settings).await?;
            let key = settings.audit_key.as_bytes();
            match store::audit::verify(&db.read, key, checkpoint.as_ref()).await? {
                Ok(n) => println!("audit log intact: {n} entries verified"),
                Err(b) => {
                    eprintln!("audit log TAMPERED at entry {}: {}", b.seq, b.reason);
                    return Ok(ExitCode::FAILURE);
                }
            }
        }
        Command::Audit {
            command: AuditCommand::Checkpoint,
        } => {
            let db = connect(&settings).await?;
            let key = settings.audit_key.as_bytes();
            if let Err(b) = store::audit::verify(&db.read, key, None).await? {
                eprintln!("audit log TAMPERED at entry {}: {}", b.seq, b.reason);
                return Ok(ExitCode::FAILURE);
            }
            println!("{}", store::audit::checkpoint(&db.read).await?.to_line());
        }
        Command::Import(ImportArgs { file, dry_run }) => {
            let bytes = std::fs::read(&file)
                .map_err(|e| anyhow::anyhow!("cannot read {}: {e}", file.display()))?;
            let is_json = file
                .extension()
                .is_some_and(|e| e.eq_ignore_ascii_case("json"));
            let parsed = if is_json {
                import::parse_json(&bytes)
            } else {
                import::parse_csv(&bytes)
            };
            let (rows, errors) = parsed.map_err(|e| anyhow::anyhow!("{e}"))?;
            let db = connect(&settings).await?;
            let txn = db.write.begin().await?;
            let plan = match import::validate(&txn, rows, errors).await {
                Ok(plan) => plan,
                Err(kinerja::error::ApiError::ImportRejected(rows)) => {
                    eprintln!(
                        "import rejected, nothing written; {} problem(s):",
                        rows.len()
                    );
                    for r in rows {
                        eprintln!("  row {}: {}: {}", r.row, r.field, r.message);
                    }
                    return Ok(ExitCode::FAILURE);
                }
                Err(e) => anyhow::bail!("{e}"),
            };
            if dry_run {
                let r = plan.preview();
                println!(
                    "dry run: {} rows valid ({} new, {} updated, {} unchanged); nothing written",
                    r.total, r.created, r.updated, r.unchanged
                );
                return Ok(ExitCode::SUCCESS);
            }
            let bar = ProgressBar::new(0);
            bar.set_style(
                ProgressStyle::with_template("{bar:40} {pos}/{len} {msg}")
                    .unwrap_or_else(|_| ProgressStyle::default_bar()),
            );
            bar.set_message("menulis");
            let (report, outcomes) = plan
                .apply(&txn, &|done, total| {
                    bar.set_length(total as u64);
                    bar.set_position(done as u64);
                })
                .await
                .map_err(|e| anyhow::anyhow!("{e}"))?;
            kinerja::app::employees::audit_import(&txn, "cli", &outcomes)
                .await
                .map_err(|e| anyhow::anyhow!("{e}"))?;
            txn.commit().await?;
            bar.finish_and_clear();
            println!(
                "imported {} rows: {} new, {} updated, {} unchanged",
                report.total, report.created, report.updated, report.unchanged
            );
        }
        Command::Openapi { output, check } => {
            let json = kinerja::api::spec_json()?;
            if check {
                let current = std::fs::read_to_string(&output).unwrap_or_default();
                if current != json {
                    eprintln!(
                        "{} is out of date: run `kinerja openapi` (or `make openapi`) and commit it",
                        output.display()
                    );
                    return Ok(ExitCode::FAILURE);
                }
                println!("{} is up to date", output.display());
            } else if output.as_os_str() == "-" {
                print!("{json}");
            } else {
                if let Some(parent) = output.parent() {
                    std::fs::create_dir_all(parent)?;
                }
                std::fs::write(&output, json)?;
                println!("wrote {}", output.display());
            }
        }
    }
    Ok(ExitCode::SUCCESS)
}
