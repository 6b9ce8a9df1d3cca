using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Medborgare.Analysis.Infrastructure.Migrations
{
    /// <inheritdoc />
    public partial class StatisticsFillFactor : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AlterTable(
                name: "cell_pair_statistics")
                .Annotation("Npgsql:StorageParameter:fillfactor", 70);

            migrationBuilder.AlterTable(
                name: "cell_item_statistics")
                .Annotation("Npgsql:StorageParameter:fillfactor", 70);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AlterTable(
                name: "cell_pair_statistics")
                .OldAnnotation("Npgsql:StorageParameter:fillfactor", 70);

            migrationBuilder.AlterTable(
                name: "cell_item_statistics")
                .OldAnnotation("Npgsql:StorageParameter:fillfactor", 70);
        }
    }
}
