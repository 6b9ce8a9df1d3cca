namespace Medborgare.Web.Components.Pages.Resident;

/// <summary>
/// What a typed receipt number could be before Collection is asked: at most 40 letters, digits, spaces and dashes. Anything
/// else is answered as "no such case" without a lookup, with the same words as an unknown number; Collection decides the rest.
/// </summary>
public static class ReceiptNumbers
{
    public static string? Plausible(string? typed)
    {
        var trimmed = typed?.Trim();
        if (string.IsNullOrEmpty(trimmed) || trimmed.Length > 40) return null;
        return trimmed.All(c => char.IsAsciiLetterOrDigit(c) || c is ' ' or '-' or '\u2013') ? trimmed.ToUpperInvariant() : null;
    }
}
