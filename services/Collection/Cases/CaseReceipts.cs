using System.Security.Cryptography;

namespace Medborgare.Collection.Cases;

/// <summary>
/// Kvittensnummer of a synpunkt: "S-" and ten characters from 31 that cannot be mistaken for each other (about 50 bits), so a
/// receipt cannot be guessed; lookups are throttled besides.
/// </summary>
public static class CaseReceipts
{
    const string Alphabet = "23456789ABCDEFGHJKMNPQRSTUVWXYZ";
    const int Length = 10;

    public static string New() => "S-" + RandomNumberGenerator.GetString(Alphabet, Length);

    /// <summary>The receipt in its stored form, forgiving case, spaces and dashes; null when it cannot be one.</summary>
    public static string? Normalize(string? input)
    {
        if (input is null || input.Length > 40) return null;
        var chars = input.ToUpperInvariant().Where(c => c is not (' ' or '-' or '\u2013')).ToArray();
        var body = new string(chars);
        if (body.Length == Length + 1 && body[0] == 'S') body = body[1..];
        if (body.Length != Length || body.Any(c => !Alphabet.Contains(c))) return null;
        return "S-" + body;
    }
}
