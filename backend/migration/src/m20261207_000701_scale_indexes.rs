//! Indexes for the reads whose cost grew with the whole organisation (issue 11): an
//! employee's own results (`/me/results` filtered on `employee_id` alone scanned every
//! evaluation), a penilai's evaluations, and 360 forms by ratee across periods.

use sea_orm_migration::prelude::*;

#[derive(DeriveMigrationName)]
pub struct Migration;

#[derive(DeriveIden)]
enum Evaluations {
    Table,
    EmployeeId,
    PenilaiId,
    PeriodId,
}

#[derive(DeriveIden)]
enum Ratings360 {
    #[sea_orm(iden = "ratings_360")]
    Table,
    RateeId,
    PeriodId,
}

const INDEXES: [&str; 3] = [
    "idx_evaluations_employee_period",
    "idx_evaluations_penilai_period",
    "idx_ratings_360_ratee_period",
];

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        let indexes = [
            (
                Evaluations::Table.into_iden(),
                Evaluations::EmployeeId.into_iden(),
            ),
            (
                Evaluations::Table.into_iden(),
                Evaluations::PenilaiId.into_iden(),
            ),
            (
                Ratings360::Table.into_iden(),
                Ratings360::RateeId.into_iden(),
            ),
        ];
        let periods = [
            Evaluations::PeriodId.into_iden(),
            Evaluations::PeriodId.into_iden(),
            Ratings360::PeriodId.into_iden(),
        ];
        for ((name, (table, first)), period) in INDEXES.into_iter().zip(indexes).zip(periods) {
            manager
                .create_index(
                    Index::create()
                        .name(name)
                        .table(table)
                        .col(first)
                        .col(period)
                        .to_owned(),
                )
                .await?;
        }
        Ok(())
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        let tables = [
            Evaluations::Table.into_iden(),
            Evaluations::Table.into_iden(),
            Ratings360::Table.into_iden(),
        ];
        for (name, table) in INDEXES.into_iter().zip(tables) {
            manager
                .drop_index(Index::drop().name(name).table(table).to_owned())
                .await?;
        }
        Ok(())
    }
}
