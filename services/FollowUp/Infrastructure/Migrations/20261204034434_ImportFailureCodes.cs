using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Medborgare.FollowUp.Infrastructure.Migrations
{
    /// <inheritdoc />
    public partial class ImportFailureCodes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "failure",
                table: "key_figure_imports",
                type: "jsonb",
                nullable: true);

            // Imports that failed before codes keep their sentence, under the code for an uncoded failure.
            migrationBuilder.Sql(
                "UPDATE key_figure_imports SET failure = jsonb_build_object('code', 'import-failed', 'value', error) WHERE error IS NOT NULL;");

            migrationBuilder.DropColumn(
                name: "error",
                table: "key_figure_imports");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "error",
                table: "key_figure_imports",
                type: "character varying(4000)",
                maxLength: 4000,
                nullable: true);

            migrationBuilder.Sql(
                "UPDATE key_figure_imports SET error = left(coalesce(failure->>'value', failure->>'code'), 4000) WHERE failure IS NOT NULL;");

            migrationBuilder.DropColumn(
                name: "failure",
                table: "key_figure_imports");
        }
    }
}
