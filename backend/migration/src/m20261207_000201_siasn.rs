//! SIASN (BKN): the employee's SIASN PNS id (`pns_id`, the `pnsDinilaiId` SIASN wants) and
//! one delivery record per employee, period and body kind (`skp22` or `kinerjaperiodik`)
//! for the push (ADR 0020).

use sea_orm_migration::{prelude::*, schema::*};

use crate::m20261128_000002_create_employees::Employees;

#[derive(DeriveMigrationName)]
pub struct Migration;

#[derive(DeriveIden)]
enum Periods {
    Table,
    Id,
}

#[derive(DeriveIden)]
enum EmployeesPnsId {
    #[sea_orm(iden = "pns_id")]
    PnsId,
}

#[derive(DeriveIden)]
enum SiasnDeliveries {
    Table,
    Id,
    PeriodId,
    EmployeeId,
    Kind,
    BodyHash,
    Body,
    Status,
    Attempts,
    SiasnId,
    Response,
    NextAttemptAt,
    LastAttemptAt,
    CreatedAt,
    UpdatedAt,
}

fn fk(
    name: &str,
    column: SiasnDeliveries,
    to: (impl IntoIden, impl IntoIden),
) -> ForeignKeyCreateStatement {
    ForeignKey::create()
        .name(name)
        .from(SiasnDeliveries::Table, column)
        .to(to.0, to.1)
        .on_delete(ForeignKeyAction::Restrict)
        .to_owned()
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .alter_table(
                Table::alter()
                    .table(Employees::Table)
                    .add_column(string_null(EmployeesPnsId::PnsId))
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(
                Index::create()
                    .name("uq_employees_pns_id")
                    .table(Employees::Table)
                    .col(EmployeesPnsId::PnsId)
                    .unique()
                    .to_owned(),
            )
            .await?;
        manager
            .create_table(
                Table::create()
                    .table(SiasnDeliveries::Table)
                    .col(pk_uuid(SiasnDeliveries::Id))
                    .col(uuid(SiasnDeliveries::PeriodId))
                    .col(uuid(SiasnDeliveries::EmployeeId))
                    .col(string(SiasnDeliveries::Kind))
                    .col(string(SiasnDeliveries::BodyHash))
                    .col(text(SiasnDeliveries::Body))
                    .col(string(SiasnDeliveries::Status))
                    .col(integer(SiasnDeliveries::Attempts))
                    .col(string_null(SiasnDeliveries::SiasnId))
                    .col(text_null(SiasnDeliveries::Response))
                    .col(timestamp_with_time_zone_null(
                        SiasnDeliveries::NextAttemptAt,
                    ))
                    .col(timestamp_with_time_zone(SiasnDeliveries::LastAttemptAt))
                    .col(timestamp_with_time_zone(SiasnDeliveries::CreatedAt))
                    .col(timestamp_with_time_zone(SiasnDeliveries::UpdatedAt))
                    .foreign_key(&mut fk(
                        "fk_siasn_deliveries_period",
                        SiasnDeliveries::PeriodId,
                        (Periods::Table, Periods::Id),
                    ))
                    .foreign_key(&mut fk(
                        "fk_siasn_deliveries_employee",
                        SiasnDeliveries::EmployeeId,
                        (Employees::Table, Employees::Id),
                    ))
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(
                Index::create()
                    .name("uq_siasn_deliveries_period_employee_kind")
                    .table(SiasnDeliveries::Table)
                    .col(SiasnDeliveries::PeriodId)
                    .col(SiasnDeliveries::EmployeeId)
                    .col(SiasnDeliveries::Kind)
                    .unique()
                    .to_owned(),
            )
            .await
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .drop_table(Table::drop().table(SiasnDeliveries::Table).to_owned())
            .await?;
        manager
            .drop_index(
                Index::drop()
                    .name("uq_employees_pns_id")
                    .table(Employees::Table)
                    .to_owned(),
            )
            .await?;
        manager
            .alter_table(
                Table::alter()
                    .table(Employees::Table)
                    .drop_column(EmployeesPnsId::PnsId)
                    .to_owned(),
            )
            .await
    }
}
