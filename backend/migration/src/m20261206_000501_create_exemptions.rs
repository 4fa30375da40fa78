//! Exemptions from a period's evaluation (cuti, tugas belajar, dipekerjakan, other): an
//! exempted employee needs no final evaluation for the unit to be finalised or the period
//! published, and gets no predikat. One per employee and period.

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
enum Exemptions {
    Table,
    Id,
    PeriodId,
    EmployeeId,
    UnitId,
    Reason,
    Note,
    CreatedBy,
    CreatedAt,
}

fn fk(
    name: &str,
    column: Exemptions,
    to: (impl IntoIden, impl IntoIden),
) -> ForeignKeyCreateStatement {
    ForeignKey::create()
        .name(name)
        .from(Exemptions::Table, column)
        .to(to.0, to.1)
        .on_delete(ForeignKeyAction::Restrict)
        .to_owned()
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .create_table(
                Table::create()
                    .table(Exemptions::Table)
                    .col(pk_uuid(Exemptions::Id))
                    .col(uuid(Exemptions::PeriodId))
                    .col(uuid(Exemptions::EmployeeId))
                    .col(uuid(Exemptions::UnitId))
                    .col(string(Exemptions::Reason))
                    .col(text(Exemptions::Note))
                    .col(string(Exemptions::CreatedBy))
                    .col(timestamp_with_time_zone(Exemptions::CreatedAt))
                    .foreign_key(&mut fk(
                        "fk_exemptions_period",
                        Exemptions::PeriodId,
                        (Periods::Table, Periods::Id),
                    ))
                    .foreign_key(&mut fk(
                        "fk_exemptions_employee",
                        Exemptions::EmployeeId,
                        (Employees::Table, Employees::Id),
                    ))
                    .foreign_key(&mut fk(
                        "fk_exemptions_unit",
                        Exemptions::UnitId,
                        (Units::Table, Units::Id),
                    ))
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(
                Index::create()
                    .name("uq_exemptions_period_employee")
                    .table(Exemptions::Table)
                    .col(Exemptions::PeriodId)
                    .col(Exemptions::EmployeeId)
                    .unique()
                    .to_owned(),
            )
            .await
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .drop_table(Table::drop().table(Exemptions::Table).to_owned())
            .await
    }
}
