//! Queries on appeals (keberatan) against published evaluations.

use entity::{appeal, evaluation};
use sea_orm::sea_query::{Expr, ExprTrait};
use sea_orm::{
    ActiveModelTrait, ColumnTrait, Condition, ConnectionTrait, DbErr, EntityTrait, IntoActiveModel,
    JoinType, PaginatorTrait, QueryFilter, QueryOrder, QuerySelect,
};
use uuid::Uuid;

use super::PageReq;
use crate::domain::appeal::AppealStatus;

pub async fn find<C: ConnectionTrait>(conn: &C, id: Uuid) -> Result<Option<appeal::Model>, DbErr> {
    appeal::Entity::find_by_id(id).one(conn).await
}

pub async fn find_by_evaluation<C: ConnectionTrait>(
    conn: &C,
    evaluation_id: Uuid,
) -> Result<Option<appeal::Model>, DbErr> {
    appeal::Entity::find()
        .filter(appeal::Column::EvaluationId.eq(evaluation_id))
        .one(conn)
        .await
}

/// Which appeals a list shows.
#[derive(Clone, Debug, Default)]
pub struct AppealFilter {
    /// Filed by this employee.
    pub employee_id: Option<Uuid>,
    /// Against evaluations this employee made (as pejabat penilai).
    pub penilai_id: Option<Uuid>,
    /// To be decided by this employee (as atasan pejabat penilai), and/or (with
    /// `hr_decides`) by HR.
    pub decider_id: Option<Uuid>,
    /// Also the appeals HR decides: those whose recorded decider is the penilai (the
    /// penilai had no supervisor in the system).
    pub hr_decides: bool,
    pub status: Option<AppealStatus>,
}

/// Appeals, newest first, in one query (joined to their evaluations) plus the count.
pub async fn list<C: ConnectionTrait>(
    conn: &C,
    f: &AppealFilter,
    page: PageReq,
) -> Result<(Vec<appeal::Model>, u64), DbErr> {
    let to_evaluation = appeal::Entity::belongs_to(evaluation::Entity)
        .from(appeal::Column::EvaluationId)
        .to(evaluation::Column::Id)
        .into();
    let mut q = appeal::Entity::find()
        .join(JoinType::InnerJoin, to_evaluation)
        .order_by_desc(appeal::Column::FiledAt)
        .order_by_desc(appeal::Column::Id);
    if let Some(e) = f.employee_id {
        q = q.filter(appeal::Column::EmployeeId.eq(e));
    }
    if let Some(p) = f.penilai_id {
        q = q.filter(evaluation::Column::PenilaiId.eq(p));
    }
    if f.decider_id.is_some() || f.hr_decides {
        let mut any = Condition::any();
        if let Some(d) = f.decider_id {
            // A penilai without a supervisor is recorded as the decider (HR decides): that
            // is never theirs to decide.
            any = any.add(
                Condition::all()
                    .add(appeal::Column::DeciderId.eq(d))
                    .add(evaluation::Column::PenilaiId.ne(d)),
            );
        }
        if f.hr_decides {
            any = any.add(
                Expr::col((appeal::Entity, appeal::Column::DeciderId))
                    .equals((evaluation::Entity, evaluation::Column::PenilaiId)),
            );
        }
        q = q.filter(any);
    }
    if let Some(s) = &f.status {
        q = q.filter(appeal::Column::Status.eq(s.as_str()));
    }
    let p = q.paginate(conn, page.per_page);
    let total = p.num_items().await?;
    Ok((p.fetch_page(page.page - 1).await?, total))
}

pub async fn insert_appeal<C: ConnectionTrait>(
    conn: &C,
    m: appeal::Model,
) -> Result<appeal::Model, DbErr> {
    m.into_active_model().reset_all().insert(conn).await
}

/// Writes every column of the appeal.
pub async fn update_appeal<C: ConnectionTrait>(
    conn: &C,
    m: appeal::Model,
) -> Result<appeal::Model, DbErr> {
    m.into_active_model().reset_all().update(conn).await
}
