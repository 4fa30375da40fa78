//! The moment a period's 360 results were released as one snapshot (ADR 0013): set once,
//! when `deadline_360` passed or the period closed, so the release is announced once and
//! stays released even if the period is reopened or the deadline moved.

use sea_orm_migration::{prelude::*, schema::*};

#[derive(DeriveMigrationName)]
pub struct Migration;

#[derive(DeriveIden)]
enum Periods {
    Table,
    #[sea_orm(iden = "released_360_at")]
    Released360At,
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .alter_table(
                Table::alter()
                    .table(Periods::Table)
                    .add_column(timestamp_with_time_zone_null(Periods::Released360At))
                    .to_owned(),
            )
            .await
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .alter_table(
                Table::alter()
                    .table(Periods::Table)
                    .drop_column(Periods::Released360At)
                    .to_owned(),
            )
            .await
    }
}
