using Medborgare.ServiceDefaults;
using Medborgare.Web.Components.Pages.Analyst.Results;
using Medborgare.Web.Services.Analysis;

namespace Medborgare.Web.Extensions;

/// <summary>
/// The results exports (indicator tables as CSV and XLSX, microdata and its codebook), streamed from Analysis with the analyst's
/// token. A failure leads back to the results page with a message, never to a service's raw error.
/// </summary>
public static class ResultsEndpoints
{
    public static IEndpointRouteBuilder MapResultsEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapGet("/analys/resultat/{id:guid}/export/{file}", DownloadExport).RequireAuthorization(StaffPolicies.Analyst);
        return app;
    }

    static async Task<IResult> DownloadExport(Guid id, string file, HttpContext http, AnalysisClient analysis, CancellationToken ct)
    {
        if (!ResultsFormat.ExportFiles.Contains(file)) return TypedResults.NotFound();
        var download = await analysis.OpenExportAsync(id, file, ct);
        if (!download.Succeeded)
        {
            if (download.Problem.IsNotFound) return TypedResults.NotFound();
            return TypedResults.LocalRedirect(ResultsFormat.SurveyUrl(id, $"exportfel={download.Problem.Status}", "export"));
        }
        var export = download.Value;
        http.Response.RegisterForDispose(export.Owner);
        // Microdata is anonymous but still respondent-level: no browser or proxy keeps a copy.
        http.Response.Headers.CacheControl = "no-store";
        return TypedResults.Stream(export.Content, export.ContentType, export.FileName);
    }
}
