//! Evaluation periods: a quarter (or month) of a year with its state
//! (draft → open → closed → published).

use sea_orm_migration::{prelude::*, schema::*};

#[derive(DeriveMigrationName)]
pub struct Migration;

#[derive(DeriveIden)]
enum Periods {
    Table,
    Id,
    Year,
    Kind,
    Number,
    Name,
    StartsOn,
    EndsOn,
    State,
    CreatedAt,
    UpdatedAt,
    OpenedAt,
    ClosedAt,
    PublishedAt,
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .create_table(
                Table::create()
                    .table(Periods::Table)
                    .col(pk_uuid(Periods::Id))
                    .col(integer(Periods::Year))
                    .col(string(Periods::Kind))
                    .col(integer(Periods::Number))
                    .col(string(Periods::Name))
                    .col(date(Periods::StartsOn))
                    .col(date(Periods::EndsOn))
                    .col(string(Periods::State))
                    .col(timestamp_with_time_zone(Periods::CreatedAt))
                    .col(timestamp_with_time_zone(Periods::UpdatedAt))
                    .col(timestamp_with_time_zone_null(Periods::OpenedAt))
                    .col(timestamp_with_time_zone_null(Periods::ClosedAt))
                    .col(timestamp_with_time_zone_null(Periods::PublishedAt))
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(
                Index::create()
                    .name("uq_periods_year_kind_number")
                    .table(Periods::Table)
                    .col(Periods::Year)
                    .col(Periods::Kind)
                    .col(Periods::Number)
                    .unique()
                    .to_owned(),
            )
            .await
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .drop_table(Table::drop().table(Periods::Table).to_owned())
            .await
    }
}
