//! Bulk paths: multi-row INSERTs in the caller's transaction, and id lists cut to a size
//! every engine accepts.
//!
//! SQLite refuses a statement with more than 32,766 bound variables ("too many SQL
//! variables") and PostgreSQL more than 65,535; a list of 50,000 ids or a year of citizen
//! submissions crosses both. Every `IN (…)` over a caller-sized list and every bulk insert
//! goes through these helpers.

use sea_orm::{ActiveModelTrait, ConnectionTrait, DbErr, EntityTrait, Iterable};

/// Bound variables per statement: below SQLite's and PostgreSQL's limits with room to spare.
const MAX_VARIABLES: usize = 30_000;

/// Ids per `IN (…)` list.
pub const ID_CHUNK: usize = 5_000;

/// Inserts `rows` with as few multi-row INSERTs as the engines allow (no RETURNING).
/// Returns the number of rows written.
pub async fn insert_all<A, C>(conn: &C, rows: Vec<A>) -> Result<usize, DbErr>
where
    A: ActiveModelTrait + Send,
    C: ConnectionTrait,
{
    let columns = <A::Entity as EntityTrait>::Column::iter().count().max(1);
    let per_statement = (MAX_VARIABLES / columns).max(1);
    let total = rows.len();
    let mut rows = rows.into_iter().peekable();
    while rows.peek().is_some() {
        let chunk: Vec<A> = rows.by_ref().take(per_statement).collect();
        A::Entity::insert_many(chunk)
            .exec_without_returning(conn)
            .await?;
    }
    Ok(total)
}

/// Runs `query` once per slice of at most [`ID_CHUNK`] ids and concatenates the rows.
pub async fn by_id_chunks<T, Id, F, Fut>(ids: Vec<Id>, mut query: F) -> Result<Vec<T>, DbErr>
where
    Id: Clone,
    F: FnMut(Vec<Id>) -> Fut,
    Fut: std::future::Future<Output = Result<Vec<T>, DbErr>>,
{
    let mut out = Vec::new();
    for chunk in ids.chunks(ID_CHUNK) {
        out.extend(query(chunk.to_vec()).await?);
    }
    Ok(out)
}
