using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace Medborgare.Collection.Infrastructure.Migrations
{
    /// <inheritdoc />
    public partial class SynpunkterAsCases : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "answer",
                table: "feedback",
                type: "character varying(10000)",
                maxLength: 10000,
                nullable: true);

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "answered_at",
                table: "feedback",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "answered_by",
                table: "feedback",
                type: "character varying(200)",
                maxLength: 200,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "assigned_to",
                table: "feedback",
                type: "character varying(200)",
                maxLength: 200,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "channel",
                table: "feedback",
                type: "character varying(20)",
                maxLength: 20,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "closed_at",
                table: "feedback",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "committee",
                table: "feedback",
                type: "character varying(200)",
                maxLength: 200,
                nullable: true);

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "contact_purged_at",
                table: "feedback",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<DateOnly>(
                name: "due_date",
                table: "feedback",
                type: "date",
                nullable: false,
                defaultValue: new DateOnly(1, 1, 1));

            migrationBuilder.AddColumn<string>(
                name: "proposed_committee",
                table: "feedback",
                type: "character varying(200)",
                maxLength: 200,
                nullable: true);

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "published_at",
                table: "feedback",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "receipt",
                table: "feedback",
                type: "character varying(20)",
                maxLength: 20,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<string>(
                name: "status",
                table: "feedback",
                type: "character varying(20)",
                maxLength: 20,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<int>(
                name: "working_days_taken",
                table: "feedback",
                type: "integer",
                nullable: true);

            migrationBuilder.AddColumn<uint>(
                name: "xmin",
                table: "feedback",
                type: "xid",
                rowVersion: true,
                nullable: false,
                defaultValue: 0u);

            // Feedback from before cases: each gets a receipt, counts as received on the web, and is due ten working days
            // (two weeks) after it arrived. Committees are proposed when the goal chain's routes arrive.
            migrationBuilder.Sql("""
                UPDATE feedback f SET receipt = 'S-' || substr(x.r, 1, 5) || '-' || substr(x.r, 6, 5)
                FROM (SELECT id, translate(upper(substr(md5(random()::text || id::text), 1, 10)), '01', 'WX') AS r FROM feedback) x
                WHERE f.id = x.id;
                UPDATE feedback SET channel = 'Web', status = 'Received',
                    due_date = (received_at AT TIME ZONE 'Europe/Stockholm')::date + 14;
                """);

            migrationBuilder.CreateTable(
                name: "case_events",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    feedback_id = table.Column<Guid>(type: "uuid", nullable: false),
                    at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    actor = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    kind = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: false),
                    detail = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_case_events", x => x.id);
                    table.ForeignKey(
                        name: "fk_case_events_feedback_feedback_id",
                        column: x => x.feedback_id,
                        principalTable: "feedback",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "committee_routes",
                columns: table => new
                {
                    municipality_code = table.Column<string>(type: "character(4)", fixedLength: true, maxLength: 4, nullable: false),
                    goal_area = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: false),
                    goal_area_title = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    committee = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    changed_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_committee_routes", x => new { x.municipality_code, x.goal_area });
                });

            migrationBuilder.CreateTable(
                name: "outgoing_emails",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    feedback_id = table.Column<Guid>(type: "uuid", nullable: false),
                    to_address = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    masked_to = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    subject = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    body = table.Column<string>(type: "character varying(20000)", maxLength: 20000, nullable: false),
                    status = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    queued_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    next_attempt_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    sent_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    attempts = table.Column<int>(type: "integer", nullable: false),
                    last_error = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_outgoing_emails", x => x.id);
                    table.ForeignKey(
                        name: "fk_outgoing_emails_feedback_feedback_id",
                        column: x => x.feedback_id,
                        principalTable: "feedback",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "ix_feedback_closed_at",
                table: "feedback",
                column: "closed_at",
                filter: "closed_at IS NOT NULL AND contact_purged_at IS NULL");

            migrationBuilder.CreateIndex(
                name: "ix_feedback_committee_status_due_date",
                table: "feedback",
                columns: new[] { "committee", "status", "due_date" });

            migrationBuilder.CreateIndex(
                name: "ix_feedback_goal_area_published_at",
                table: "feedback",
                columns: new[] { "goal_area", "published_at" },
                filter: "published_at IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "ix_feedback_receipt",
                table: "feedback",
                column: "receipt",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_case_events_feedback_id_at",
                table: "case_events",
                columns: new[] { "feedback_id", "at" });

            migrationBuilder.CreateIndex(
                name: "ix_outgoing_emails_feedback_id",
                table: "outgoing_emails",
                column: "feedback_id");

            migrationBuilder.CreateIndex(
                name: "ix_outgoing_emails_next_attempt_at",
                table: "outgoing_emails",
                column: "next_attempt_at",
                filter: "status = 'Pending'");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "case_events");

            migrationBuilder.DropTable(
                name: "committee_routes");

            migrationBuilder.DropTable(
                name: "outgoing_emails");

            migrationBuilder.DropIndex(
                name: "ix_feedback_closed_at",
                table: "feedback");

            migrationBuilder.DropIndex(
                name: "ix_feedback_committee_status_due_date",
                table: "feedback");

            migrationBuilder.DropIndex(
                name: "ix_feedback_goal_area_published_at",
                table: "feedback");

            migrationBuilder.DropIndex(
                name: "ix_feedback_receipt",
                table: "feedback");

            migrationBuilder.DropColumn(
                name: "answer",
                table: "feedback");

            migrationBuilder.DropColumn(
                name: "answered_at",
                table: "feedback");

            migrationBuilder.DropColumn(
                name: "answered_by",
                table: "feedback");

            migrationBuilder.DropColumn(
                name: "assigned_to",
                table: "feedback");

            migrationBuilder.DropColumn(
                name: "channel",
                table: "feedback");

            migrationBuilder.DropColumn(
                name: "closed_at",
                table: "feedback");

            migrationBuilder.DropColumn(
                name: "committee",
                table: "feedback");

            migrationBuilder.DropColumn(
                name: "contact_purged_at",
                table: "feedback");

            migrationBuilder.DropColumn(
                name: "due_date",
                table: "feedback");

            migrationBuilder.DropColumn(
                name: "proposed_committee",
                table: "feedback");

            migrationBuilder.DropColumn(
                name: "published_at",
                table: "feedback");

            migrationBuilder.DropColumn(
                name: "receipt",
                table: "feedback");

            migrationBuilder.DropColumn(
                name: "status",
                table: "feedback");

            migrationBuilder.DropColumn(
                name: "working_days_taken",
                table: "feedback");

            migrationBuilder.DropColumn(
                name: "xmin",
                table: "feedback");
        }
    }
}
