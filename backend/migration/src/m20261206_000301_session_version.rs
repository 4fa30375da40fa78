//! Sessions that end (ADR 0016): each account has a session version that access tokens
//! carry, and a one-time set-password code (stored hashed) replaces temporary passwords.

use sea_orm_migration::{prelude::*, schema::*};

#[derive(DeriveMigrationName)]
pub struct Migration;

#[derive(DeriveIden)]
enum Users {
    Table,
    SessionVersion,
    SetPasswordCodeHash,
    SetPasswordCodeExpiresAt,
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        // One column per statement: SQLite's ALTER TABLE adds one column at a time.
        for col in [
            integer(Users::SessionVersion).default(1).to_owned(),
            string_null(Users::SetPasswordCodeHash).to_owned(),
            timestamp_with_time_zone_null(Users::SetPasswordCodeExpiresAt).to_owned(),
        ] {
            manager
                .alter_table(
                    Table::alter()
                        .table(Users::Table)
                        .add_column(col)
                        .to_owned(),
                )
                .await?;
        }
        manager
            .create_index(
                Index::create()
                    .name("uq_users_set_password_code")
                    .table(Users::Table)
                    .col(Users::SetPasswordCodeHash)
                    .unique()
                    .to_owned(),
            )
            .await
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .drop_index(
                Index::drop()
                    .name("uq_users_set_password_code")
                    .table(Users::Table)
                    .to_owned(),
            )
            .await?;
        for col in [
            Users::SetPasswordCodeExpiresAt,
            Users::SetPasswordCodeHash,
            Users::SessionVersion,
        ] {
            manager
                .alter_table(
                    Table::alter()
                        .table(Users::Table)
                        .drop_column(col)
                        .to_owned(),
                )
                .await?;
        }
        Ok(())
    }
}
