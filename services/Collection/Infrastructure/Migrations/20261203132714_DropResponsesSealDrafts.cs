using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Medborgare.Collection.Infrastructure.Migrations
{
    /// <inheritdoc />
    public partial class DropResponsesSealDrafts : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "responses");

            migrationBuilder.AddColumn<string>(
                name: "channel",
                table: "drafts",
                type: "character varying(10)",
                maxLength: 10,
                nullable: true);

            migrationBuilder.AddColumn<Guid>(
                name: "response_id",
                table: "drafts",
                type: "uuid",
                nullable: true);

            migrationBuilder.AddColumn<bool>(
                name: "sealed",
                table: "drafts",
                type: "boolean",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<DateOnly>(
                name: "submitted_on",
                table: "drafts",
                type: "date",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "trace_parent",
                table: "drafts",
                type: "character varying(100)",
                maxLength: 100,
                nullable: true);

            migrationBuilder.CreateIndex(
                name: "ix_drafts_sealed",
                table: "drafts",
                column: "sealed",
                filter: "sealed");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "ix_drafts_sealed",
                table: "drafts");

            migrationBuilder.DropColumn(
                name: "channel",
                table: "drafts");

            migrationBuilder.DropColumn(
                name: "response_id",
                table: "drafts");

            migrationBuilder.DropColumn(
                name: "sealed",
                table: "drafts");

            migrationBuilder.DropColumn(
                name: "submitted_on",
                table: "drafts");

            migrationBuilder.DropColumn(
                name: "trace_parent",
                table: "drafts");

            migrationBuilder.CreateTable(
                name: "responses",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    age_group = table.Column<string>(type: "character varying(10)", maxLength: 10, nullable: false),
                    answers = table.Column<string>(type: "jsonb", nullable: false),
                    channel = table.Column<string>(type: "character varying(10)", maxLength: 10, nullable: false),
                    district = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    sex = table.Column<string>(type: "character varying(1)", maxLength: 1, nullable: false),
                    submitted_on = table.Column<DateOnly>(type: "date", nullable: false),
                    survey_id = table.Column<Guid>(type: "uuid", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_responses", x => x.id);
                });

            migrationBuilder.CreateIndex(
                name: "ix_responses_survey_id",
                table: "responses",
                column: "survey_id");
        }
    }
}
