using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Medborgare.Analysis.Infrastructure.Migrations
{
    /// <inheritdoc />
    public partial class OneStatisticsRowPerCell : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "cell_statistics",
                columns: table => new
                {
                    survey_id = table.Column<Guid>(type: "uuid", nullable: false),
                    district = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    sex = table.Column<string>(type: "character varying(1)", maxLength: 1, nullable: false),
                    age_group = table.Column<string>(type: "character varying(10)", maxLength: 10, nullable: false),
                    layout = table.Column<long>(type: "bigint", nullable: false),
                    respondents = table.Column<long>(type: "bigint", nullable: false),
                    counts = table.Column<long[]>(type: "bigint[]", nullable: false),
                    sums = table.Column<double[]>(type: "double precision[]", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_cell_statistics", x => new { x.survey_id, x.district, x.sex, x.age_group });
                })
                .Annotation("Npgsql:StorageParameter:fillfactor", 50)
                .Annotation("Npgsql:StorageParameter:toast_tuple_target", 4080);

            migrationBuilder.CreateTable(
                name: "statistics_rebuilds",
                columns: table => new
                {
                    survey_id = table.Column<Guid>(type: "uuid", nullable: false),
                    reason = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    requested_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_statistics_rebuilds", x => x.survey_id);
                });

            // The arrays stay in the row (compressed when a row would pass toast_tuple_target) rather than move to the TOAST
            // table: an update then writes one row version, on the same page when there is room (a HOT update).
            migrationBuilder.Sql("ALTER TABLE cell_statistics ALTER COLUMN counts SET STORAGE MAIN, ALTER COLUMN sums SET STORAGE MAIN");

            // Adds a batch's sums to a stored row element by element, in the upsert itself. Arrays of different lengths were
            // written for different layouts: adding them must fail loudly, never pad or misalign.
            foreach (var type in new[] { "bigint", "double precision" })
            {
                migrationBuilder.Sql($$"""
                    CREATE FUNCTION cell_statistics_add(stored {{type}}[], added {{type}}[]) RETURNS {{type}}[]
                    LANGUAGE plpgsql IMMUTABLE STRICT PARALLEL SAFE AS $$
                    BEGIN
                        IF cardinality(stored) <> cardinality(added) THEN
                            RAISE EXCEPTION 'cell statistics of % values cannot take % values', cardinality(stored), cardinality(added);
                        END IF;
                        RETURN ARRAY(SELECT s + a FROM unnest(stored, added) WITH ORDINALITY AS t(s, a, i) ORDER BY i);
                    END $$
                    """);
            }

            // The old rows are not converted: what their keys mean needs each survey's model, so the service rebuilds every
            // survey that has responses from the raw responses (StatisticsRebuilder), and reads them raw until it has.
            migrationBuilder.Sql("""
                INSERT INTO statistics_rebuilds (survey_id, reason, requested_at)
                SELECT s.survey_id, 'migration to one row per cell', now() FROM surveys s
                WHERE EXISTS (SELECT 1 FROM responses r WHERE r.survey_id = s.survey_id)
                """);

            migrationBuilder.DropTable(
                name: "cell_item_statistics");

            migrationBuilder.DropTable(
                name: "cell_pair_statistics");
        }

        /// <summary>
        /// Back to the two tables, empty: the earlier version cannot rebuild them, so its results start from nothing.
        /// The raw responses stay, and migrating up again rebuilds the statistics from them.
        /// </summary>
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "cell_statistics");

            migrationBuilder.Sql("DROP FUNCTION cell_statistics_add(bigint[], bigint[]); DROP FUNCTION cell_statistics_add(double precision[], double precision[])");

            migrationBuilder.DropTable(
                name: "statistics_rebuilds");

            migrationBuilder.CreateTable(
                name: "cell_item_statistics",
                columns: table => new
                {
                    survey_id = table.Column<Guid>(type: "uuid", nullable: false),
                    district = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    sex = table.Column<string>(type: "character varying(1)", maxLength: 1, nullable: false),
                    age_group = table.Column<string>(type: "character varying(10)", maxLength: 10, nullable: false),
                    item_key = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    high_count = table.Column<long>(type: "bigint", nullable: false),
                    low_count = table.Column<long>(type: "bigint", nullable: false),
                    middle_count = table.Column<long>(type: "bigint", nullable: false),
                    n = table.Column<long>(type: "bigint", nullable: false),
                    sum = table.Column<double>(type: "double precision", nullable: false),
                    sum_of_squares = table.Column<double>(type: "double precision", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_cell_item_statistics", x => new { x.survey_id, x.district, x.sex, x.age_group, x.item_key });
                })
                .Annotation("Npgsql:StorageParameter:fillfactor", 70);

            migrationBuilder.CreateTable(
                name: "cell_pair_statistics",
                columns: table => new
                {
                    survey_id = table.Column<Guid>(type: "uuid", nullable: false),
                    district = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    sex = table.Column<string>(type: "character varying(1)", maxLength: 1, nullable: false),
                    age_group = table.Column<string>(type: "character varying(10)", maxLength: 10, nullable: false),
                    factor_key = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    overall_key = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    n = table.Column<long>(type: "bigint", nullable: false),
                    sum_x = table.Column<double>(type: "double precision", nullable: false),
                    sum_xx = table.Column<double>(type: "double precision", nullable: false),
                    sum_xy = table.Column<double>(type: "double precision", nullable: false),
                    sum_y = table.Column<double>(type: "double precision", nullable: false),
                    sum_yy = table.Column<double>(type: "double precision", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_cell_pair_statistics", x => new { x.survey_id, x.district, x.sex, x.age_group, x.factor_key, x.overall_key });
                })
                .Annotation("Npgsql:StorageParameter:fillfactor", 70);
        }
    }
}
