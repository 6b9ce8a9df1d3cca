using Medborgare.Analysis.Exports;
using Medborgare.Analysis.Results;
using Medborgare.ServiceDefaults;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Medborgare.Analysis.Apis;

/// <summary>Downloads for analysts: result tables as CSV and XLSX, anonymised microdata and its codebook.</summary>
public static class ExportsApi
{
    const string CsvType = "text/csv; charset=utf-8";
    const string XlsxType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    public static IEndpointRouteBuilder MapExportsApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/surveys/{id:guid}/exports").WithTags("Exports").RequireAuthorization(StaffPolicies.Analyst);

        api.MapGet("/indicators.csv", (Guid id, HttpContext http, ResultsCalculator r, CancellationToken ct) => Indicators(id, http, r, xlsx: false, ct))
            .WithName("ExportIndicatorsCsv").WithSummary("Indicators and breakdowns, CSV for Swedish Excel (UTF-8 with BOM, ';', decimal comma)");
        api.MapGet("/indicators.xlsx", (Guid id, HttpContext http, ResultsCalculator r, CancellationToken ct) => Indicators(id, http, r, xlsx: true, ct))
            .WithName("ExportIndicatorsXlsx").WithSummary("Indicators and breakdowns as an XLSX workbook, one sheet each");
        api.MapGet("/microdata.csv", Microdata).WithName("ExportMicrodata")
            .WithSummary("One row per respondent in random order: stratum, final weight, scale and choice answers; no ids, dates or free text");
        api.MapGet("/codebook.csv", Codebook).WithName("ExportCodebook").WithSummary("The microdata's variables, questions, values and missing codes");

        return app;
    }

    static string FileName(SurveyDefinition survey, string what) => $"medborgarundersokning-{survey.Year}-{what}";

    static async Task<Results<FileContentHttpResult, NotFound, ProblemHttpResult>> Indicators(Guid id, HttpContext http, ResultsCalculator results, bool xlsx, CancellationToken ct)
    {
        if (await results.FindSurveyAsync(id, ct) is not { } survey) return TypedResults.NotFound();
        if (await results.MarginsAsync(id, ct) is not { } margins) return ResultsApi.NoMargins(http);
        var report = await results.ReportAsync(survey, margins, fromRaw: false, ct);
        var indicators = ExportTables.Indicators(report, survey);
        var breakdowns = ExportTables.Breakdowns(report, survey, results.Options.Suppression.Threshold);
        return xlsx
            ? TypedResults.File(Xlsx.Write(indicators, breakdowns), XlsxType, FileName(survey, "indikatorer.xlsx"))
            : TypedResults.File(Table.ToCsv(indicators, breakdowns), CsvType, FileName(survey, "indikatorer.csv"));
    }

    static async Task<Results<FileContentHttpResult, NotFound, ProblemHttpResult>> Microdata(Guid id, HttpContext http, ResultsCalculator results, CancellationToken ct)
    {
        if (await results.FindSurveyAsync(id, ct) is not { } survey) return TypedResults.NotFound();
        if (await results.MarginsAsync(id, ct) is not { } margins) return ResultsApi.NoMargins(http);
        var responses = await results.ResponsesAsync(survey, ct);
        var calibration = ResultsCalculator.Calibrate(margins, responses, results.Options);
        if (calibration.Weights is not { } weights)
            return ResultsApi.NotConverged(http, calibration.Message);
        return TypedResults.File(Table.ToCsv(ExportTables.Microdata(survey, responses, weights)), CsvType, FileName(survey, "mikrodata.csv"));
    }

    static async Task<Results<FileContentHttpResult, NotFound>> Codebook(Guid id, ResultsCalculator results, CancellationToken ct) =>
        await results.FindSurveyAsync(id, ct) is { } survey
            ? TypedResults.File(Table.ToCsv(ExportTables.Codebook(survey)), CsvType, FileName(survey, "kodbok.csv"))
            : TypedResults.NotFound();
}
