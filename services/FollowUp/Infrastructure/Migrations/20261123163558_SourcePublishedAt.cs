using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Medborgare.FollowUp.Infrastructure.Migrations
{
    /// <inheritdoc />
    public partial class SourcePublishedAt : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "source_published_at",
                table: "citizen_results",
                type: "timestamp with time zone",
                nullable: false,
                defaultValue: new DateTimeOffset(new DateTime(1, 1, 1, 0, 0, 0, 0, DateTimeKind.Unspecified), new TimeSpan(0, 0, 0, 0, 0)));
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "source_published_at",
                table: "citizen_results");
        }
    }
}
