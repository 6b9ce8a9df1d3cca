using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Medborgare.Analysis.Infrastructure.Migrations
{
    /// <inheritdoc />
    public partial class KeepPublishedCurrent : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<bool>(
                name: "keep_published_current",
                table: "surveys",
                type: "boolean",
                nullable: false,
                defaultValue: false);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "keep_published_current",
                table: "surveys");
        }
    }
}
