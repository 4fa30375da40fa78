//! Employees (pegawai), keyed by NIP, each in one unit with at most one direct supervisor.

use sea_orm_migration::{prelude::*, schema::*};

use crate::m20261128_000001_create_units::Units;

#[derive(DeriveMigrationName)]
pub struct Migration;

#[derive(DeriveIden)]
pub enum Employees {
    Table,
    Id,
    Nip,
    Name,
    GelarDepan,
    GelarBelakang,
    Status,
    Golongan,
    Jabatan,
    JenisJabatan,
    UnitId,
    SupervisorId,
    Email,
    Active,
    CreatedAt,
    UpdatedAt,
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .create_table(
                Table::create()
                    .table(Employees::Table)
                    .col(pk_uuid(Employees::Id))
                    .col(string(Employees::Nip))
                    .col(string(Employees::Name))
                    .col(string_null(Employees::GelarDepan))
                    .col(string_null(Employees::GelarBelakang))
                    .col(string(Employees::Status))
                    .col(string(Employees::Golongan))
                    .col(string(Employees::Jabatan))
                    .col(string(Employees::JenisJabatan))
                    .col(uuid(Employees::UnitId))
                    .col(uuid_null(Employees::SupervisorId))
                    .col(string_null(Employees::Email))
                    .col(boolean(Employees::Active))
                    .col(timestamp_with_time_zone(Employees::CreatedAt))
                    .col(timestamp_with_time_zone(Employees::UpdatedAt))
                    .foreign_key(
                        ForeignKey::create()
                            .name("fk_employees_unit")
                            .from(Employees::Table, Employees::UnitId)
                            .to(Units::Table, Units::Id)
                            .on_delete(ForeignKeyAction::Restrict),
                    )
                    .foreign_key(
                        ForeignKey::create()
                            .name("fk_employees_supervisor")
                            .from(Employees::Table, Employees::SupervisorId)
                            .to(Employees::Table, Employees::Id)
                            .on_delete(ForeignKeyAction::SetNull),
                    )
                    .to_owned(),
            )
            .await?;
        for (name, col, unique) in [
            ("uq_employees_nip", Employees::Nip, true),
            ("uq_employees_email", Employees::Email, true),
            ("idx_employees_unit_id", Employees::UnitId, false),
            (
                "idx_employees_supervisor_id",
                Employees::SupervisorId,
                false,
            ),
            ("idx_employees_name", Employees::Name, false),
        ] {
            let mut index = Index::create();
            index.name(name).table(Employees::Table).col(col);
            if unique {
                index.unique();
            }
            manager.create_index(index.to_owned()).await?;
        }
        Ok(())
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .drop_table(Table::drop().table(Employees::Table).to_owned())
            .await
    }
}
