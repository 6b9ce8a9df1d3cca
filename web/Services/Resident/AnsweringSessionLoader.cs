using Medborgare.ApiContracts.Collection;

namespace Medborgare.Web.Services.Resident;

/// <summary>
/// Loads the resident's session for a page under /svara: the code from the cookie, then Collection's start (questionnaire, saved
/// answers, saved page). Where the page must not be shown, <see cref="Loaded.Redirect"/> says where to go instead.
/// </summary>
public sealed class AnsweringSessionLoader(ResidentCollectionClient collection, ResidentCodeCookie cookie)
{
    public sealed record Loaded(string? Code, AnsweringSession? Session, string? Redirect, ApiProblem? Problem)
    {
        [System.Diagnostics.CodeAnalysis.MemberNotNullWhen(true, nameof(Code), nameof(Session))]
        public bool Succeeded => Session is not null && Code is not null;
    }

    public async Task<Loaded> LoadAsync(HttpContext http, CancellationToken ct)
    {
        if (cookie.Read(http) is not { } contents) return new(null, null, ResidentUrls.Start(ResidentUrls.StartAgain), null);

        var started = await collection.StartAsync(contents.Code, ct);
        if (started.Succeeded) return new(contents.Code, started.Value, null, null);

        var refusal = started.Problem.Refusal;
        if (refusal == CodeRefusal.Used)
        {
            // Submitted from this browser (a double click, or an answer lost on the way back): the same key returns the same receipt.
            var earlier = await collection.SubmitAsync(contents.Code, contents.SubmissionKey, [], ct);
            cookie.Clear(http);
            return new(null, null, earlier.Succeeded ? ResidentUrls.Thanks(earlier.Value.ReceiptNumber) : ResidentUrls.Start(ResidentUrls.ReasonSlug(refusal)), null);
        }
        if (refusal is CodeRefusal.Unknown or CodeRefusal.Typo or CodeRefusal.SurveyClosed or CodeRefusal.Expired)
        {
            cookie.Clear(http);
            return new(null, null, ResidentUrls.Start(ResidentUrls.ReasonSlug(refusal)), null);
        }
        // Throttled or unreachable: keep the cookie, so that the resident can simply try again.
        return new(null, null, null, started.Problem);
    }
}
