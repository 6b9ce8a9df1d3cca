namespace Medborgare.Distribution.Frames;

/// <summary>
/// The made-up municipality behind <see cref="SyntheticFrameGenerator"/>: Älvsala, a town of eight
/// districts with streets, postcodes and common Swedish names. Plain data, no behaviour.
/// </summary>
internal static class SyntheticFrameData
{
    /// <summary>A street (or hamlet) with its postcode and postal town.</summary>
    public sealed record Street(string Name, string PostalCode, string Town, int MaxNumber);

    /// <param name="Share">Share of the adult population.</param>
    /// <param name="AgeTilt">Tilts the age pyramid: negative is younger than the town as a whole, positive older.</param>
    public sealed record District(string Name, double Share, double AgeTilt, IReadOnlyList<Street> Streets);

    public static readonly IReadOnlyList<District> Districts =
    [
        new("Centrum", 0.21, -0.45,
        [
            new("Storgatan", "735 30", "Älvsala", 60), new("Drottninggatan", "735 31", "Älvsala", 44),
            new("Kungsgatan", "735 32", "Älvsala", 52), new("Torggatan", "735 33", "Älvsala", 18),
            new("Kyrkogatan", "735 34", "Älvsala", 30), new("Järnvägsgatan", "735 35", "Älvsala", 24),
        ]),
        new("Norra", 0.16, 0.05,
        [
            new("Björkvägen", "735 40", "Älvsala", 40), new("Granvägen", "735 41", "Älvsala", 36),
            new("Tallstigen", "735 42", "Älvsala", 22), new("Norra Ringvägen", "735 43", "Älvsala", 90),
        ]),
        new("Södra", 0.15, 0.0,
        [
            new("Solvändan", "735 50", "Älvsala", 28), new("Ängsvägen", "735 51", "Älvsala", 46),
            new("Södra Långgatan", "735 52", "Älvsala", 70), new("Lärkvägen", "735 53", "Älvsala", 24),
        ]),
        new("Östra", 0.12, -0.15,
        [
            new("Östra Allén", "735 60", "Älvsala", 56), new("Skolvägen", "735 61", "Älvsala", 32),
            new("Idrottsvägen", "735 62", "Älvsala", 20), new("Lindvägen", "735 63", "Älvsala", 38),
        ]),
        new("Västra", 0.11, 0.15,
        [
            new("Västra Vägen", "735 70", "Älvsala", 64), new("Rönnvägen", "735 71", "Älvsala", 26),
            new("Klövervägen", "735 72", "Älvsala", 18), new("Smedjegatan", "735 73", "Älvsala", 34),
        ]),
        new("Hamnen", 0.07, -0.30,
        [
            new("Hamngatan", "735 80", "Älvsala", 40), new("Kajen", "735 81", "Älvsala", 16),
            new("Fiskartorget", "735 82", "Älvsala", 12), new("Sjöbodsvägen", "735 83", "Älvsala", 22),
        ]),
        new("Landsbygden", 0.10, 0.45,
        [
            new("Bäckby", "735 91", "Bäckby", 60), new("Ängsholm", "735 92", "Älvsala", 40),
            new("Lillsund", "735 93", "Lillsund", 50), new("Västanå", "735 94", "Älvsala", 30),
            new("Norrberg", "735 95", "Lillsund", 36),
        ]),
        new("Kyrkbyn", 0.08, 0.30,
        [
            new("Prästgårdsvägen", "735 97", "Kyrkby", 30), new("Klockarvägen", "735 97", "Kyrkby", 24),
            new("Bygatan", "735 98", "Kyrkby", 40), new("Gamla Landsvägen", "735 98", "Kyrkby", 80),
        ]),
    ];

    /// <summary>Persons per year of age in each five-year band (thousands, roughly Sweden's pyramid).</summary>
    public static readonly IReadOnlyList<(int FromAge, double PerYear)> AgePyramid =
    [
        (16, 124), (20, 120), (25, 136), (30, 144), (35, 138), (40, 132), (45, 128), (50, 132),
        (55, 128), (60, 118), (65, 112), (70, 108), (75, 98), (80, 66), (85, 36), (90, 16), (95, 4.4), (100, 0.4),
    ];

    public const int MaximumAge = 100;

    /// <summary>Share of women by age: about even, more women among the oldest.</summary>
    public static double ShareOfWomen(int age) => age switch
    {
        < 60 => 0.485,
        < 70 => 0.50,
        < 80 => 0.53,
        < 85 => 0.57,
        < 90 => 0.63,
        _ => 0.72,
    };

    // Born before 1965 and from 1965 on: names go in and out of fashion.
    public static readonly string[] OlderWomen =
    [
        "Kerstin", "Margareta", "Birgitta", "Ingrid", "Anna", "Eva", "Karin", "Christina", "Marie", "Elisabeth",
        "Gunilla", "Ulla", "Inger", "Barbro", "Lena", "Britt", "Maj", "Gun", "Monica", "Agneta", "Ann-Marie", "Siv",
    ];
    public static readonly string[] YoungerWomen =
    [
        "Anna", "Maria", "Sara", "Emma", "Johanna", "Linda", "Malin", "Jenny", "Hanna", "Elin", "Ida", "Sofia",
        "Julia", "Matilda", "Amanda", "Wilma", "Ebba", "Elsa", "Fatima", "Camilla", "Therese", "Moa", "Alva",
    ];
    public static readonly string[] OlderMen =
    [
        "Lars", "Karl", "Anders", "Per", "Nils", "Jan", "Bengt", "Sven", "Lennart", "Göran", "Hans", "Olof",
        "Bo", "Kjell", "Rolf", "Ulf", "Gunnar", "Leif", "Bertil", "Sten", "Åke", "Stig",
    ];
    public static readonly string[] YoungerMen =
    [
        "Johan", "Erik", "Mikael", "Andreas", "Fredrik", "Daniel", "Peter", "Magnus", "Jonas", "Marcus", "Oskar",
        "Viktor", "Simon", "Alexander", "William", "Lucas", "Elias", "Hugo", "Filip", "Mohammed", "Ali", "Emil", "Axel",
    ];

    // Repeats make the most common surnames more common, as they are.
    public static readonly string[] Surnames =
    [
        "Andersson", "Andersson", "Andersson", "Johansson", "Johansson", "Johansson", "Karlsson", "Karlsson",
        "Karlsson", "Nilsson", "Nilsson", "Eriksson", "Eriksson", "Larsson", "Larsson", "Olsson", "Olsson",
        "Persson", "Persson", "Svensson", "Svensson", "Gustafsson", "Pettersson", "Jonsson", "Jansson", "Hansson",
        "Bengtsson", "Jönsson", "Lindberg", "Jakobsson", "Magnusson", "Olofsson", "Lindström", "Lindqvist",
        "Lindgren", "Axelsson", "Berg", "Bergström", "Lundberg", "Lundgren", "Lind", "Lundqvist", "Mattsson",
        "Berglund", "Fredriksson", "Sandberg", "Henriksson", "Forsberg", "Sjöberg", "Wallin", "Engström",
        "Eklund", "Danielsson", "Lundin", "Håkansson", "Björk", "Bergman", "Gunnarsson", "Holm", "Wikström",
        "Samuelsson", "Isaksson", "Fransson", "Nyström", "Holmberg", "Arvidsson", "Löfgren", "Söderberg",
        "Nyberg", "Ali", "Mohammed", "Ahmed", "Hassan", "Nguyen", "Nowak", "Kaya", "Virtanen", "Korhonen",
    ];
}
