using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Medborgare.FollowUp.Infrastructure.Migrations
{
    /// <inheritdoc />
    public partial class FeedbackOutcomesAndAreaRouting : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "published_responsibility",
                table: "goals",
                type: "character varying(600)",
                maxLength: 600,
                nullable: true);

            migrationBuilder.CreateTable(
                name: "feedback_outcomes",
                columns: table => new
                {
                    feedback_id = table.Column<Guid>(type: "uuid", nullable: false),
                    municipality_code = table.Column<string>(type: "character(4)", fixedLength: true, maxLength: 4, nullable: false),
                    category = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    goal_area = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    committee = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    received_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    answered_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    due_date = table.Column<DateOnly>(type: "date", nullable: false),
                    working_days = table.Column<int>(type: "integer", nullable: false),
                    in_time = table.Column<bool>(type: "boolean", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_feedback_outcomes", x => x.feedback_id);
                });

            migrationBuilder.CreateIndex(
                name: "ix_feedback_outcomes_municipality_code_answered_at",
                table: "feedback_outcomes",
                columns: new[] { "municipality_code", "answered_at" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "feedback_outcomes");

            migrationBuilder.DropColumn(
                name: "published_responsibility",
                table: "goals");
        }
    }
}
