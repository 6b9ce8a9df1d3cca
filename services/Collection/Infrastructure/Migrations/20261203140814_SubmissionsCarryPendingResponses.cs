using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Medborgare.Collection.Infrastructure.Migrations
{
    /// <inheritdoc />
    public partial class SubmissionsCarryPendingResponses : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // Answered flags not yet announced by the old announcer leave as batches, one per survey, like the new ones do.
            migrationBuilder.Sql("""
                INSERT INTO outbox_messages (id, message_type, body, created_at, attempts)
                SELECT gen_random_uuid(), 'Medborgare.Contracts.InvitationsAnswered',
                       jsonb_build_object('surveyId', i.survey_id, 'codeHashes', jsonb_agg(i.code_hash ORDER BY random())), now(), 0
                FROM submissions s JOIN invitations i ON i.id = s.invitation_id
                WHERE NOT s.answered_announced
                GROUP BY i.survey_id
                """);

            migrationBuilder.DropTable(
                name: "responses");

            migrationBuilder.DropIndex(
                name: "ix_submissions_answered_announced",
                table: "submissions");

            migrationBuilder.DropColumn(
                name: "answered_announced",
                table: "submissions");

            migrationBuilder.AddColumn<string>(
                name: "pending_answers",
                table: "submissions",
                type: "jsonb",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "pending_channel",
                table: "submissions",
                type: "character varying(10)",
                maxLength: 10,
                nullable: true);

            migrationBuilder.AddColumn<Guid>(
                name: "pending_response_id",
                table: "submissions",
                type: "uuid",
                nullable: true);

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "pending_since",
                table: "submissions",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "pending_trace_parent",
                table: "submissions",
                type: "character varying(100)",
                maxLength: 100,
                nullable: true);

            migrationBuilder.CreateIndex(
                name: "ix_submissions_pending_since",
                table: "submissions",
                column: "pending_since",
                filter: "pending_since IS NOT NULL");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "ix_submissions_pending_since",
                table: "submissions");

            migrationBuilder.DropColumn(
                name: "pending_answers",
                table: "submissions");

            migrationBuilder.DropColumn(
                name: "pending_channel",
                table: "submissions");

            migrationBuilder.DropColumn(
                name: "pending_response_id",
                table: "submissions");

            migrationBuilder.DropColumn(
                name: "pending_since",
                table: "submissions");

            migrationBuilder.DropColumn(
                name: "pending_trace_parent",
                table: "submissions");

            migrationBuilder.AddColumn<bool>(
                name: "answered_announced",
                table: "submissions",
                type: "boolean",
                nullable: false,
                defaultValue: false);

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
                name: "ix_submissions_answered_announced",
                table: "submissions",
                column: "answered_announced",
                filter: "answered_announced = false");

            migrationBuilder.CreateIndex(
                name: "ix_responses_survey_id",
                table: "responses",
                column: "survey_id");
        }
    }
}
