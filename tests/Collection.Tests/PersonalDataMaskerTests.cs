using Medborgare.Collection.Feedback;

namespace Medborgare.Collection.Tests;

public sealed class PersonalDataMaskerTests
{
    [Theory]
    [InlineData("Mitt personnummer är 19800101-0001.", "Mitt personnummer är [personnummer].")]
    [InlineData("pnr 800101-0001 tack", "pnr [personnummer] tack")]
    [InlineData("pnr 198001010001 tack", "pnr [personnummer] tack")]
    [InlineData("pnr 8001010001 tack", "pnr [personnummer] tack")]
    [InlineData("född 121212+1212, över hundra", "född [personnummer], över hundra")]
    [InlineData("samordningsnummer 800161-0008", "samordningsnummer [personnummer]")]
    [InlineData("med mellanslag 800101 0001", "med mellanslag [personnummer]")]
    [InlineData("Ring mig på 070-123 45 67!", "Ring mig på [telefonnummer]!")]
    [InlineData("Ring 0701234567", "Ring [telefonnummer]")]
    [InlineData("Ring +46 70 123 45 67 i kväll", "Ring [telefonnummer] i kväll")]
    [InlineData("Växel 08-123 456 78.", "Växel [telefonnummer].")]
    [InlineData("Mejla anna.andersson@example.se eller anna+kommun@post.example.com",
                "Mejla [e-post] eller [e-post]")]
    [InlineData("Bussen 401 går 07.15 och kostar 35 kr; 2024 byggdes 12 nya hus.", "Bussen 401 går 07.15 och kostar 35 kr; 2024 byggdes 12 nya hus.")]
    [InlineData("Postnummer 123 45 och gatunummer 12.", "Postnummer 123 45 och gatunummer 12.")]
    [InlineData("felskrivet 800101-0002 maskas ändå", "felskrivet [personnummer] maskas ändå")]
    public void Personal_data_is_masked_and_ordinary_numbers_are_kept(string text, string expected)
    {
        Assert.Equal(expected, PersonalDataMasker.Mask(text));
    }
}
