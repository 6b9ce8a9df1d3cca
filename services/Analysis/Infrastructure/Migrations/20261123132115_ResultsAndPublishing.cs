using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Medborgare.Analysis.Infrastructure.Migrations
{
    /// <inheritdoc />
    public partial class ResultsAndPublishing : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "closed_at",
                table: "surveys",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "results_published_at",
                table: "surveys",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "cell_pair_statistics",
                columns: table => new
                {
                    survey_id = table.Column<Guid>(type: "uuid", nullable: false),
                    district = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    sex = table.Column<string>(type: "character varying(1)", maxLength: 1, nullable: false),
                    age_group = table.Column<string>(type: "character varying(10)", maxLength: 10, nullable: false),
                    factor_key = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    overall_key = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    n = table.Column<long>(type: "bigint", nullable: false),
                    sum_x = table.Column<double>(type: "double precision", nullable: false),
                    sum_y = table.Column<double>(type: "double precision", nullable: false),
                    sum_xx = table.Column<double>(type: "double precision", nullable: false),
                    sum_xy = table.Column<double>(type: "double precision", nullable: false),
                    sum_yy = table.Column<double>(type: "double precision", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_cell_pair_statistics", x => new { x.survey_id, x.district, x.sex, x.age_group, x.factor_key, x.overall_key });
                });

            migrationBuilder.CreateTable(
                name: "feedback",
                columns: table => new
                {
                    feedback_id = table.Column<Guid>(type: "uuid", nullable: false),
                    municipality_code = table.Column<string>(type: "character varying(4)", maxLength: 4, nullable: false),
                    category = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    goal_area = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    district = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    masked_text = table.Column<string>(type: "text", nullable: false),
                    received_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_feedback", x => x.feedback_id);
                });

            migrationBuilder.CreateTable(
                name: "population_margins",
                columns: table => new
                {
                    survey_id = table.Column<Guid>(type: "uuid", nullable: false),
                    district = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    sex = table.Column<string>(type: "character varying(1)", maxLength: 1, nullable: false),
                    age_group = table.Column<string>(type: "character varying(10)", maxLength: 10, nullable: false),
                    count = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_population_margins", x => new { x.survey_id, x.district, x.sex, x.age_group });
                });

            migrationBuilder.CreateTable(
                name: "published_indicators",
                columns: table => new
                {
                    survey_id = table.Column<Guid>(type: "uuid", nullable: false),
                    key = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    kind = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    value = table.Column<double>(type: "double precision", nullable: false),
                    standard_error = table.Column<double>(type: "double precision", nullable: false),
                    n = table.Column<long>(type: "bigint", nullable: false),
                    mean = table.Column<double>(type: "double precision", nullable: false),
                    mean_standard_error = table.Column<double>(type: "double precision", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_published_indicators", x => new { x.survey_id, x.key });
                });

            migrationBuilder.CreateIndex(
                name: "ix_feedback_received_at",
                table: "feedback",
                column: "received_at");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "cell_pair_statistics");

            migrationBuilder.DropTable(
                name: "feedback");

            migrationBuilder.DropTable(
                name: "population_margins");

            migrationBuilder.DropTable(
                name: "published_indicators");

            migrationBuilder.DropColumn(
                name: "closed_at",
                table: "surveys");

            migrationBuilder.DropColumn(
                name: "results_published_at",
                table: "surveys");
        }
    }
}
