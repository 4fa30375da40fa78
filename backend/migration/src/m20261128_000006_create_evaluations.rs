//! The supervisor's evaluation of an employee for a period: the two ratings, the predikat
//! (from the matrix), and snapshots of the employee's and the penilai's golongan, jabatan and
//! unit at the time of rating (they change over time; results must not).

use sea_orm_migration::{prelude::*, schema::*};

use crate::m20261128_000001_create_units::Units;
use crate::m20261128_000002_create_employees::Employees;

#[derive(DeriveMigrationName)]
pub struct Migration;

#[derive(DeriveIden)]
enum Periods {
    Table,
    Id,
}

#[derive(DeriveIden)]
enum Evaluations {
    Table,
    Id,
    PeriodId,
    EmployeeId,
    PenilaiId,
    RatingHasilKerja,
    RatingPerilaku,
    Predikat,
    Justification,
    Status,
    Golongan,
    Jabatan,
    UnitId,
    PenilaiGolongan,
    PenilaiJabatan,
    PenilaiUnitId,
    CreatedAt,
    UpdatedAt,
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .create_table(
                Table::create()
                    .table(Evaluations::Table)
                    .col(pk_uuid(Evaluations::Id))
                    .col(uuid(Evaluations::PeriodId))
                    .col(uuid(Evaluations::EmployeeId))
                    .col(uuid(Evaluations::PenilaiId))
                    .col(string(Evaluations::RatingHasilKerja))
                    .col(string(Evaluations::RatingPerilaku))
                    .col(string(Evaluations::Predikat))
                    .col(text_null(Evaluations::Justification))
                    .col(string(Evaluations::Status))
                    .col(string(Evaluations::Golongan))
                    .col(string(Evaluations::Jabatan))
                    .col(uuid(Evaluations::UnitId))
                    .col(string(Evaluations::PenilaiGolongan))
                    .col(string(Evaluations::PenilaiJabatan))
                    .col(uuid(Evaluations::PenilaiUnitId))
                    .col(timestamp_with_time_zone(Evaluations::CreatedAt))
                    .col(timestamp_with_time_zone(Evaluations::UpdatedAt))
                    .foreign_key(
                        ForeignKey::create()
                            .name("fk_evaluations_period")
                            .from(Evaluations::Table, Evaluations::PeriodId)
                            .to(Periods::Table, Periods::Id)
                            .on_delete(ForeignKeyAction::Restrict),
                    )
                    .foreign_key(
                        ForeignKey::create()
                            .name("fk_evaluations_employee")
                            .from(Evaluations::Table, Evaluations::EmployeeId)
                            .to(Employees::Table, Employees::Id)
                            .on_delete(ForeignKeyAction::Restrict),
                    )
                    .foreign_key(
                        ForeignKey::create()
                            .name("fk_evaluations_penilai")
                            .from(Evaluations::Table, Evaluations::PenilaiId)
                            .to(Employees::Table, Employees::Id)
                            .on_delete(ForeignKeyAction::Restrict),
                    )
                    .foreign_key(
                        ForeignKey::create()
                            .name("fk_evaluations_unit")
                            .from(Evaluations::Table, Evaluations::UnitId)
                            .to(Units::Table, Units::Id)
                            .on_delete(ForeignKeyAction::Restrict),
                    )
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(
                Index::create()
                    .name("uq_evaluations_period_employee")
                    .table(Evaluations::Table)
                    .col(Evaluations::PeriodId)
                    .col(Evaluations::EmployeeId)
                    .unique()
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(
                Index::create()
                    .name("idx_evaluations_period_unit")
                    .table(Evaluations::Table)
                    .col(Evaluations::PeriodId)
                    .col(Evaluations::UnitId)
                    .to_owned(),
            )
            .await
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .drop_table(Table::drop().table(Evaluations::Table).to_owned())
            .await
    }
}
