using System.Text;
using Medborgare.Distribution.Frames;
using static Medborgare.ApiContracts.Distribution.DistributionErrorCodes;

namespace Medborgare.Distribution.Tests;

public sealed class PopulationFrameCsvTests
{
    const int Year = 2026;
    const string Header = "id;namn;adress;postnummer;ort;fodd;kon;distrikt";
    // Check digits worked out with the Luhn rule: 800101-123 → 1, 750612-246 → 9, 451224-012 → 0.
    const string Good = "19800101-1231;Lars Andersson;Storgatan 1;735 30;Älvsala;1980;M;Centrum";

    static FrameParseResult Parse(string text, int maxErrors = 200) =>
        PopulationFrameCsv.Parse(new StringReader(text), maxErrors, Year);

    /// <summary>An error as line, column and its Swedish message.</summary>
    static (int, string, string) Sv(FrameError error) => (error.Line, error.Column, error.Text.Sv);

    static string File(params string[] lines) => string.Join("\r\n", lines) + "\r\n";

    [Fact]
    public void A_correct_file_parses_exactly()
    {
        var text = File(Header,
            Good,
            "7506122469;Kerstin Nilsson;Kungsgatan 5 B;73531;Älvsala;1975-06-12;kvinna;Norra",
            "X-1001;Sten Berg;Bäckby 12;735 91;Bäckby;1921;Man;Landsbygden",
            "451224-0120;Ingrid Holm;Bygatan 3;735 98;Kyrkby;1945;k;Kyrkbyn");

        var result = Parse(text);

        Assert.Empty(result.Errors);
        Assert.True(result.IsValid);
        Assert.Equal(
        [
            new FramePerson("19800101-1231", "Lars Andersson", "Storgatan 1", "735 30", "Älvsala", 1980, "M", "Centrum"),
            new FramePerson("19750612-2469", "Kerstin Nilsson", "Kungsgatan 5 B", "735 31", "Älvsala", 1975, "K", "Norra"),
            new FramePerson("X-1001", "Sten Berg", "Bäckby 12", "735 91", "Bäckby", 1921, "M", "Landsbygden"),
            new FramePerson("19451224-0120", "Ingrid Holm", "Bygatan 3", "735 98", "Kyrkby", 1945, "K", "Kyrkbyn"),
        ], result.Persons);
    }

    [Fact]
    public void Columns_may_come_in_any_order_and_case_and_extra_columns_are_ignored()
    {
        var text = File("Distrikt;KÖN;Född;Ort;Postnummer;Adress;Namn;ID;Kommentar",
            "Centrum;M;1980;Älvsala;735 30;Storgatan 1;Lars Andersson;19800101-1231;ny");

        var result = Parse(text);

        Assert.Empty(result.Errors);
        Assert.Equal(new FramePerson("19800101-1231", "Lars Andersson", "Storgatan 1", "735 30", "Älvsala", 1980, "M", "Centrum"),
            Assert.Single(result.Persons));
    }

    [Theory]
    [InlineData(";Lars;Storgatan 1;735 30;Älvsala;1980;M;Centrum", "id", "Id saknas", FrameValueMissing)]
    [InlineData("ABCDEFGHIJABCDEFGHIJABCDEFGHIJABCDEFGHIJX;Lars;Storgatan 1;735 30;Älvsala;1980;M;Centrum", "id", "Id är längre än 40 tecken", FrameValueTooLong)]
    [InlineData("19800101-1232;Lars;Storgatan 1;735 30;Älvsala;1980;M;Centrum", "id", "Ogiltigt personnummer '19800101-1232': kontrollsiffran stämmer inte", FramePersonnummerCheckDigit)]
    [InlineData("19801301-1231;Lars;Storgatan 1;735 30;Älvsala;1980;M;Centrum", "id", "Ogiltigt personnummer '19801301-1231': datumet finns inte", FramePersonnummerNoSuchDate)]
    [InlineData("19800101-1231;;Storgatan 1;735 30;Älvsala;1980;M;Centrum", "namn", "Namn saknas", FrameValueMissing)]
    [InlineData("19800101-1231;Lars;  ;735 30;Älvsala;1980;M;Centrum", "adress", "Adress saknas", FrameValueMissing)]
    [InlineData("19800101-1231;Lars;Storgatan 1;ABC;Älvsala;1980;M;Centrum", "postnummer", "Ogiltigt postnummer 'ABC'", FramePostalCodeInvalid)]
    [InlineData("19800101-1231;Lars;Storgatan 1;7353;Älvsala;1980;M;Centrum", "postnummer", "Ogiltigt postnummer '7353'", FramePostalCodeInvalid)]
    [InlineData("19800101-1231;Lars;Storgatan 1;73-530;Älvsala;1980;M;Centrum", "postnummer", "Ogiltigt postnummer '73-530'", FramePostalCodeInvalid)]
    [InlineData("19800101-1231;Lars;Storgatan 1;735 30;;1980;M;Centrum", "ort", "Ort saknas", FrameValueMissing)]
    [InlineData("X-1;Lars;Storgatan 1;735 30;Älvsala;80;M;Centrum", "fodd", "Ogiltigt födelseår '80' (ange ÅÅÅÅ eller ÅÅÅÅ-MM-DD)", FrameBirthYearInvalid)]
    [InlineData("X-1;Lars;Storgatan 1;735 30;Älvsala;1899;M;Centrum", "fodd", "Födelseåret 1899 ligger utanför 1900–2026", FrameBirthYearOutOfRange)]
    [InlineData("X-1;Lars;Storgatan 1;735 30;Älvsala;2027;M;Centrum", "fodd", "Födelseåret 2027 ligger utanför 1900–2026", FrameBirthYearOutOfRange)]
    [InlineData("X-1;Lars;Storgatan 1;735 30;Älvsala;1981-02-29;M;Centrum", "fodd", "Ogiltigt födelsedatum '1981-02-29'", FrameBirthDateInvalid)]
    [InlineData("19800101-1231;Lars;Storgatan 1;735 30;Älvsala;1981;M;Centrum", "fodd", "Födelseåret 1981 stämmer inte med personnumret (1980)", FrameBirthYearMismatch)]
    [InlineData("19800101-1231;Lars;Storgatan 1;735 30;Älvsala;1980;X;Centrum", "kon", "Ogiltigt kön 'X' (ange K eller M)", FrameSexInvalid)]
    [InlineData("19800101-1231;Lars;Storgatan 1;735 30;Älvsala;1980;;Centrum", "kon", "Kön saknas", FrameValueMissing)]
    [InlineData("19800101-1231;Lars;Storgatan 1;735 30;Älvsala;1980;M;", "distrikt", "Distrikt saknas", FrameValueMissing)]
    [InlineData("19800101-1231;Lars;Storgatan 1;735 30;Älvsala;1980;M", "", "Raden har 7 fält men rubriken har 8", FrameFieldCount)]
    public void A_mistake_is_reported_on_its_line_and_column_with_its_code(string badRow, string column, string message, string code)
    {
        var text = File(Header, "X-0;Anna Berg;Torggatan 2;735 33;Älvsala;1990;K;Centrum", badRow);

        var result = Parse(text);

        var error = Assert.Single(result.Errors);
        Assert.Equal((3, column, message), Sv(error));
        Assert.Equal(code, error.Text.Code);
        Assert.Single(result.Persons);
        Assert.False(result.IsValid);
    }

    [Fact]
    public void Every_bad_field_of_a_row_is_reported()
    {
        var result = Parse(File(Header, "19800101-1232;;Storgatan 1;ABC;Älvsala;19x0;X;Centrum"));

        Assert.Equal(["id", "namn", "postnummer", "fodd", "kon"], result.Errors.Select(e => e.Column));
        Assert.All(result.Errors, e => Assert.Equal(2, e.Line));
        Assert.Empty(result.Persons);
    }

    [Fact]
    public void Every_error_has_an_English_text_beside_the_Swedish()
    {
        var result = Parse(File(Header, "19800101-1232;;Storgatan 1;ABC;Älvsala;19x0;X;Centrum", "X-1;Lars;Storgatan 1;735 30;Älvsala;1980;M"));

        Assert.Equal(
        [
            "Invalid personnummer '19800101-1232': the check digit is wrong",
            "Name is missing",
            "Invalid postal code 'ABC'",
            "Invalid birth year '19x0' (enter YYYY or YYYY-MM-DD)",
            "Invalid sex 'X' (enter K or M)",
            "The line has 7 fields but the header has 8",
        ], result.Errors.Select(e => e.Text.En));
        Assert.Equal([FramePersonnummerCheckDigit, FrameValueMissing, FramePostalCodeInvalid, FrameBirthYearInvalid, FrameSexInvalid, FrameFieldCount],
            result.Errors.Select(e => e.Text.Code));
    }

    [Fact]
    public void A_duplicate_id_is_an_error_on_the_later_line_whatever_its_form()
    {
        var text = File(Header,
            Good,
            "X-7;Anna Berg;Torggatan 2;735 33;Älvsala;1990;K;Centrum",
            "8001011231;Lars Andersson;Storgatan 1;735 30;Älvsala;1980;M;Centrum",
            "X-7;Anna Berg;Torggatan 2;735 33;Älvsala;1990;K;Centrum");

        var result = Parse(text);

        Assert.Equal(
        [
            (4, "id", "Id '8001011231' förekommer redan på rad 2"),
            (5, "id", "Id 'X-7' förekommer redan på rad 3"),
        ], result.Errors.Select(Sv));
        Assert.Equal(2, result.Persons.Count);
    }

    [Fact]
    public void Ten_digit_personnummer_take_their_century_from_the_birth_year_and_plus_marks_a_centenarian()
    {
        // 210315-4320 born 1921: the birth year decides the century. 170101+4324 with a birth year that
        // does not fit: the '+' alone says 1917 (not 2017), and that is the year the message names.
        var text = File(Header,
            "210315-4320;Maj Olsson;Bygatan 9;735 98;Kyrkby;1921;K;Kyrkbyn",
            "170101+4324;Sven Olsson;Bygatan 9;735 98;Kyrkby;1918;M;Kyrkbyn");

        var result = Parse(text);

        Assert.Equal("19210315-4320", Assert.Single(result.Persons).Id);
        Assert.Equal((3, "fodd", "Födelseåret 1918 stämmer inte med personnumret (1917)"), Sv(Assert.Single(result.Errors)));
    }

    [Fact]
    public void Quoted_fields_may_hold_the_separator_quotes_and_line_breaks()
    {
        var text = File(Header,
            "\"19800101-1231\";\"Andersson; Lars\";\"Storgatan 1 \"\"Gula huset\"\"\";\"735 30\";Älvsala;1980;M;Centrum",
            "X-2;Anna Berg;\"c/o Holm",
            "Torggatan 2\";735 33;Älvsala;1990;K;Centrum",
            "X-3;;Torggatan 4;735 33;Älvsala;1990;K;Centrum");

        var result = Parse(text);

        Assert.Equal((5, "namn", "Namn saknas"), Sv(Assert.Single(result.Errors)));
        Assert.Equal(2, result.Persons.Count);
        Assert.Equal("Andersson; Lars", result.Persons[0].Name);
        Assert.Equal("Storgatan 1 \"Gula huset\"", result.Persons[0].Address);
        Assert.Equal("c/o Holm\nTorggatan 2", result.Persons[1].Address);
    }

    [Fact]
    public void A_quote_that_never_closes_is_reported_on_the_line_where_it_opens()
    {
        var result = Parse(File(Header, Good, "X-2;\"Anna Berg;Torggatan 2;735 33;Älvsala;1990;K;Centrum"));

        Assert.Equal((3, "", "Ett citattecken avslutas aldrig"), Sv(Assert.Single(result.Errors)));
    }

    [Fact]
    public void A_byte_order_mark_is_ignored()
    {
        var bytes = new UTF8Encoding(encoderShouldEmitUTF8Identifier: true).GetPreamble()
            .Concat(Encoding.UTF8.GetBytes(File(Header, Good))).ToArray();

        var fromStream = PopulationFrameCsv.Parse(new StreamReader(new MemoryStream(bytes), Encoding.UTF8), 200, Year);
        var fromText = Parse("\uFEFF" + File(Header, Good));

        Assert.Empty(fromStream.Errors);
        Assert.Single(fromStream.Persons);
        Assert.Empty(fromText.Errors);
        Assert.Single(fromText.Persons);
    }

    [Fact]
    public void Blank_lines_are_skipped_but_still_counted()
    {
        var result = Parse(File(Header, "", Good, "   ", "X-2;;Torggatan 2;735 33;Älvsala;1990;K;Centrum", ""));

        Assert.Equal((5, "namn", "Namn saknas"), Sv(Assert.Single(result.Errors)));
        Assert.Single(result.Persons);
    }

    [Fact]
    public void Missing_header_columns_are_each_named_on_line_one()
    {
        var result = Parse(File("id;namn;adress;ort;fodd;distrikt", "X-1;Lars;Storgatan 1;Älvsala;1980;Centrum"));

        Assert.Equal(
        [
            (1, "postnummer", "Kolumnen 'postnummer' saknas i rubrikraden"),
            (1, "kon", "Kolumnen 'kon' saknas i rubrikraden"),
        ], result.Errors.Select(Sv));
        Assert.Empty(result.Persons);
    }

    [Fact]
    public void An_empty_file_has_no_header()
    {
        var result = Parse("");

        Assert.Equal((1, "", "Filen är tom: rubrikraden saknas"), Sv(Assert.Single(result.Errors)));
    }

    [Fact]
    public void Reading_stops_at_the_error_limit()
    {
        var lines = new[] { Header }.Concat(Enumerable.Range(0, 10).Select(i => $"X-{i};;Torggatan 2;735 33;Älvsala;1990;K;Centrum"));

        var result = Parse(File([.. lines]), maxErrors: 3);

        Assert.Equal([2, 3, 4], result.Errors.Select(e => e.Line));
        Assert.True(result.StoppedAtErrorLimit);
    }

    [Theory]
    [InlineData("19800101-1231", "19800101-1231")]
    [InlineData("198001011231", "19800101-1231")]
    [InlineData("800101-1231", "19800101-1231")]
    [InlineData("8001011231", "19800101-1231")]
    [InlineData("19800161-1238", "19800161-1238")] // samordningsnummer: day + 60
    public void Personnummer_in_every_register_form_are_read_as_twelve_digits(string id, string expected)
    {
        var outcome = Personnummer.Parse(id, 1980, Year, out var normalized, out var birthYear);

        Assert.Equal(Personnummer.Outcome.Valid, outcome);
        Assert.Equal(expected, normalized);
        Assert.Equal(1980, birthYear);
    }

    [Theory]
    [InlineData("X-1001")]
    [InlineData("123456789")]
    [InlineData("19800101--1231")]
    [InlineData("1980010-11231")]
    public void Identifiers_without_the_shape_of_a_personnummer_are_other_identifiers(string id)
    {
        Assert.Equal(Personnummer.Outcome.NotAPersonnummer, Personnummer.Parse(id, null, Year, out _, out _));
    }
}
