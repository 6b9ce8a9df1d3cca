using System.Globalization;

namespace Medborgare.Web.Components.Pages.Analyst;

/// <summary>Whole numbers typed into text fields (so that the browser never silently drops what was typed), spaces allowed.</summary>
public static class FormNumbers
{
    public static int? ParseInt(string? text) =>
        int.TryParse(Clean(text), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var value) ? value : null;

    /// <summary>Empty is fine (null); anything else must be a whole number.</summary>
    public static long? ParseOptionalLong(string? text, out bool ok)
    {
        var cleaned = Clean(text);
        ok = true;
        if (cleaned.Length == 0) return null;
        ok = long.TryParse(cleaned, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var value);
        return ok ? value : null;
    }

    // "2 000" and "2 000" (with a no-break space, as Swedish formatting writes it) are both 2000.
    static string Clean(string? text) => string.Concat((text ?? "").Where(c => !char.IsWhiteSpace(c) && c != '\u202F'));
}
