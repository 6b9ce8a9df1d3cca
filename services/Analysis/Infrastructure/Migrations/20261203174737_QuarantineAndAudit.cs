using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Medborgare.Analysis.Infrastructure.Migrations
{
    /// <inheritdoc />
    public partial class QuarantineAndAudit : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropPrimaryKey(
                name: "pk_quarantined_messages",
                table: "quarantined_messages");

            migrationBuilder.AlterColumn<string>(
                name: "message_type",
                table: "quarantined_messages",
                type: "character varying(300)",
                maxLength: 300,
                nullable: false,
                oldClrType: typeof(string),
                oldType: "character varying(200)",
                oldMaxLength: 200);

            // The rows Analysis quarantined so far fit the shared model: the JSON body as its bytes, a row id of its own, and the queue
            // each consumer reads (where "send again" puts it).
            migrationBuilder.Sql("""
                ALTER TABLE quarantined_messages ALTER COLUMN body TYPE bytea USING convert_to(body::text, 'UTF8');
                ALTER TABLE quarantined_messages ADD COLUMN id uuid NOT NULL DEFAULT gen_random_uuid();
                ALTER TABLE quarantined_messages ALTER COLUMN id DROP DEFAULT;
                ALTER TABLE quarantined_messages ADD COLUMN content_type character varying(100) NOT NULL DEFAULT 'application/json';
                ALTER TABLE quarantined_messages ALTER COLUMN content_type DROP DEFAULT;
                ALTER TABLE quarantined_messages ADD COLUMN headers jsonb NULL;
                ALTER TABLE quarantined_messages ADD COLUMN queue character varying(200) NOT NULL DEFAULT '';
                UPDATE quarantined_messages SET queue = CASE consumer
                    WHEN 'SurveyResponseBatchConsumer' THEN 'analysis-survey-response-batch'
                    WHEN 'SurveyResponsesBatchConsumer' THEN 'analysis-survey-responses-batch'
                    ELSE consumer END;
                ALTER TABLE quarantined_messages ALTER COLUMN queue DROP DEFAULT;
                """);

            migrationBuilder.AddPrimaryKey(
                name: "pk_quarantined_messages",
                table: "quarantined_messages",
                column: "id");

            migrationBuilder.CreateTable(
                name: "quarantine_audit",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    quarantine_id = table.Column<Guid>(type: "uuid", nullable: false),
                    message_id = table.Column<Guid>(type: "uuid", nullable: false),
                    action = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    user_name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    message_type = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    queue = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    error = table.Column<string>(type: "text", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_quarantine_audit", x => x.id);
                });

            migrationBuilder.CreateIndex(
                name: "ix_quarantined_messages_message_id_consumer",
                table: "quarantined_messages",
                columns: new[] { "message_id", "consumer" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_quarantined_messages_quarantined_at",
                table: "quarantined_messages",
                column: "quarantined_at");

            migrationBuilder.CreateIndex(
                name: "ix_quarantine_audit_quarantine_id",
                table: "quarantine_audit",
                column: "quarantine_id");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "quarantine_audit");

            migrationBuilder.DropPrimaryKey(
                name: "pk_quarantined_messages",
                table: "quarantined_messages");

            migrationBuilder.DropIndex(
                name: "ix_quarantined_messages_message_id_consumer",
                table: "quarantined_messages");

            migrationBuilder.DropIndex(
                name: "ix_quarantined_messages_quarantined_at",
                table: "quarantined_messages");

            migrationBuilder.DropColumn(
                name: "id",
                table: "quarantined_messages");

            migrationBuilder.DropColumn(
                name: "content_type",
                table: "quarantined_messages");

            migrationBuilder.DropColumn(
                name: "headers",
                table: "quarantined_messages");

            migrationBuilder.DropColumn(
                name: "queue",
                table: "quarantined_messages");

            migrationBuilder.AlterColumn<string>(
                name: "message_type",
                table: "quarantined_messages",
                type: "character varying(200)",
                maxLength: 200,
                nullable: false,
                oldClrType: typeof(string),
                oldType: "character varying(300)",
                oldMaxLength: 300);

            migrationBuilder.Sql("ALTER TABLE quarantined_messages ALTER COLUMN body TYPE jsonb USING convert_from(body, 'UTF8')::jsonb;");

            migrationBuilder.AddPrimaryKey(
                name: "pk_quarantined_messages",
                table: "quarantined_messages",
                column: "message_id");
        }
    }
}
