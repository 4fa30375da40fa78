//! The rest of the evaluation cycle: SKP plans (RHK, indicators, the supervisor's
//! expectations per BerAKHLAK value), realisasi with bukti dukung, continuous feedback,
//! coaching records, 360-degree assignments and responses, organisational results per unit
//! (distribution curve and finalisation) and appeals; plus the 360 round settings of a period
//! and the 360 suggestion kept with each evaluation.
//!
//! SQLite adds one column per `ALTER TABLE`, so each added column is its own statement.

use sea_orm_migration::{prelude::*, schema::*};

use crate::m20261128_000001_create_units::Units;
use crate::m20261128_000002_create_employees::Employees;

#[derive(DeriveMigrationName)]
pub struct Migration;

#[derive(DeriveIden)]
enum Periods {
    Table,
    Id,
    #[sea_orm(iden = "run_360")]
    Run360,
    #[sea_orm(iden = "deadline_360")]
    Deadline360,
    EvaluationDeadline,
}

#[derive(DeriveIden)]
enum Evaluations {
    Table,
    Id,
    SuggestedPerilaku,
    #[sea_orm(iden = "mean_360")]
    Mean360,
}

#[derive(DeriveIden)]
enum Skps {
    Table,
    Id,
    EmployeeId,
    Year,
    Status,
    ReturnReason,
    ApproverId,
    UnitId,
    Jabatan,
    SubmittedAt,
    DecidedAt,
    CreatedAt,
    UpdatedAt,
}

#[derive(DeriveIden)]
enum SkpExpectations {
    Table,
    Id,
    SkpId,
    ValueCode,
    Expectation,
    UpdatedAt,
}

#[derive(DeriveIden)]
enum Rhks {
    Table,
    Id,
    SkpId,
    Kind,
    Description,
    ParentRhkId,
    Position,
    CreatedAt,
    UpdatedAt,
}

#[derive(DeriveIden)]
enum Indicators {
    Table,
    Id,
    RhkId,
    Aspect,
    Description,
    TargetValue,
    TargetUnit,
    TargetText,
    Position,
    CreatedAt,
    UpdatedAt,
}

#[derive(DeriveIden)]
enum Realisasi {
    Table,
    Id,
    IndicatorId,
    PeriodId,
    EmployeeId,
    ValueNumber,
    ValueText,
    Note,
    CreatedAt,
    UpdatedAt,
}

#[derive(DeriveIden)]
enum Evidence {
    Table,
    Id,
    RealisasiId,
    Kind,
    Url,
    FileName,
    ContentType,
    SizeBytes,
    StorageKey,
    Sha256,
    UploadedBy,
    CreatedAt,
}

#[derive(DeriveIden)]
enum FeedbackNotes {
    Table,
    Id,
    EmployeeId,
    AuthorId,
    PeriodId,
    RhkId,
    ValueCode,
    Body,
    CreatedAt,
}

#[derive(DeriveIden)]
enum CoachingSessions {
    Table,
    Id,
    EmployeeId,
    CoachId,
    HeldOn,
    Topic,
    Notes,
    CoachingRating,
    CompetencyScores,
    CreatedAt,
    UpdatedAt,
}

#[derive(DeriveIden)]
enum Ratings360 {
    #[sea_orm(iden = "ratings_360")]
    Table,
    Id,
    PeriodId,
    RateeId,
    RaterId,
    RaterGroup,
    Status,
    NominatedBy,
    DecisionReason,
    ScorePelayanan,
    ScoreAkuntabel,
    ScoreKompeten,
    ScoreHarmonis,
    ScoreLoyal,
    ScoreAdaptif,
    ScoreKolaboratif,
    Comments,
    OverallComment,
    SubmittedAt,
    CreatedAt,
    UpdatedAt,
}

#[derive(DeriveIden)]
enum OrgResults {
    Table,
    Id,
    PeriodId,
    UnitId,
    Result,
    SetBy,
    OverrideReason,
    FinalisedAt,
    FinalisedBy,
    CreatedAt,
    UpdatedAt,
}

#[derive(DeriveIden)]
enum Appeals {
    Table,
    Id,
    EvaluationId,
    EmployeeId,
    DeciderId,
    Reasons,
    EmployeeStatement,
    PenilaiStatement,
    Status,
    Decision,
    DecisionReason,
    OldRatingHasilKerja,
    OldRatingPerilaku,
    OldPredikat,
    NewRatingHasilKerja,
    NewRatingPerilaku,
    NewPredikat,
    FiledAt,
    DecidedAt,
    CreatedAt,
    UpdatedAt,
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
        // Period: whether this quarter runs a 360 round, and its deadlines.
        for col in [
            boolean(Periods::Run360).default(true).to_owned(),
            date_null(Periods::Deadline360).to_owned(),
            date_null(Periods::EvaluationDeadline).to_owned(),
        ] {
            manager
                .alter_table(
                    Table::alter()
                        .table(Periods::Table)
                        .add_column(col)
                        .to_owned(),
                )
                .await?;
        }
        // Evaluation: the 360 suggestion as it stood when the supervisor rated.
        for col in [
            string_null(Evaluations::SuggestedPerilaku).to_owned(),
            double_null(Evaluations::Mean360).to_owned(),
        ] {
            manager
                .alter_table(
                    Table::alter()
                        .table(Evaluations::Table)
                        .add_column(col)
                        .to_owned(),
                )
                .await?;
        }

        manager
            .create_table(
                Table::create()
                    .table(Skps::Table)
                    .col(pk_uuid(Skps::Id))
                    .col(uuid(Skps::EmployeeId))
                    .col(integer(Skps::Year))
                    .col(string(Skps::Status))
                    .col(text_null(Skps::ReturnReason))
                    .col(uuid_null(Skps::ApproverId))
                    .col(uuid(Skps::UnitId))
                    .col(string(Skps::Jabatan))
                    .col(timestamp_with_time_zone_null(Skps::SubmittedAt))
                    .col(timestamp_with_time_zone_null(Skps::DecidedAt))
                    .col(timestamp_with_time_zone(Skps::CreatedAt))
                    .col(timestamp_with_time_zone(Skps::UpdatedAt))
                    .foreign_key(&mut fk(
                        "fk_skps_employee",
                        (Skps::Table, Skps::EmployeeId),
                        (Employees::Table, Employees::Id),
                        Restrict,
                    ))
                    .foreign_key(&mut fk(
                        "fk_skps_approver",
                        (Skps::Table, Skps::ApproverId),
                        (Employees::Table, Employees::Id),
                        SetNull,
                    ))
                    .foreign_key(&mut fk(
                        "fk_skps_unit",
                        (Skps::Table, Skps::UnitId),
                        (Units::Table, Units::Id),
                        Restrict,
                    ))
                    .to_owned(),
            )
            .await?;
        index(
            manager,
            "uq_skps_employee_year",
            Skps::Table,
            vec![Skps::EmployeeId.into_iden(), Skps::Year.into_iden()],
            true,
        )
        .await?;
        index(
            manager,
            "idx_skps_approver_status",
            Skps::Table,
            vec![Skps::ApproverId.into_iden(), Skps::Status.into_iden()],
            false,
        )
        .await?;

        manager
            .create_table(
                Table::create()
                    .table(SkpExpectations::Table)
                    .col(pk_uuid(SkpExpectations::Id))
                    .col(uuid(SkpExpectations::SkpId))
                    .col(string(SkpExpectations::ValueCode))
                    .col(text(SkpExpectations::Expectation))
                    .col(timestamp_with_time_zone(SkpExpectations::UpdatedAt))
                    .foreign_key(&mut fk(
                        "fk_skp_expectations_skp",
                        (SkpExpectations::Table, SkpExpectations::SkpId),
                        (Skps::Table, Skps::Id),
                        Cascade,
                    ))
                    .to_owned(),
            )
            .await?;
        index(
            manager,
            "uq_skp_expectations_skp_value",
            SkpExpectations::Table,
            vec![
                SkpExpectations::SkpId.into_iden(),
                SkpExpectations::ValueCode.into_iden(),
            ],
            true,
        )
        .await?;

        manager
            .create_table(
                Table::create()
                    .table(Rhks::Table)
                    .col(pk_uuid(Rhks::Id))
                    .col(uuid(Rhks::SkpId))
                    .col(string(Rhks::Kind))
                    .col(text(Rhks::Description))
                    .col(uuid_null(Rhks::ParentRhkId))
                    .col(integer(Rhks::Position))
                    .col(timestamp_with_time_zone(Rhks::CreatedAt))
                    .col(timestamp_with_time_zone(Rhks::UpdatedAt))
                    .foreign_key(&mut fk(
                        "fk_rhks_skp",
                        (Rhks::Table, Rhks::SkpId),
                        (Skps::Table, Skps::Id),
                        Cascade,
                    ))
                    .foreign_key(&mut fk(
                        "fk_rhks_parent",
                        (Rhks::Table, Rhks::ParentRhkId),
                        (Rhks::Table, Rhks::Id),
                        SetNull,
                    ))
                    .to_owned(),
            )
            .await?;
        index(
            manager,
            "idx_rhks_skp",
            Rhks::Table,
            vec![Rhks::SkpId.into_iden()],
            false,
        )
        .await?;
        index(
            manager,
            "idx_rhks_parent",
            Rhks::Table,
            vec![Rhks::ParentRhkId.into_iden()],
            false,
        )
        .await?;

        manager
            .create_table(
                Table::create()
                    .table(Indicators::Table)
                    .col(pk_uuid(Indicators::Id))
                    .col(uuid(Indicators::RhkId))
                    .col(string(Indicators::Aspect))
                    .col(text(Indicators::Description))
                    .col(double_null(Indicators::TargetValue))
                    .col(string_null(Indicators::TargetUnit))
                    .col(text_null(Indicators::TargetText))
                    .col(integer(Indicators::Position))
                    .col(timestamp_with_time_zone(Indicators::CreatedAt))
                    .col(timestamp_with_time_zone(Indicators::UpdatedAt))
                    .foreign_key(&mut fk(
                        "fk_indicators_rhk",
                        (Indicators::Table, Indicators::RhkId),
                        (Rhks::Table, Rhks::Id),
                        Cascade,
                    ))
                    .to_owned(),
            )
            .await?;
        index(
            manager,
            "idx_indicators_rhk",
            Indicators::Table,
            vec![Indicators::RhkId.into_iden()],
            false,
        )
        .await?;

        manager
            .create_table(
                Table::create()
                    .table(Realisasi::Table)
                    .col(pk_uuid(Realisasi::Id))
                    .col(uuid(Realisasi::IndicatorId))
                    .col(uuid(Realisasi::PeriodId))
                    .col(uuid(Realisasi::EmployeeId))
                    .col(double_null(Realisasi::ValueNumber))
                    .col(text_null(Realisasi::ValueText))
                    .col(text_null(Realisasi::Note))
                    .col(timestamp_with_time_zone(Realisasi::CreatedAt))
                    .col(timestamp_with_time_zone(Realisasi::UpdatedAt))
                    .foreign_key(&mut fk(
                        "fk_realisasi_indicator",
                        (Realisasi::Table, Realisasi::IndicatorId),
                        (Indicators::Table, Indicators::Id),
                        Cascade,
                    ))
                    .foreign_key(&mut fk(
                        "fk_realisasi_period",
                        (Realisasi::Table, Realisasi::PeriodId),
                        (Periods::Table, Periods::Id),
                        Restrict,
                    ))
                    .foreign_key(&mut fk(
                        "fk_realisasi_employee",
                        (Realisasi::Table, Realisasi::EmployeeId),
                        (Employees::Table, Employees::Id),
                        Restrict,
                    ))
                    .to_owned(),
            )
            .await?;
        index(
            manager,
            "uq_realisasi_indicator_period",
            Realisasi::Table,
            vec![
                Realisasi::IndicatorId.into_iden(),
                Realisasi::PeriodId.into_iden(),
            ],
            true,
        )
        .await?;
        index(
            manager,
            "idx_realisasi_employee_period",
            Realisasi::Table,
            vec![
                Realisasi::EmployeeId.into_iden(),
                Realisasi::PeriodId.into_iden(),
            ],
            false,
        )
        .await?;

        manager
            .create_table(
                Table::create()
                    .table(Evidence::Table)
                    .col(pk_uuid(Evidence::Id))
                    .col(uuid(Evidence::RealisasiId))
                    .col(string(Evidence::Kind))
                    .col(text_null(Evidence::Url))
                    .col(string_null(Evidence::FileName))
                    .col(string_null(Evidence::ContentType))
                    .col(big_integer_null(Evidence::SizeBytes))
                    .col(string_null(Evidence::StorageKey))
                    .col(string_null(Evidence::Sha256))
                    .col(uuid(Evidence::UploadedBy))
                    .col(timestamp_with_time_zone(Evidence::CreatedAt))
                    .foreign_key(&mut fk(
                        "fk_evidence_realisasi",
                        (Evidence::Table, Evidence::RealisasiId),
                        (Realisasi::Table, Realisasi::Id),
                        Cascade,
                    ))
                    .to_owned(),
            )
            .await?;
        index(
            manager,
            "idx_evidence_realisasi",
            Evidence::Table,
            vec![Evidence::RealisasiId.into_iden()],
            false,
        )
        .await?;

        manager
            .create_table(
                Table::create()
                    .table(FeedbackNotes::Table)
                    .col(pk_uuid(FeedbackNotes::Id))
                    .col(uuid(FeedbackNotes::EmployeeId))
                    .col(uuid(FeedbackNotes::AuthorId))
                    .col(uuid_null(FeedbackNotes::PeriodId))
                    .col(uuid_null(FeedbackNotes::RhkId))
                    .col(string_null(FeedbackNotes::ValueCode))
                    .col(text(FeedbackNotes::Body))
                    .col(timestamp_with_time_zone(FeedbackNotes::CreatedAt))
                    .foreign_key(&mut fk(
                        "fk_feedback_notes_employee",
                        (FeedbackNotes::Table, FeedbackNotes::EmployeeId),
                        (Employees::Table, Employees::Id),
                        Restrict,
                    ))
                    .foreign_key(&mut fk(
                        "fk_feedback_notes_author",
                        (FeedbackNotes::Table, FeedbackNotes::AuthorId),
                        (Employees::Table, Employees::Id),
                        Restrict,
                    ))
                    .foreign_key(&mut fk(
                        "fk_feedback_notes_period",
                        (FeedbackNotes::Table, FeedbackNotes::PeriodId),
                        (Periods::Table, Periods::Id),
                        SetNull,
                    ))
                    .foreign_key(&mut fk(
                        "fk_feedback_notes_rhk",
                        (FeedbackNotes::Table, FeedbackNotes::RhkId),
                        (Rhks::Table, Rhks::Id),
                        SetNull,
                    ))
                    .to_owned(),
            )
            .await?;
        index(
            manager,
            "idx_feedback_notes_employee_created",
            FeedbackNotes::Table,
            vec![
                FeedbackNotes::EmployeeId.into_iden(),
                FeedbackNotes::CreatedAt.into_iden(),
            ],
            false,
        )
        .await?;

        manager
            .create_table(
                Table::create()
                    .table(CoachingSessions::Table)
                    .col(pk_uuid(CoachingSessions::Id))
                    .col(uuid(CoachingSessions::EmployeeId))
                    .col(uuid(CoachingSessions::CoachId))
                    .col(date(CoachingSessions::HeldOn))
                    .col(string(CoachingSessions::Topic))
                    .col(text_null(CoachingSessions::Notes))
                    .col(text_null(CoachingSessions::CoachingRating))
                    .col(text_null(CoachingSessions::CompetencyScores))
                    .col(timestamp_with_time_zone(CoachingSessions::CreatedAt))
                    .col(timestamp_with_time_zone(CoachingSessions::UpdatedAt))
                    .foreign_key(&mut fk(
                        "fk_coaching_sessions_employee",
                        (CoachingSessions::Table, CoachingSessions::EmployeeId),
                        (Employees::Table, Employees::Id),
                        Restrict,
                    ))
                    .foreign_key(&mut fk(
                        "fk_coaching_sessions_coach",
                        (CoachingSessions::Table, CoachingSessions::CoachId),
                        (Employees::Table, Employees::Id),
                        Restrict,
                    ))
                    .to_owned(),
            )
            .await?;
        index(
            manager,
            "idx_coaching_sessions_employee",
            CoachingSessions::Table,
            vec![
                CoachingSessions::EmployeeId.into_iden(),
                CoachingSessions::HeldOn.into_iden(),
            ],
            false,
        )
        .await?;

        manager
            .create_table(
                Table::create()
                    .table(Ratings360::Table)
                    .col(pk_uuid(Ratings360::Id))
                    .col(uuid(Ratings360::PeriodId))
                    .col(uuid(Ratings360::RateeId))
                    .col(uuid(Ratings360::RaterId))
                    .col(string(Ratings360::RaterGroup))
                    .col(string(Ratings360::Status))
                    .col(uuid_null(Ratings360::NominatedBy))
                    .col(text_null(Ratings360::DecisionReason))
                    .col(small_integer_null(Ratings360::ScorePelayanan))
                    .col(small_integer_null(Ratings360::ScoreAkuntabel))
                    .col(small_integer_null(Ratings360::ScoreKompeten))
                    .col(small_integer_null(Ratings360::ScoreHarmonis))
                    .col(small_integer_null(Ratings360::ScoreLoyal))
                    .col(small_integer_null(Ratings360::ScoreAdaptif))
                    .col(small_integer_null(Ratings360::ScoreKolaboratif))
                    .col(text_null(Ratings360::Comments))
                    .col(text_null(Ratings360::OverallComment))
                    .col(timestamp_with_time_zone_null(Ratings360::SubmittedAt))
                    .col(timestamp_with_time_zone(Ratings360::CreatedAt))
                    .col(timestamp_with_time_zone(Ratings360::UpdatedAt))
                    .foreign_key(&mut fk(
                        "fk_ratings_360_period",
                        (Ratings360::Table, Ratings360::PeriodId),
                        (Periods::Table, Periods::Id),
                        Restrict,
                    ))
                    .foreign_key(&mut fk(
                        "fk_ratings_360_ratee",
                        (Ratings360::Table, Ratings360::RateeId),
                        (Employees::Table, Employees::Id),
                        Restrict,
                    ))
                    .foreign_key(&mut fk(
                        "fk_ratings_360_rater",
                        (Ratings360::Table, Ratings360::RaterId),
                        (Employees::Table, Employees::Id),
                        Restrict,
                    ))
                    .to_owned(),
            )
            .await?;
        index(
            manager,
            "uq_ratings_360_period_ratee_rater",
            Ratings360::Table,
            vec![
                Ratings360::PeriodId.into_iden(),
                Ratings360::RateeId.into_iden(),
                Ratings360::RaterId.into_iden(),
            ],
            true,
        )
        .await?;
        index(
            manager,
            "idx_ratings_360_period_rater",
            Ratings360::Table,
            vec![
                Ratings360::PeriodId.into_iden(),
                Ratings360::RaterId.into_iden(),
            ],
            false,
        )
        .await?;
        index(
            manager,
            "idx_ratings_360_period_ratee_status",
            Ratings360::Table,
            vec![
                Ratings360::PeriodId.into_iden(),
                Ratings360::RateeId.into_iden(),
                Ratings360::Status.into_iden(),
            ],
            false,
        )
        .await?;

        manager
            .create_table(
                Table::create()
                    .table(OrgResults::Table)
                    .col(pk_uuid(OrgResults::Id))
                    .col(uuid(OrgResults::PeriodId))
                    .col(uuid(OrgResults::UnitId))
                    .col(string(OrgResults::Result))
                    .col(string(OrgResults::SetBy))
                    .col(text_null(OrgResults::OverrideReason))
                    .col(timestamp_with_time_zone_null(OrgResults::FinalisedAt))
                    .col(string_null(OrgResults::FinalisedBy))
                    .col(timestamp_with_time_zone(OrgResults::CreatedAt))
                    .col(timestamp_with_time_zone(OrgResults::UpdatedAt))
                    .foreign_key(&mut fk(
                        "fk_org_results_period",
                        (OrgResults::Table, OrgResults::PeriodId),
                        (Periods::Table, Periods::Id),
                        Restrict,
                    ))
                    .foreign_key(&mut fk(
                        "fk_org_results_unit",
                        (OrgResults::Table, OrgResults::UnitId),
                        (Units::Table, Units::Id),
                        Restrict,
                    ))
                    .to_owned(),
            )
            .await?;
        index(
            manager,
            "uq_org_results_period_unit",
            OrgResults::Table,
            vec![
                OrgResults::PeriodId.into_iden(),
                OrgResults::UnitId.into_iden(),
            ],
            true,
        )
        .await?;

        manager
            .create_table(
                Table::create()
                    .table(Appeals::Table)
                    .col(pk_uuid(Appeals::Id))
                    .col(uuid(Appeals::EvaluationId))
                    .col(uuid(Appeals::EmployeeId))
                    .col(uuid(Appeals::DeciderId))
                    .col(text(Appeals::Reasons))
                    .col(text_null(Appeals::EmployeeStatement))
                    .col(text_null(Appeals::PenilaiStatement))
                    .col(string(Appeals::Status))
                    .col(string_null(Appeals::Decision))
                    .col(text_null(Appeals::DecisionReason))
                    .col(string(Appeals::OldRatingHasilKerja))
                    .col(string(Appeals::OldRatingPerilaku))
                    .col(string(Appeals::OldPredikat))
                    .col(string_null(Appeals::NewRatingHasilKerja))
                    .col(string_null(Appeals::NewRatingPerilaku))
                    .col(string_null(Appeals::NewPredikat))
                    .col(timestamp_with_time_zone(Appeals::FiledAt))
                    .col(timestamp_with_time_zone_null(Appeals::DecidedAt))
                    .col(timestamp_with_time_zone(Appeals::CreatedAt))
                    .col(timestamp_with_time_zone(Appeals::UpdatedAt))
                    .foreign_key(&mut fk(
                        "fk_appeals_evaluation",
                        (Appeals::Table, Appeals::EvaluationId),
                        (Evaluations::Table, Evaluations::Id),
                        Restrict,
                    ))
                    .foreign_key(&mut fk(
                        "fk_appeals_employee",
                        (Appeals::Table, Appeals::EmployeeId),
                        (Employees::Table, Employees::Id),
                        Restrict,
                    ))
                    .foreign_key(&mut fk(
                        "fk_appeals_decider",
                        (Appeals::Table, Appeals::DeciderId),
                        (Employees::Table, Employees::Id),
                        Restrict,
                    ))
                    .to_owned(),
            )
            .await?;
        index(
            manager,
            "uq_appeals_evaluation",
            Appeals::Table,
            vec![Appeals::EvaluationId.into_iden()],
            true,
        )
        .await?;
        index(
            manager,
            "idx_appeals_decider_status",
            Appeals::Table,
            vec![Appeals::DeciderId.into_iden(), Appeals::Status.into_iden()],
            false,
        )
        .await
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        for t in [
            Appeals::Table.into_iden(),
            OrgResults::Table.into_iden(),
            Ratings360::Table.into_iden(),
            CoachingSessions::Table.into_iden(),
            FeedbackNotes::Table.into_iden(),
            Evidence::Table.into_iden(),
            Realisasi::Table.into_iden(),
            Indicators::Table.into_iden(),
            Rhks::Table.into_iden(),
            SkpExpectations::Table.into_iden(),
            Skps::Table.into_iden(),
        ] {
            manager
                .drop_table(Table::drop().table(t).to_owned())
                .await?;
        }
        for c in [
            Evaluations::SuggestedPerilaku.into_iden(),
            Evaluations::Mean360.into_iden(),
        ] {
            manager
                .alter_table(
                    Table::alter()
                        .table(Evaluations::Table)
                        .drop_column(c)
                        .to_owned(),
                )
                .await?;
        }
        for c in [
            Periods::Run360.into_iden(),
            Periods::Deadline360.into_iden(),
            Periods::EvaluationDeadline.into_iden(),
        ] {
            manager
                .alter_table(
                    Table::alter()
                        .table(Periods::Table)
                        .drop_column(c)
                        .to_owned(),
                )
                .await?;
        }
        Ok(())
    }
}
