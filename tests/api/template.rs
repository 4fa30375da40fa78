//! One migrated template database per engine per run, copied for each test.
//!
//! Migrating a fresh database for each of several hundred tests was most of the suite's
//! setup time. The first test to need a database migrates a template once (through the
//! server's own `Db::connect` + `migrate`, so it is exactly what the app would create);
//! every test then gets a copy: a file copy on SQLite, `CREATE DATABASE … TEMPLATE` on
//! PostgreSQL. `Application::build` still runs the migrator, which finds nothing to do.
//!
//! Templates are named after the test process, so concurrent runs never share or drop each
//! other's; a template left by a run that has ended is removed by the next run.

use kinerja::config::Settings;
use kinerja::store::Db;
use sea_orm::{ConnectionTrait, Database};
use std::path::{Path, PathBuf};
use tokio::sync::OnceCell;
use uuid::Uuid;

const PG_TEMPLATE_PREFIX: &str = "k360_tpl_";

static SQLITE_TEMPLATE: OnceCell<PathBuf> = OnceCell::const_new();
static PG_TEMPLATE: OnceCell<String> = OnceCell::const_new();

/// Folder of the test databases (SQLite files and the template).
pub fn sqlite_dir() -> PathBuf {
    let dir = std::env::temp_dir().join("kinerja-api-tests");
    std::fs::create_dir_all(&dir).expect("temp dir");
    dir
}

fn process_alive(pid: u32) -> bool {
    Path::new(&format!("/proc/{pid}")).exists()
}

/// The pid a template name was made by (`…_<pid>_…`), if it has one.
fn pid_of(name: &str) -> Option<u32> {
    name.split('_')
        .find_map(|part| part.strip_prefix('p')?.parse().ok())
}

/// Migrates the SQLite template of this run (once) and returns its path.
async fn sqlite_template(base: &Settings) -> &'static Path {
    SQLITE_TEMPLATE
        .get_or_init(|| async {
            let dir = sqlite_dir();
            // Templates of runs that have ended.
            if let Ok(entries) = std::fs::read_dir(&dir) {
                for e in entries.flatten() {
                    let name = e.file_name().to_string_lossy().into_owned();
                    if name.starts_with("template_")
                        && pid_of(&name).is_some_and(|pid| !process_alive(pid))
                    {
                        let _ = std::fs::remove_file(e.path());
                    }
                }
            }
            let id = format!("p{}_{}", std::process::id(), Uuid::new_v4().simple());
            let work = dir.join(format!("template_{id}.migrating.db"));
            let path = dir.join(format!("template_{id}.db"));
            let mut settings = base.clone();
            settings.database_url = format!("sqlite://{}?mode=rwc", work.display());
            let db = Db::connect(&settings).await.expect("template: connect");
            db.migrate().await.expect("template: migrate");
            // One self-contained file (no -wal/-shm beside it) that tests can copy.
            db.write
                .execute_unprepared(&format!("VACUUM INTO '{}'", path.display()))
                .await
                .expect("template: vacuum into");
            let _ = db.read.close().await;
            let _ = db.write.close().await;
            for suffix in ["", "-wal", "-shm"] {
                let _ = std::fs::remove_file(format!("{}{suffix}", work.display()));
            }
            path
        })
        .await
}

/// A fresh SQLite file copied from the template; returns its URL and path.
pub async fn sqlite_database(base: &Settings) -> (String, PathBuf) {
    let template = sqlite_template(base).await;
    let path = sqlite_dir().join(format!("{}.db", Uuid::new_v4().simple()));
    std::fs::copy(template, &path).expect("copy the template database");
    (format!("sqlite://{}?mode=rwc", path.display()), path)
}

/// Migrates the PostgreSQL template of this run (once) and returns its name.
async fn pg_template(admin_url: &str, base: &Settings) -> &'static str {
    PG_TEMPLATE
        .get_or_init(|| async {
            let admin = Database::connect(admin_url)
                .await
                .expect("connect to TEST_DATABASE_URL");
            // Templates of runs that have ended.
            let rows = admin
                .query_all_raw(sea_orm::Statement::from_string(
                    admin.get_database_backend(),
                    format!(
                        "SELECT datname FROM pg_database WHERE datname LIKE '{PG_TEMPLATE_PREFIX}%'"
                    ),
                ))
                .await
                .expect("list templates");
            for row in rows {
                let Ok(name) = row.try_get::<String>("", "datname") else {
                    continue;
                };
                if pid_of(&name).is_some_and(|pid| !process_alive(pid)) {
                    let _ = admin
                        .execute_unprepared(&format!(
                            "DROP DATABASE IF EXISTS \"{name}\" WITH (FORCE)"
                        ))
                        .await;
                }
            }
            let name = format!(
                "{PG_TEMPLATE_PREFIX}p{}_{}",
                std::process::id(),
                Uuid::new_v4().simple()
            );
            admin
                .execute_unprepared(&format!("CREATE DATABASE \"{name}\""))
                .await
                .expect("create the template database");
            let mut settings = base.clone();
            settings.database_url = replace_db_name(admin_url, &name);
            let db = Db::connect(&settings).await.expect("template: connect");
            db.migrate().await.expect("template: migrate");
            // A template must have no open connections while it is copied.
            let _ = db.read.close().await;
            let _ = db.write.close().await;
            let _ = admin.close().await;
            name
        })
        .await
}

/// A fresh PostgreSQL database cloned from the template; returns its URL and name.
pub async fn pg_database(admin_url: &str, base: &Settings) -> (String, String) {
    let template = pg_template(admin_url, base).await;
    let name = format!("k360_test_{}", Uuid::new_v4().simple());
    let admin = Database::connect(admin_url)
        .await
        .expect("connect to TEST_DATABASE_URL");
    // Two clones of one template at the same instant can see each other as "other users"
    // of the template: retry briefly.
    let mut attempt = 0;
    loop {
        match admin
            .execute_unprepared(&format!(
                "CREATE DATABASE \"{name}\" TEMPLATE \"{template}\""
            ))
            .await
        {
            Ok(_) => break,
            Err(e) if attempt < 50 && e.to_string().contains("being accessed by other users") => {
                attempt += 1;
                tokio::time::sleep(std::time::Duration::from_millis(20 * attempt)).await;
            }
            Err(e) => panic!("create test database from the template: {e}"),
        }
    }
    let _ = admin.close().await;
    (replace_db_name(admin_url, &name), name)
}

pub fn replace_db_name(url: &str, name: &str) -> String {
    let (base, query) = match url.split_once('?') {
        Some((b, q)) => (b, Some(q)),
        None => (url, None),
    };
    let cut = base.rfind('/').expect("postgres URL has a database");
    let mut out = format!("{}/{name}", &base[..cut]);
    if let Some(q) = query {
        out.push('?');
        out.push_str(q);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::pid_of;

    #[test]
    fn the_pid_is_read_back_from_a_template_name() {
        assert_eq!(pid_of("template_p4242_abcdef.db"), Some(4242));
        assert_eq!(pid_of("k360_tpl_p17_0123abcd"), Some(17));
        assert_eq!(pid_of("k360_test_0123abcd"), None);
    }
}
