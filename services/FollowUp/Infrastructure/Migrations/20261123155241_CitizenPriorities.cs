using System;
using System.Collections.Generic;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace Medborgare.FollowUp.Infrastructure.Migrations
{
    /// <inheritdoc />
    public partial class CitizenPriorities : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "citizen_priorities",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    municipality_code = table.Column<string>(type: "character(4)", fixedLength: true, maxLength: 4, nullable: false),
                    year = table.Column<int>(type: "integer", nullable: false),
                    survey_id = table.Column<Guid>(type: "uuid", nullable: false),
                    overall_key = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    factor_key = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    name_sv = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: false),
                    name_en = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    score = table.Column<double>(type: "double precision", nullable: false),
                    effect = table.Column<double>(type: "double precision", nullable: false),
                    n = table.Column<int>(type: "integer", nullable: false),
                    quadrant = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: false),
                    goal_area_tags = table.Column<List<string>>(type: "text[]", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_citizen_priorities", x => x.id);
                });

            migrationBuilder.CreateIndex(
                name: "ix_citizen_priorities_municipality_code_year_overall_key_facto",
                table: "citizen_priorities",
                columns: new[] { "municipality_code", "year", "overall_key", "factor_key" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "citizen_priorities");
        }
    }
}
