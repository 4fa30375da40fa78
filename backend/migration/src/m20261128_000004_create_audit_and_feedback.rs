//! The append-only, hash-chained audit log, and citizen feedback (SKM): targets (a service
//! desk of a unit, or an employee) with public tokens, single-use tickets, submissions.

use sea_orm_migration::{prelude::*, schema::*};

use crate::m20261128_000001_create_units::Units;
use crate::m20261128_000002_create_employees::Employees;

#[derive(DeriveMigrationName)]
pub struct Migration;

#[derive(DeriveIden)]
enum AuditLog {
    Table,
    Id,
    Seq,
    At,
    Actor,
    Action,
    ObjectType,
    ObjectId,
    Detail,
    PrevHash,
    Hash,
}

#[derive(DeriveIden)]
enum FeedbackTargets {
    Table,
    Id,
    Kind,
    Label,
    UnitId,
    EmployeeId,
    Token,
    Active,
    CreatedAt,
    UpdatedAt,
}

#[derive(DeriveIden)]
enum FeedbackTickets {
    Table,
    Id,
    TargetId,
    Code,
    BatchId,
    CreatedAt,
    UsedAt,
}

#[derive(DeriveIden)]
enum FeedbackSubmissions {
    Table,
    Id,
    TargetId,
    UnitId,
    EmployeeId,
    U1,
    U2,
    U3,
    U4,
    U5,
    U6,
    U7,
    U8,
    U9,
    Comment,
    CommentHidden,
    CommentHiddenReason,
    TicketId,
    Verified,
    Status,
    HoldReason,
    ClientHash,
    Month,
    CreatedAt,
    Reply,
    RepliedAt,
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .create_table(
                Table::create()
                    .table(AuditLog::Table)
                    .col(pk_uuid(AuditLog::Id))
                    .col(big_integer(AuditLog::Seq))
                    .col(timestamp_with_time_zone(AuditLog::At))
                    .col(string(AuditLog::Actor))
                    .col(string(AuditLog::Action))
                    .col(string(AuditLog::ObjectType))
                    .col(string(AuditLog::ObjectId))
                    .col(text(AuditLog::Detail))
                    .col(string(AuditLog::PrevHash))
                    .col(string(AuditLog::Hash))
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(
                Index::create()
                    .name("uq_audit_log_seq")
                    .table(AuditLog::Table)
                    .col(AuditLog::Seq)
                    .unique()
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(
                Index::create()
                    .name("idx_audit_log_object")
                    .table(AuditLog::Table)
                    .col(AuditLog::ObjectType)
                    .col(AuditLog::ObjectId)
                    .to_owned(),
            )
            .await?;

        manager
            .create_table(
                Table::create()
                    .table(FeedbackTargets::Table)
                    .col(pk_uuid(FeedbackTargets::Id))
                    .col(string(FeedbackTargets::Kind))
                    .col(string(FeedbackTargets::Label))
                    .col(uuid(FeedbackTargets::UnitId))
                    .col(uuid_null(FeedbackTargets::EmployeeId))
                    .col(string(FeedbackTargets::Token))
                    .col(boolean(FeedbackTargets::Active))
                    .col(timestamp_with_time_zone(FeedbackTargets::CreatedAt))
                    .col(timestamp_with_time_zone(FeedbackTargets::UpdatedAt))
                    .foreign_key(
                        ForeignKey::create()
                            .name("fk_feedback_targets_unit")
                            .from(FeedbackTargets::Table, FeedbackTargets::UnitId)
                            .to(Units::Table, Units::Id)
                            .on_delete(ForeignKeyAction::Restrict),
                    )
                    .foreign_key(
                        ForeignKey::create()
                            .name("fk_feedback_targets_employee")
                            .from(FeedbackTargets::Table, FeedbackTargets::EmployeeId)
                            .to(Employees::Table, Employees::Id)
                            .on_delete(ForeignKeyAction::Restrict),
                    )
                    .to_owned(),
            )
            .await?;
        for (name, col, unique) in [
            ("uq_feedback_targets_token", FeedbackTargets::Token, true),
            (
                "uq_feedback_targets_employee_id",
                FeedbackTargets::EmployeeId,
                true,
            ),
            (
                "idx_feedback_targets_unit_id",
                FeedbackTargets::UnitId,
                false,
            ),
        ] {
            let mut index = Index::create();
            index.name(name).table(FeedbackTargets::Table).col(col);
            if unique {
                index.unique();
            }
            manager.create_index(index.to_owned()).await?;
        }

        manager
            .create_table(
                Table::create()
                    .table(FeedbackTickets::Table)
                    .col(pk_uuid(FeedbackTickets::Id))
                    .col(uuid(FeedbackTickets::TargetId))
                    .col(string(FeedbackTickets::Code))
                    .col(uuid(FeedbackTickets::BatchId))
                    .col(timestamp_with_time_zone(FeedbackTickets::CreatedAt))
                    .col(timestamp_with_time_zone_null(FeedbackTickets::UsedAt))
                    .foreign_key(
                        ForeignKey::create()
                            .name("fk_feedback_tickets_target")
                            .from(FeedbackTickets::Table, FeedbackTickets::TargetId)
                            .to(FeedbackTargets::Table, FeedbackTargets::Id)
                            .on_delete(ForeignKeyAction::Cascade),
                    )
                    .to_owned(),
            )
            .await?;
        for (name, col, unique) in [
            ("uq_feedback_tickets_code", FeedbackTickets::Code, true),
            (
                "idx_feedback_tickets_target_id",
                FeedbackTickets::TargetId,
                false,
            ),
        ] {
            let mut index = Index::create();
            index.name(name).table(FeedbackTickets::Table).col(col);
            if unique {
                index.unique();
            }
            manager.create_index(index.to_owned()).await?;
        }

        let mut submissions = Table::create();
        submissions
            .table(FeedbackSubmissions::Table)
            .col(pk_uuid(FeedbackSubmissions::Id))
            .col(uuid(FeedbackSubmissions::TargetId))
            .col(uuid(FeedbackSubmissions::UnitId))
            .col(uuid_null(FeedbackSubmissions::EmployeeId));
        for u in [
            FeedbackSubmissions::U1,
            FeedbackSubmissions::U2,
            FeedbackSubmissions::U3,
            FeedbackSubmissions::U4,
            FeedbackSubmissions::U5,
            FeedbackSubmissions::U6,
            FeedbackSubmissions::U7,
            FeedbackSubmissions::U8,
            FeedbackSubmissions::U9,
        ] {
            submissions.col(small_integer(u));
        }
        submissions
            .col(text_null(FeedbackSubmissions::Comment))
            .col(boolean(FeedbackSubmissions::CommentHidden))
            .col(string_null(FeedbackSubmissions::CommentHiddenReason))
            .col(uuid_null(FeedbackSubmissions::TicketId))
            .col(boolean(FeedbackSubmissions::Verified))
            .col(string(FeedbackSubmissions::Status))
            .col(string_null(FeedbackSubmissions::HoldReason))
            .col(string_null(FeedbackSubmissions::ClientHash))
            .col(string(FeedbackSubmissions::Month))
            .col(timestamp_with_time_zone(FeedbackSubmissions::CreatedAt))
            .col(text_null(FeedbackSubmissions::Reply))
            .col(timestamp_with_time_zone_null(
                FeedbackSubmissions::RepliedAt,
            ))
            .foreign_key(
                ForeignKey::create()
                    .name("fk_feedback_submissions_target")
                    .from(FeedbackSubmissions::Table, FeedbackSubmissions::TargetId)
                    .to(FeedbackTargets::Table, FeedbackTargets::Id)
                    .on_delete(ForeignKeyAction::Restrict),
            )
            .foreign_key(
                ForeignKey::create()
                    .name("fk_feedback_submissions_unit")
                    .from(FeedbackSubmissions::Table, FeedbackSubmissions::UnitId)
                    .to(Units::Table, Units::Id)
                    .on_delete(ForeignKeyAction::Restrict),
            )
            .foreign_key(
                ForeignKey::create()
                    .name("fk_feedback_submissions_employee")
                    .from(FeedbackSubmissions::Table, FeedbackSubmissions::EmployeeId)
                    .to(Employees::Table, Employees::Id)
                    .on_delete(ForeignKeyAction::Restrict),
            )
            .foreign_key(
                ForeignKey::create()
                    .name("fk_feedback_submissions_ticket")
                    .from(FeedbackSubmissions::Table, FeedbackSubmissions::TicketId)
                    .to(FeedbackTickets::Table, FeedbackTickets::Id)
                    .on_delete(ForeignKeyAction::Restrict),
            );
        manager.create_table(submissions.to_owned()).await?;
        // Aggregates read (unit | employee) × status × time; a ticket is used at most once.
        manager
            .create_index(
                Index::create()
                    .name("uq_feedback_submissions_ticket_id")
                    .table(FeedbackSubmissions::Table)
                    .col(FeedbackSubmissions::TicketId)
                    .unique()
                    .to_owned(),
            )
            .await?;
        for (name, cols) in [
            (
                "idx_feedback_submissions_unit",
                vec![
                    FeedbackSubmissions::UnitId,
                    FeedbackSubmissions::Status,
                    FeedbackSubmissions::CreatedAt,
                ],
            ),
            (
                "idx_feedback_submissions_employee",
                vec![
                    FeedbackSubmissions::EmployeeId,
                    FeedbackSubmissions::Status,
                    FeedbackSubmissions::CreatedAt,
                ],
            ),
            (
                "idx_feedback_submissions_target",
                vec![
                    FeedbackSubmissions::TargetId,
                    FeedbackSubmissions::CreatedAt,
                ],
            ),
            (
                "idx_feedback_submissions_status",
                vec![FeedbackSubmissions::Status, FeedbackSubmissions::CreatedAt],
            ),
            (
                "idx_feedback_submissions_client_hash",
                vec![FeedbackSubmissions::ClientHash],
            ),
        ] {
            let mut index = Index::create();
            index.name(name).table(FeedbackSubmissions::Table);
            for c in cols {
                index.col(c);
            }
            manager.create_index(index.to_owned()).await?;
        }
        Ok(())
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        for table in [
            FeedbackSubmissions::Table.into_iden(),
            FeedbackTickets::Table.into_iden(),
            FeedbackTargets::Table.into_iden(),
            AuditLog::Table.into_iden(),
        ] {
            manager
                .drop_table(Table::drop().table(table).to_owned())
                .await?;
        }
        Ok(())
    }
}
