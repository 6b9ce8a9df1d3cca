namespace Medborgare.Web.Services.Resident;

/// <summary>The residents' addresses. None of them ever carries the code (apart from the letter's own link to /svara).</summary>
public static class ResidentUrls
{
    public const string StartPath = "/svara";
    public const string StartAgain = "igen";

    /// <summary>The start page, optionally with why the resident was sent back there (<c>?hinder=…</c>).</summary>
    public static string Start(string? reason = null) => reason is null ? StartPath : $"{StartPath}?hinder={reason}";

    public static string Page(int page) => $"/svara/enkat?sida={page}";

    public static string Review => "/svara/granska";

    public static string PageOrReview(QuestionnaireFlow flow, int page) => flow.IsPage(page) ? Page(page) : Review;

    public static string Thanks(string receiptNumber) => $"/svara/tack?kvitto={Uri.EscapeDataString(receiptNumber)}";

    public static string? ReasonSlug(CodeRefusal refusal) => refusal switch
    {
        CodeRefusal.Used => "anvand",
        CodeRefusal.SurveyClosed => "stangd",
        CodeRefusal.Expired => "utgangen",
        CodeRefusal.Unknown or CodeRefusal.Typo => "okand",
        _ => null,
    };

    public static CodeRefusal? FromSlug(string? slug) => slug switch
    {
        "anvand" => CodeRefusal.Used,
        "stangd" => CodeRefusal.SurveyClosed,
        "utgangen" => CodeRefusal.Expired,
        "okand" => CodeRefusal.Unknown,
        _ => null,
    };
}
