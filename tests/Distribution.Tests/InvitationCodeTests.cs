using Medborgare.Contracts;

namespace Medborgare.Distribution.Tests;

public sealed class InvitationCodeTests
{
    const string Alphabet = InvitationCode.Alphabet;

    [Fact]
    public void The_alphabet_has_31_distinct_symbols_and_no_look_alikes()
    {
        Assert.Equal(31, Alphabet.Length);
        Assert.Equal(31, Alphabet.Distinct().Count());
        foreach (var lookAlike in "0O1IL")
            Assert.DoesNotContain(lookAlike, Alphabet);
    }

    [Fact]
    public void The_random_part_carries_at_least_60_bits_of_entropy()
    {
        var bits = InvitationCode.DataLength * Math.Log2(Alphabet.Length);

        Assert.True(bits >= 60, $"{bits:F1} bits");
        Assert.Equal(69.4, bits, 1);
        Assert.Equal(bits, InvitationCode.EntropyBits);
    }

    [Fact]
    public void Generated_codes_are_valid_and_grouped_five_five_five()
    {
        for (var i = 0; i < 1_000; i++)
        {
            var code = InvitationCode.Generate();

            Assert.Matches("^[23456789ABCDEFGHJKMNPQRSTUVWXYZ]{5}-[23456789ABCDEFGHJKMNPQRSTUVWXYZ]{5}-[23456789ABCDEFGHJKMNPQRSTUVWXYZ]{5}$", code);
            Assert.Equal(InvitationCodeCheck.Valid, InvitationCode.Check(code, out var normalized));
            Assert.Equal(code.Replace("-", ""), normalized);
            Assert.Equal(code, InvitationCode.Format(normalized));
        }
    }

    [Fact]
    public void Ten_thousand_generated_codes_are_all_distinct()
    {
        var codes = Enumerable.Range(0, 10_000).Select(_ => InvitationCode.Generate()).ToList();

        Assert.Equal(codes.Count, codes.Distinct(StringComparer.Ordinal).Count());
    }

    [Fact]
    public void Every_single_symbol_substitution_is_caught_by_the_check_symbol()
    {
        for (var n = 0; n < 300; n++)
        {
            InvitationCode.Check(InvitationCode.Generate(), out var code);
            var symbols = code.ToCharArray();

            for (var position = 0; position < InvitationCode.Length; position++)
            {
                var original = symbols[position];
                foreach (var other in Alphabet)
                {
                    if (other == original) continue;
                    symbols[position] = other;

                    var result = InvitationCode.Check(new string(symbols), out _);

                    Assert.True(result == InvitationCodeCheck.CheckFailed,
                        $"{code} with '{other}' at {position} gave {result}");
                }
                symbols[position] = original;
            }
        }
    }

    [Fact]
    public void Every_adjacent_transposition_of_two_different_symbols_is_caught()
    {
        var transpositions = 0;
        for (var n = 0; n < 300; n++)
        {
            InvitationCode.Check(InvitationCode.Generate(), out var code);

            for (var position = 0; position < InvitationCode.Length - 1; position++)
            {
                if (code[position] == code[position + 1]) continue;
                var symbols = code.ToCharArray();
                (symbols[position], symbols[position + 1]) = (symbols[position + 1], symbols[position]);

                var result = InvitationCode.Check(new string(symbols), out _);

                Assert.True(result == InvitationCodeCheck.CheckFailed,
                    $"{code} with {position} and {position + 1} swapped gave {result}");
                transpositions++;
            }
        }
        Assert.True(transpositions > 300 * 12, "most neighbouring symbols differ");
    }

    [Fact]
    public void A_check_symbol_worked_out_by_hand_is_accepted()
    {
        // Data symbols K7QMX4XTR9PHW2, values (index in the alphabet) and weights 1..14:
        //   K=17·1=17  7=5·2=10  Q=21·3=63  M=18·4=72  X=28·5=140  4=2·6=12  X=28·7=196
        //   T=24·8=192  R=22·9=198  9=7·10=70  P=20·11=220  H=15·12=180  W=27·13=351  2=0·14=0
        //   sum = 1721 = 55·31 + 16, so c = 16 = 'J'  (1721 + 30·16 = 2201 = 71·31 ≡ 0).
        const string handWorked = "K7QMX-4XTR9-PHW2J";

        Assert.Equal(InvitationCodeCheck.Valid, InvitationCode.Check(handWorked, out var normalized));
        Assert.Equal('J', InvitationCode.CheckSymbol("K7QMX4XTR9PHW2"));
        Assert.Equal("K7QMX4XTR9PHW2J", normalized);
        // The same data with the check symbol of the design sketch ('C' = 10) is a typo.
        Assert.Equal(InvitationCodeCheck.CheckFailed, InvitationCode.Check("K7QMX-4XTR9-PHW2C", out _));
    }

    [Theory]
    [InlineData("k7qmx-4xtr9-phw2j")]
    [InlineData("K7QMX 4XTR9 PHW2J")]
    [InlineData("  K7QMX4XTR9PHW2J  ")]
    [InlineData("k7q mx-4x tr9-p hw2 j")]
    [InlineData("K7QMX–4XTR9–PHW2J")] // en dashes, as pasted from a PDF letter
    public void Lower_case_spaces_and_hyphens_are_accepted(string typed)
    {
        var result = InvitationCode.Check(typed, out var normalized);

        Assert.Equal(InvitationCodeCheck.Valid, result);
        Assert.Equal("K7QMX4XTR9PHW2J", normalized);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData(" - - ")]
    public void Nothing_typed_is_empty(string? typed)
    {
        Assert.Equal(InvitationCodeCheck.Empty, InvitationCode.Check(typed, out var normalized));
        Assert.Equal("", normalized);
    }

    [Theory]
    [InlineData("K7QMX-4XTR9-PHW2")]
    [InlineData("K7QMX-4XTR9-PHW2JJ")]
    [InlineData("K7QMX")]
    public void A_code_with_too_few_or_too_many_symbols_has_the_wrong_length(string typed)
    {
        Assert.Equal(InvitationCodeCheck.WrongLength, InvitationCode.Check(typed, out var normalized));
        Assert.Equal("", normalized);
    }

    [Theory]
    [InlineData("K7QMX-4XTR9-PHW2O")] // O for a zero that is not in the alphabet either
    [InlineData("K7QMX-4XTR1-PHW2J")]
    [InlineData("K7QMX-4XTR9-PHL2J")]
    [InlineData("K7QMX_4XTR9_PHW2J")]
    [InlineData("K7QMX-4XTR9-PHW2Å")]
    [InlineData("K7QMX-0")] // also short: the character is the more useful thing to tell the resident
    public void A_symbol_outside_the_alphabet_is_an_invalid_character(string typed)
    {
        var result = InvitationCode.Check(typed, out var normalized);

        Assert.Equal(InvitationCodeCheck.InvalidCharacter, result);
        Assert.Equal("", normalized);
    }

    [Fact]
    public void Hashes_are_stable_lower_case_hex_and_differ_by_salt()
    {
        const string code = "K7QMX4XTR9PHW2J";

        var first = InvitationCode.Hash(code, "salt-a");
        var again = InvitationCode.Hash(code, "salt-a");
        var otherSalt = InvitationCode.Hash(code, "salt-b");

        Assert.Equal(first, again);
        Assert.NotEqual(first, otherSalt);
        Assert.Matches("^[0-9a-f]{64}$", first);
        // sha256("salt-a:K7QMX4XTR9PHW2J"), computed independently with sha256sum.
        Assert.Equal(ExpectedHash, first);
    }

    [Fact]
    public void New_salts_are_32_random_bytes()
    {
        var a = InvitationCode.NewSalt();
        var b = InvitationCode.NewSalt();

        Assert.Equal(32, Convert.FromBase64String(a).Length);
        Assert.NotEqual(a, b);
    }

    [Fact]
    public void Formatting_rejects_anything_but_fifteen_symbols()
    {
        Assert.Throws<ArgumentException>(() => InvitationCode.Format("K7QMX4XTR9PHW2"));
    }

    const string ExpectedHash = "d4c6e7dc1c9ead02c828788e05b593c0aded9871ac18c8a129dba01ba360d95f";
}
