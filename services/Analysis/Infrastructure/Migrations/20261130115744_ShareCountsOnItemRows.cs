using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Medborgare.Analysis.Infrastructure.Migrations
{
    /// <inheritdoc />
    public partial class ShareCountsOnItemRows : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<long>(
                name: "high_count",
                table: "cell_item_statistics",
                type: "bigint",
                nullable: false,
                defaultValue: 0L);

            migrationBuilder.AddColumn<long>(
                name: "low_count",
                table: "cell_item_statistics",
                type: "bigint",
                nullable: false,
                defaultValue: 0L);

            migrationBuilder.AddColumn<long>(
                name: "middle_count",
                table: "cell_item_statistics",
                type: "bigint",
                nullable: false,
                defaultValue: 0L);

            // The shares' rows of earlier versions move onto their items' rows, and go.
            foreach (var band in new[] { "low", "middle", "high" })
            {
                migrationBuilder.Sql($"""
                    UPDATE cell_item_statistics AS i SET {band}_count = round(s.sum)::bigint
                    FROM cell_item_statistics AS s
                    WHERE s.survey_id = i.survey_id AND s.district = i.district AND s.sex = i.sex AND s.age_group = i.age_group
                      AND s.item_key = i.item_key || ':{band}';
                    DELETE FROM cell_item_statistics AS s
                    USING cell_item_statistics AS i
                    WHERE s.survey_id = i.survey_id AND s.district = i.district AND s.sex = i.sex AND s.age_group = i.age_group
                      AND s.item_key = i.item_key || ':{band}';
                    """);
            }
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            foreach (var band in new[] { "low", "middle", "high" })
            {
                migrationBuilder.Sql($"""
                    INSERT INTO cell_item_statistics (survey_id, district, sex, age_group, item_key, n, sum, sum_of_squares)
                    SELECT survey_id, district, sex, age_group, item_key || ':{band}', n, {band}_count, {band}_count
                    FROM cell_item_statistics
                    WHERE item_key <> '' AND low_count + middle_count + high_count > 0;
                    """);
            }
            migrationBuilder.DropColumn(
                name: "high_count",
                table: "cell_item_statistics");

            migrationBuilder.DropColumn(
                name: "low_count",
                table: "cell_item_statistics");

            migrationBuilder.DropColumn(
                name: "middle_count",
                table: "cell_item_statistics");
        }
    }
}
