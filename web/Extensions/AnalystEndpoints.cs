using Medborgare.ApiContracts.Distribution;
using Medborgare.ServiceDefaults;
using Medborgare.Web.Services;
using Medborgare.Web.Services.Distribution;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Caching.Memory;

namespace Medborgare.Web.Extensions;

/// <summary>
/// The analyst's file transfers, which a statically rendered form cannot do: the frame upload (a multipart post, forwarded to
/// Distribution as text/csv) and the print file download (streamed from Distribution with the user's token).
/// Both answer the browser with a redirect or a file, never with a service's raw error.
/// </summary>
public static class AnalystEndpoints
{
    /// <summary>Distribution takes frames up to 200 MB: room for a large municipality's whole adult population.</summary>
    const long MaxFrameBytes = 200L * 1024 * 1024;

    public static IEndpointRouteBuilder MapAnalystEndpoints(this IEndpointRouteBuilder app)
    {
        var survey = app.MapGroup("/analys/enkater/{id:guid}").RequireAuthorization(StaffPolicies.Analyst);

        // Antiforgery is checked in the handler, so that an expired form leads back to the page with a message, not a bare 400.
        survey.MapPost("/ram", UploadFrame).DisableAntiforgery()
            .WithMetadata(new RequestSizeLimitAttribute(MaxFrameBytes))
            .WithFormOptions(multipartBodyLengthLimit: MaxFrameBytes);
        survey.MapGet("/utskick.csv", DownloadPrintFile);

        return app;
    }

    static async Task<IResult> UploadFrame(Guid id, [FromForm(Name = "fil")] IFormFile? file, HttpContext http, IAntiforgery antiforgery,
        DistributionClient distribution, IMemoryCache cache, CancellationToken ct)
    {
        if (!await antiforgery.IsRequestValidAsync(http)) return BackWithFrameNotice(http, cache, id, "FormExpired", null, null);
        if (file is null || file.Length == 0) return BackWithFrameNotice(http, cache, id, "FrameFileMissing", null, null);

        await using var csv = file.OpenReadStream();
        var (result, lineErrors) = await distribution.ImportFrameAsync(id, csv, ct);
        if (result.Succeeded) return TypedResults.LocalRedirect($"{SurveyPath(id)}?ram=ok#urvalsram");
        if (result.Problem.IsNotFound) return TypedResults.NotFound();
        return BackWithFrameNotice(http, cache, id, null, lineErrors is null ? result.Problem : null, lineErrors);
    }

    static async Task<IResult> DownloadPrintFile(Guid id, int? round, HttpContext http, DistributionClient distribution, IMemoryCache cache,
        CancellationToken ct)
    {
        var download = await distribution.OpenPrintFileAsync(id, round, ct);
        if (!download.Succeeded)
        {
            if (download.Problem.IsNotFound) return TypedResults.NotFound();
            var key = cache.Store(new AnalystNotice(id, UserName(http), null, download.Problem, null));
            return TypedResults.LocalRedirect($"{SurveyPath(id)}?utskickfel={key}#utskick");
        }
        var file = download.Value;
        http.Response.RegisterForDispose(file.Owner);
        // Names, addresses and codes: never kept by a browser or proxy cache.
        http.Response.Headers.CacheControl = "no-store";
        return TypedResults.Stream(file.Content, file.ContentType, file.FileName);
    }

    static IResult BackWithFrameNotice(HttpContext http, IMemoryCache cache, Guid id, string? textKey, ApiProblem? problem, FrameProblem? lineErrors)
    {
        var key = cache.Store(new AnalystNotice(id, UserName(http), textKey, problem, lineErrors));
        return TypedResults.LocalRedirect($"{SurveyPath(id)}?ramfel={key}#urvalsram");
    }

    static string SurveyPath(Guid id) => $"/analys/enkater/{id}";

    static string UserName(HttpContext http) => http.User.Identity?.Name ?? "";
}
