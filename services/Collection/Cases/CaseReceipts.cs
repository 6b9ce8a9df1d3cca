using System.Security.Cryptography;

namespace Medborgare.Collection.Cases;

/// <summary>
/// Kvittensnummer of a synpunkt, S-7K3MQ-X9TDP: ten characters from 31 that cannot be mistaken for each other (about 50 bits), so a
/// receipt cannot be guessed; lookups are throttled besides.
/// </summary>
public static class CaseReceipts
{
    const string Alphabet = "23456789ABCDEFGHJKMNPQRSTUVWXYZ";
    const int Length = 10;

    public static string New() => Format(RandomNumberGenerator.GetString(Alphabet, Length));

    static string Format(string body) => $"S-{body[..5]}-{body[5..]}";

    /// <summary>The receipt in its stored form, forgiving case, spaces and dashes; null when it cannot be one.</summary>
    public static string? Normalize(string? input)
    {
        if (input is null || input.Length > 40) return null;
        var text = input.Trim().ToUpperInvariant();
        var body = new string([.. text.Where(c => c is not (' ' or '-' or '\u2013'))]);
        // "S-…" always has its prefix; without a separator, only an eleventh character can be one.
        if (text.Length > 1 && text[0] == 'S' && text[1] is ' ' or '-' or '\u2013') body = body[1..];
        else if (body.Length == Length + 1 && body[0] == 'S') body = body[1..];
        if (body.Length != Length || body.Any(c => !Alphabet.Contains(c))) return null;
        return Format(body);
    }
}
