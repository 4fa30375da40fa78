//! Career development (DOMAIN.md §7 "Development", "Career"): the training catalogue,
//! potensi assessments for the 9-box (history kept: one row per assessment), development
//! plans confirmed by the direct supervisor with their items, and the certificates the
//! employee attaches to an item.
//!
//! Recommendations, the 9-box, promotion candidates and angka kredit are computed on read
//! from evaluations and 360 responses, so they need no tables.

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
enum Trainings {
    Table,
    Id,
    Title,
    Provider,
    ValueCode,
    Competency,
    Hours,
    Mode,
    Active,
    CreatedAt,
    UpdatedAt,
}

#[derive(DeriveIden)]
enum PotensiAssessments {
    Table,
    Id,
    EmployeeId,
    Level,
    Source,
    AssessedOn,
    RecordedBy,
    CreatedAt,
}

#[derive(DeriveIden)]
enum DevelopmentPlans {
    Table,
    Id,
    EmployeeId,
    SupervisorId,
    PeriodId,
    Title,
    CreatedAt,
    UpdatedAt,
}

#[derive(DeriveIden)]
enum DevelopmentItems {
    Table,
    Id,
    PlanId,
    Kind,
    Title,
    TrainingId,
    MentorId,
    DueOn,
    Hours,
    Cause,
    Status,
    ProgressNote,
    CompletedOn,
    Position,
    CreatedAt,
    UpdatedAt,
}

#[derive(DeriveIden)]
enum DevelopmentCertificates {
    Table,
    Id,
    ItemId,
    FileName,
    ContentType,
    SizeBytes,
    StorageKey,
    Sha256,
    UploadedBy,
    CreatedAt,
}

fn fk(
    name: &str,
    from: (impl IntoIden, impl IntoIden),
    to: (impl IntoIden, impl IntoIden),
    on_delete: ForeignKeyAction,
) -> ForeignKeyCreateStatement {
    ForeignKey::create()
        .name(name)
        .from(from.0, from.1)
        .to(to.0, to.1)
        .on_delete(on_delete)
        .to_owned()
}

async fn index(
    manager: &SchemaManager<'_>,
    name: &str,
    table: impl IntoIden,
    cols: Vec<DynIden>,
    unique: bool,
) -> Result<(), DbErr> {
    let mut idx = Index::create();
    idx.name(name).table(table);
    for c in cols {
        idx.col(c);
    }
    if unique {
        idx.unique();
    }
    manager.create_index(idx.to_owned()).await
}

use ForeignKeyAction::{Cascade, Restrict, SetNull};

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .create_table(
                Table::create()
                    .table(Trainings::Table)
                    .col(pk_uuid(Trainings::Id))
                    .col(string(Trainings::Title))
                    .col(string(Trainings::Provider))
                    .col(string_null(Trainings::ValueCode))
                    .col(string_null(Trainings::Competency))
                    .col(integer(Trainings::Hours))
                    .col(string(Trainings::Mode))
                    .col(boolean(Trainings::Active).default(true))
                    .col(timestamp_with_time_zone(Trainings::CreatedAt))
                    .col(timestamp_with_time_zone(Trainings::UpdatedAt))
                    .to_owned(),
            )
            .await?;
        index(
            manager,
            "uq_trainings_title_provider",
            Trainings::Table,
            vec![
                Trainings::Title.into_iden(),
                Trainings::Provider.into_iden(),
            ],
            true,
        )
        .await?;
        index(
            manager,
            "idx_trainings_value_code",
            Trainings::Table,
            vec![Trainings::ValueCode.into_iden()],
            false,
        )
        .await?;

        manager
            .create_table(
                Table::create()
                    .table(PotensiAssessments::Table)
                    .col(pk_uuid(PotensiAssessments::Id))
                    .col(uuid(PotensiAssessments::EmployeeId))
                    .col(string(PotensiAssessments::Level))
                    .col(string(PotensiAssessments::Source))
                    .col(date(PotensiAssessments::AssessedOn))
                    .col(string(PotensiAssessments::RecordedBy))
                    .col(timestamp_with_time_zone(PotensiAssessments::CreatedAt))
                    .foreign_key(&mut fk(
                        "fk_potensi_assessments_employee",
                        (PotensiAssessments::Table, PotensiAssessments::EmployeeId),
                        (Employees::Table, Employees::Id),
                        Cascade,
                    ))
                    .to_owned(),
            )
            .await?;
        index(
            manager,
            "idx_potensi_assessments_employee_assessed",
            PotensiAssessments::Table,
            vec![
                PotensiAssessments::EmployeeId.into_iden(),
                PotensiAssessments::AssessedOn.into_iden(),
            ],
            false,
        )
        .await?;

        manager
            .create_table(
                Table::create()
                    .table(DevelopmentPlans::Table)
                    .col(pk_uuid(DevelopmentPlans::Id))
                    .col(uuid(DevelopmentPlans::EmployeeId))
                    .col(uuid(DevelopmentPlans::SupervisorId))
                    .col(uuid_null(DevelopmentPlans::PeriodId))
                    .col(string(DevelopmentPlans::Title))
                    .col(timestamp_with_time_zone(DevelopmentPlans::CreatedAt))
                    .col(timestamp_with_time_zone(DevelopmentPlans::UpdatedAt))
                    .foreign_key(&mut fk(
                        "fk_development_plans_employee",
                        (DevelopmentPlans::Table, DevelopmentPlans::EmployeeId),
                        (Employees::Table, Employees::Id),
                        Restrict,
                    ))
                    .foreign_key(&mut fk(
                        "fk_development_plans_supervisor",
                        (DevelopmentPlans::Table, DevelopmentPlans::SupervisorId),
                        (Employees::Table, Employees::Id),
                        Restrict,
                    ))
                    .foreign_key(&mut fk(
                        "fk_development_plans_period",
                        (DevelopmentPlans::Table, DevelopmentPlans::PeriodId),
                        (Periods::Table, Periods::Id),
                        SetNull,
                    ))
                    .to_owned(),
            )
            .await?;
        for (name, col) in [
            (
                "idx_development_plans_employee",
                DevelopmentPlans::EmployeeId,
            ),
            (
                "idx_development_plans_supervisor",
                DevelopmentPlans::SupervisorId,
            ),
            ("idx_development_plans_period", DevelopmentPlans::PeriodId),
        ] {
            index(
                manager,
                name,
                DevelopmentPlans::Table,
                vec![col.into_iden()],
                false,
            )
            .await?;
        }

        manager
            .create_table(
                Table::create()
                    .table(DevelopmentItems::Table)
                    .col(pk_uuid(DevelopmentItems::Id))
                    .col(uuid(DevelopmentItems::PlanId))
                    .col(string(DevelopmentItems::Kind))
                    .col(string(DevelopmentItems::Title))
                    .col(uuid_null(DevelopmentItems::TrainingId))
                    .col(uuid_null(DevelopmentItems::MentorId))
                    .col(date(DevelopmentItems::DueOn))
                    .col(integer_null(DevelopmentItems::Hours))
                    .col(text(DevelopmentItems::Cause))
                    .col(string(DevelopmentItems::Status))
                    .col(text_null(DevelopmentItems::ProgressNote))
                    .col(date_null(DevelopmentItems::CompletedOn))
                    .col(integer(DevelopmentItems::Position))
                    .col(timestamp_with_time_zone(DevelopmentItems::CreatedAt))
                    .col(timestamp_with_time_zone(DevelopmentItems::UpdatedAt))
                    .foreign_key(&mut fk(
                        "fk_development_items_plan",
                        (DevelopmentItems::Table, DevelopmentItems::PlanId),
                        (DevelopmentPlans::Table, DevelopmentPlans::Id),
                        Cascade,
                    ))
                    .foreign_key(&mut fk(
                        "fk_development_items_training",
                        (DevelopmentItems::Table, DevelopmentItems::TrainingId),
                        (Trainings::Table, Trainings::Id),
                        SetNull,
                    ))
                    .foreign_key(&mut fk(
                        "fk_development_items_mentor",
                        (DevelopmentItems::Table, DevelopmentItems::MentorId),
                        (Employees::Table, Employees::Id),
                        SetNull,
                    ))
                    .to_owned(),
            )
            .await?;
        for (name, cols) in [
            (
                "idx_development_items_plan",
                vec![DevelopmentItems::PlanId.into_iden()],
            ),
            (
                "idx_development_items_training",
                vec![DevelopmentItems::TrainingId.into_iden()],
            ),
            (
                "idx_development_items_mentor",
                vec![DevelopmentItems::MentorId.into_iden()],
            ),
            (
                "idx_development_items_status_due",
                vec![
                    DevelopmentItems::Status.into_iden(),
                    DevelopmentItems::DueOn.into_iden(),
                ],
            ),
            (
                "idx_development_items_completed_on",
                vec![DevelopmentItems::CompletedOn.into_iden()],
            ),
        ] {
            index(manager, name, DevelopmentItems::Table, cols, false).await?;
        }

        manager
            .create_table(
                Table::create()
                    .table(DevelopmentCertificates::Table)
                    .col(pk_uuid(DevelopmentCertificates::Id))
                    .col(uuid(DevelopmentCertificates::ItemId))
                    .col(string(DevelopmentCertificates::FileName))
                    .col(string(DevelopmentCertificates::ContentType))
                    .col(big_integer(DevelopmentCertificates::SizeBytes))
                    .col(string(DevelopmentCertificates::StorageKey))
                    .col(string(DevelopmentCertificates::Sha256))
                    .col(uuid(DevelopmentCertificates::UploadedBy))
                    .col(timestamp_with_time_zone(DevelopmentCertificates::CreatedAt))
                    .foreign_key(&mut fk(
                        "fk_development_certificates_item",
                        (
                            DevelopmentCertificates::Table,
                            DevelopmentCertificates::ItemId,
                        ),
                        (DevelopmentItems::Table, DevelopmentItems::Id),
                        Cascade,
                    ))
                    .foreign_key(&mut fk(
                        "fk_development_certificates_uploader",
                        (
                            DevelopmentCertificates::Table,
                            DevelopmentCertificates::UploadedBy,
                        ),
                        (Employees::Table, Employees::Id),
                        Restrict,
                    ))
                    .to_owned(),
            )
            .await?;
        for (name, col) in [
            (
                "idx_development_certificates_item",
                DevelopmentCertificates::ItemId,
            ),
            (
                "idx_development_certificates_uploader",
                DevelopmentCertificates::UploadedBy,
            ),
        ] {
            index(
                manager,
                name,
                DevelopmentCertificates::Table,
                vec![col.into_iden()],
                false,
            )
            .await?;
        }
        Ok(())
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        for t in [
            DevelopmentCertificates::Table.into_iden(),
            DevelopmentItems::Table.into_iden(),
            DevelopmentPlans::Table.into_iden(),
            PotensiAssessments::Table.into_iden(),
            Trainings::Table.into_iden(),
        ] {
            manager
                .drop_table(Table::drop().table(t).to_owned())
                .await?;
        }
        Ok(())
    }
}
