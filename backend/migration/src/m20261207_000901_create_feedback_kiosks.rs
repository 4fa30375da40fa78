//! Kiosk devices (ADR 0027): a desk's own tablet, registered by HR for one feedback target,
//! identified by a random credential stored only as its SHA-256. Submissions made on a
//! kiosk name it, so HR can review or reject a device's submissions.

use sea_orm_migration::{prelude::*, schema::*};

#[derive(DeriveMigrationName)]
pub struct Migration;

#[derive(DeriveIden)]
enum FeedbackTargets {
    Table,
    Id,
}

#[derive(DeriveIden)]
enum FeedbackSubmissions {
    Table,
    KioskId,
}

#[derive(DeriveIden)]
enum FeedbackKiosks {
    Table,
    Id,
    TargetId,
    Name,
    TokenHash,
    CreatedBy,
    CreatedAt,
    LastUsedAt,
    RevokedAt,
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .create_table(
                Table::create()
                    .table(FeedbackKiosks::Table)
                    .col(pk_uuid(FeedbackKiosks::Id))
                    .col(uuid(FeedbackKiosks::TargetId))
                    .col(string_len(FeedbackKiosks::Name, 100))
                    .col(string_len_uniq(FeedbackKiosks::TokenHash, 64))
                    .col(string(FeedbackKiosks::CreatedBy))
                    .col(timestamp_with_time_zone(FeedbackKiosks::CreatedAt))
                    .col(timestamp_with_time_zone_null(FeedbackKiosks::LastUsedAt))
                    .col(timestamp_with_time_zone_null(FeedbackKiosks::RevokedAt))
                    .foreign_key(
                        ForeignKey::create()
                            .name("fk_feedback_kiosks_target")
                            .from(FeedbackKiosks::Table, FeedbackKiosks::TargetId)
                            .to(FeedbackTargets::Table, FeedbackTargets::Id)
                            .on_delete(ForeignKeyAction::Restrict),
                    )
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(
                Index::create()
                    .name("ix_feedback_kiosks_target")
                    .table(FeedbackKiosks::Table)
                    .col(FeedbackKiosks::TargetId)
                    .to_owned(),
            )
            .await?;
        manager
            .alter_table(
                Table::alter()
                    .table(FeedbackSubmissions::Table)
                    .add_column(uuid_null(FeedbackSubmissions::KioskId))
                    .to_owned(),
            )
            .await
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .alter_table(
                Table::alter()
                    .table(FeedbackSubmissions::Table)
                    .drop_column(FeedbackSubmissions::KioskId)
                    .to_owned(),
            )
            .await?;
        manager
            .drop_table(Table::drop().table(FeedbackKiosks::Table).to_owned())
            .await
    }
}
