namespace Medborgare.DemoSeeder;

/// <summary>Comments residents leave at the end of the questionnaire, by the factor that moved them to write.</summary>
static class FreeTextComments
{
    static readonly Dictionary<string, string[]> Complaints = new()
    {
        ["NRI.bostader"] = ["Det är nästan omöjligt för unga att hitta en hyresrätt här.", "Bygg fler mindre lägenheter så att man kan bo kvar när barnen flyttat."],
        ["NRI.trygghet"] = ["Jag undviker stationen och centrum på kvällarna.", "Mer belysning och fler vuxna ute på kvällarna skulle göra skillnad."],
        ["NRI.kommunikationer"] = ["Bussen går för sällan, särskilt på helgerna.", "Utan bil kommer man ingenstans härifrån."],
        ["NRI.arbete"] = ["Svårt att hitta jobb inom mitt yrke utan att pendla långt."],
        ["NMI.aldreomsorg"] = ["Min mamma får nya personer från hemtjänsten nästan varje dag.", "Väntan på plats i äldreboende är alldeles för lång.", "Personalen gör sitt bästa men hinner inte med."],
        ["NMI.stod-utsatta"] = ["Det tog månader att få kontakt med socialtjänsten.", "Stödet till personer med funktionsnedsättning har blivit sämre."],
        ["NMI.gator-vagar"] = ["Hålen i vägarna blir bara fler.", "Snöröjningen på vår gata kommer alltid sist."],
        ["NMI.gang-cykel"] = ["Cykelbanorna tar slut mitt i ingenting.", "Gångvägen till skolan är inte säker för barnen."],
        ["NMI.grundskola"] = ["Det är för stökigt i klassrummen.", "Mitt barn får inte det stöd som behövs."],
        ["NMI.miljoarbete"] = ["Kommunen borde göra mer för klimatet."],
        ["NII.paverkan"] = ["Det känns som att besluten redan är fattade när vi tillfrågas.", "Lyssna på oss som bor här innan ni bygger om."],
        ["NII.fortroende"] = ["Politikerna syns bara inför valen.", "Svårt att lita på att pengarna används rätt."],
        ["NII.kontakt"] = ["Det är svårt att få svar när man mejlar kommunen."],
    };

    static readonly Dictionary<string, string[]> Praise = new()
    {
        ["NRI.fritid"] = ["Naturen runt älven är fantastisk, ta vara på den!", "Fina motionsspår och badplatser."],
        ["NMI.bibliotek"] = ["Biblioteket är kommunens bästa ställe.", "Tack för de fina aktiviteterna för barn på biblioteket."],
        ["NMI.vatten-avlopp"] = ["Vattnet är gott och det fungerar alltid."],
        ["NMI.forskola"] = ["Vår förskola har underbar personal."],
        ["NMI.raddningstjanst"] = ["Räddningstjänsten kom snabbt när vi behövde dem."],
        ["NRI.kommersiellt"] = ["Bra affärer i centrum, nära till allt."],
    };

    static readonly string[] General =
    [
        "Bra att ni frågar oss!", "Överlag trivs jag bra i Älvsala.", "Enkäten var lite för lång.", "Mer information på lätt svenska, tack.",
    ];

    public static IReadOnlyList<string> For(string factorKey, bool praise) =>
        (praise ? Praise : Complaints).GetValueOrDefault(factorKey) ?? General;
}
