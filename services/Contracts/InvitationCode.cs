using System.Security.Cryptography;
using System.Text;

namespace Medborgare.Contracts;

/// <summary>
/// Inbjudningskod: the code printed on an invitation letter. 14 random symbols and one check symbol
/// from a 31-symbol alphabet without look-alikes, shown as three groups of five ("K7QMX-4XTR9-PHW2J").
/// </summary>
/// <remarks>
/// The check symbol c makes Σ wᵢ·vᵢ ≡ 0 (mod 31) with weights 1..14 for the data symbols and 30 for c.
/// 31 is prime and the weights are distinct and non-zero mod 31, so every single substitution and
/// every adjacent transposition changes the sum by a non-zero amount mod 31 and is caught.
/// Because 30 ≡ −1 (mod 31), the check symbol is simply c = Σ (i+1)·vᵢ mod 31.
/// </remarks>
public static class InvitationCode
{
    public const string Alphabet = "23456789ABCDEFGHJKMNPQRSTUVWXYZ";
    public const int DataLength = 14;
    public const int Length = DataLength + 1;
    public const int GroupLength = 5;
    public const char GroupSeparator = '-';
    const int Modulus = 31;
    const int CheckWeight = 30;

    /// <summary>Bits of entropy in the random part: 14·log2(31) ≈ 69.4.</summary>
    public static double EntropyBits => DataLength * Math.Log2(Alphabet.Length);

    // Index of each ASCII character in the alphabet, or -1.
    static readonly sbyte[] ValueOf = BuildValueTable();

    /// <summary>A new code from the operating system's cryptographic generator, in grouped form.</summary>
    public static string Generate()
    {
        Span<char> symbols = stackalloc char[Length];
        for (var i = 0; i < DataLength; i++)
            symbols[i] = Alphabet[RandomNumberGenerator.GetInt32(Alphabet.Length)];
        symbols[DataLength] = CheckSymbol(symbols[..DataLength]);
        return Format(new string(symbols));
    }

    /// <summary>The check symbol for 14 data symbols (which must be in the alphabet).</summary>
    public static char CheckSymbol(ReadOnlySpan<char> data)
    {
        if (data.Length != DataLength)
            throw new ArgumentException($"An invitation code has {DataLength} data symbols, not {data.Length}.", nameof(data));
        var sum = 0;
        for (var i = 0; i < DataLength; i++)
        {
            var v = Value(data[i]);
            if (v < 0) throw new ArgumentException($"'{data[i]}' is not in the invitation code alphabet.", nameof(data));
            sum += (i + 1) * v;
        }
        return Alphabet[sum % Modulus];
    }

    /// <summary>
    /// Checks what a resident typed. Spaces, hyphens and case do not matter.
    /// <paramref name="normalized"/> is the 15 symbols without separators when the length and
    /// characters are right (even if the check fails), otherwise "".
    /// </summary>
    public static InvitationCodeCheck Check(string? input, out string normalized)
    {
        normalized = "";
        if (string.IsNullOrWhiteSpace(input)) return InvitationCodeCheck.Empty;

        var symbols = new StringBuilder(Length);
        var invalid = false;
        foreach (var raw in input)
        {
            if (char.IsWhiteSpace(raw) || IsDash(raw)) continue;
            var c = char.ToUpperInvariant(raw);
            if (Value(c) < 0) invalid = true;
            symbols.Append(c);
        }
        if (symbols.Length == 0) return InvitationCodeCheck.Empty;
        if (invalid) return InvitationCodeCheck.InvalidCharacter;
        if (symbols.Length != Length) return InvitationCodeCheck.WrongLength;

        normalized = symbols.ToString();
        var sum = 0;
        for (var i = 0; i < DataLength; i++) sum += (i + 1) * Value(normalized[i]);
        sum += CheckWeight * Value(normalized[DataLength]);
        return sum % Modulus == 0 ? InvitationCodeCheck.Valid : InvitationCodeCheck.CheckFailed;
    }

    /// <summary>"K7QMX4XTR9PHW2J" → "K7QMX-4XTR9-PHW2J".</summary>
    public static string Format(string normalized)
    {
        ArgumentNullException.ThrowIfNull(normalized);
        if (normalized.Length != Length)
            throw new ArgumentException($"A normalized invitation code has {Length} symbols, not {normalized.Length}.", nameof(normalized));
        return string.Create(Length + 2, normalized, static (span, code) =>
        {
            code.AsSpan(0, GroupLength).CopyTo(span);
            span[GroupLength] = GroupSeparator;
            code.AsSpan(GroupLength, GroupLength).CopyTo(span[(GroupLength + 1)..]);
            span[2 * GroupLength + 1] = GroupSeparator;
            code.AsSpan(2 * GroupLength, GroupLength).CopyTo(span[(2 * GroupLength + 2)..]);
        });
    }

    /// <summary>
    /// The only form of a code that leaves Distribution: lower-case hex SHA-256 of
    /// UTF-8(surveySalt + ":" + normalized).
    /// </summary>
    public static string Hash(string normalized, string surveySalt)
    {
        ArgumentNullException.ThrowIfNull(normalized);
        ArgumentNullException.ThrowIfNull(surveySalt);
        var bytes = Encoding.UTF8.GetBytes(surveySalt + ":" + normalized);
        return Convert.ToHexStringLower(SHA256.HashData(bytes));
    }

    /// <summary>A fresh per-survey salt: 32 random bytes, base64.</summary>
    public static string NewSalt() => Convert.ToBase64String(RandomNumberGenerator.GetBytes(32));

    static int Value(char c) => c < ValueOf.Length ? ValueOf[c] : -1;

    // Hyphen-minus plus the dashes a word processor or PDF may substitute when a code is copied.
    static bool IsDash(char c) => c is '-' or (>= '\u2010' and <= '\u2015') or '\u2212';

    static sbyte[] BuildValueTable()
    {
        var table = new sbyte[128];
        Array.Fill(table, (sbyte)-1);
        for (var i = 0; i < Alphabet.Length; i++) table[Alphabet[i]] = (sbyte)i;
        return table;
    }
}
