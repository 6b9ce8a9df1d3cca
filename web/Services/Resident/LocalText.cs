namespace Medborgare.Web.Services.Resident;

/// <summary>
/// A questionnaire text in the page's language, or in Swedish when it has none; <see cref="Lang"/> is set only when the text is
/// in another language than the page, so that a screen reader pronounces it right (WCAG 3.1.2).
/// </summary>
public readonly record struct LocalText(string Text, string? Lang)
{
    public override string ToString() => Text;

    public static LocalText Pick(IReadOnlyDictionary<string, string>? texts, string language)
    {
        if (texts is null) return new("", null);
        if (texts.TryGetValue(language, out var text) && !string.IsNullOrWhiteSpace(text)) return new(text, null);
        if (texts.TryGetValue("sv", out var swedish) && !string.IsNullOrWhiteSpace(swedish)) return new(swedish, language == "sv" ? null : "sv");
        var any = texts.FirstOrDefault(t => !string.IsNullOrWhiteSpace(t.Value));
        return new(any.Value ?? "", any.Key == language ? null : any.Key);
    }
}
