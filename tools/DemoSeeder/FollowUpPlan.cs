namespace Medborgare.DemoSeeder;

/// <summary>
/// Älvsala's goal chain (Mål och budget): a vision, four goal areas whose codes are the goal-area tags of the
/// default questionnaire, council goals (KF-mål) and committee goals (nämndmål), and about forty indicators.
/// </summary>
public static class FollowUpPlan
{
    /// <summary>An indicator: <paramref name="Key"/> is a survey indicator key, a KPI id, or a feedback key (null: the count).</summary>
    /// <param name="Target">The target in the first key-figure year; <paramref name="TargetStep"/> is added each year.</param>
    public sealed record IndicatorPlan(string Name, string Source, string? Key, string Unit, bool LowerIsBetter, double Target, double TargetStep,
        double Tolerance, bool SplitBySex = false);

    public sealed record GoalPlan(string Level, string Title, string Text, string ResponsibleBody, IReadOnlyList<IndicatorPlan> Indicators,
        IReadOnlyList<GoalPlan> Children, string? Code = null);

    const string KF = "Kommunfullmäktige", KS = "Kommunstyrelsen", BUN = "Barn- och utbildningsnämnden", SN = "Socialnämnden",
        TN = "Tekniska nämnden", KFN = "Kultur- och fritidsnämnden";

    static IndicatorPlan Citizen(string name, string key, double target, double step = 0.5, double tolerance = 3) =>
        new(name, "Citizen", key, key.Contains(':') ? "%" : "index", false, target, step, tolerance);
    static IndicatorPlan CitizenLow(string name, string key, double target, double step = -0.5, double tolerance = 3) =>
        new(name, "Citizen", key, "%", true, target, step, tolerance);
    static IndicatorPlan Kpi(string id, double target, double step, double tolerance)
    {
        var kpi = KeyFigurePlan.Kpis.Single(k => k.Id == id);
        return new(kpi.Title, "Operational", id, kpi.Unit, kpi.LowerIsBetter, target, step, tolerance, kpi.DividedByGender);
    }
    static IndicatorPlan Feedback(string name, double target) => new(name, "Feedback", null, "antal", true, target, 0, 5);
    // Synpunkter as cases: the share answered within the response time, the median response time, and a theme's count.
    static IndicatorPlan InTime(double target = 90) => new("Synpunkter besvarade i tid", "Feedback", "answered-in-time", "%", false, target, 0, 5);
    static IndicatorPlan ResponseDays(double target = 7) => new("Svarstid för synpunkter (median)", "Feedback", "median-response-days", "arbetsdagar", true, target, 0, 2);
    static IndicatorPlan Theme(string name, string category, double target, bool lowerIsBetter = true) =>
        new(name, "Feedback", "theme:" + category, "st", lowerIsBetter, target, 0, 2);
    static IndicatorPlan[] Cases(params IndicatorPlan[] themes) => [InTime(), ResponseDays(), .. themes];

    static GoalPlan Committee(string title, string text, string owner, params IndicatorPlan[] indicators) =>
        new("CommitteeGoal", title, text, owner, indicators, []);
    static GoalPlan Council(string title, string text, string owner, IndicatorPlan[] indicators, params GoalPlan[] children) =>
        new("CouncilGoal", title, text, owner, indicators, children);

    public static readonly GoalPlan Vision = new("Vision", "Älvsala 2035 – trygg, hållbar och öppen",
        "Älvsala är kommunen vid älven där människor vill bo, växa och åldras, där naturen och staden möts och där alla kan vara med och påverka.",
        KF, [], [
            // A goal area's responsible body is the nämnd its synpunkter are routed to (GoalAreaResponsibilityChanged).
            new("GoalArea", "En trygg och hållbar livsmiljö", "Trygga bostadsområden, en ren miljö och en infrastruktur som håller året runt.", TN,
                [Citizen("Nöjd-Region-Index (NRI)", "NRI", 60), Feedback("Synpunkter om livsmiljön", 25), .. Cases(Theme("Klagomål om livsmiljön", "klagomål", 5))], [
                Council("Älvsala är tryggt att bo och vistas i", "Fler invånare känner sig trygga i sitt bostadsområde och i centrum, även på kvällen.", KS,
                    [Citizen("Trygghet (NRI-faktor)", "NRI.trygghet", 56), Citizen("Andel som känner sig trygga ute på kvällen (8–10)", "nri.trygghet.kvall:high", 30, 1.0),
                     Kpi("N07916", 820, -20, 40)],
                    Committee("Gator, gång- och cykelvägar är säkra och väl underhållna", "Underhållet och snöröjningen prioriterar gång, cykel och skolvägar.", TN,
                        Citizen("Gator och vägar (NMI-faktor)", "NMI.gator-vagar", 48), Citizen("Gång- och cykelvägar (NMI-faktor)", "NMI.gang-cykel", 50, 1.0),
                        Kpi("N07925", 45, 1.5, 3))),
                Council("Klimatpåverkan minskar och avfallet blir en resurs", "Utsläppen minskar i takt med de nationella målen och mer av avfallet återvinns.", KS,
                    [Citizen("Miljöarbete (NMI-faktor)", "NMI.miljoarbete", 52), Kpi("N00401", 3.6, -0.15, 0.2), Kpi("N07403", 440, -8, 15)],
                    Committee("Avfallet minskar och mer återvinns", "Sophämtning och återvinning är enkel för alla hushåll.", TN,
                        Citizen("Renhållning och sophämtning (NMI-faktor)", "NMI.renhallning", 66), Kpi("N85070", 150, -3, 6))),
            ], Code: "livsmiljo"),
            new("GoalArea", "Kunskap och lärande hela livet", "Förskola och skola ger varje barn en god start och kunskaper för livet.", BUN,
                [Feedback("Synpunkter om utbildning", 20), .. Cases(Theme("Klagomål om utbildning", "klagomål", 4))], [
                Council("Fler elever når kunskapsmålen", "Andelen elever som är behöriga till gymnasiet ökar varje år.", BUN,
                    [Citizen("Grundskola (NMI-faktor)", "NMI.grundskola", 60, 1.0), Kpi("N15419", 82, 1, 2.5), Kpi("N15436", 74, 1, 3)],
                    Committee("Förskolan ger alla barn en god start", "Små barngrupper och utbildad personal.", BUN,
                        Citizen("Förskola (NMI-faktor)", "NMI.forskola", 68, 0.5), Kpi("N11805", 5.4, -0.05, 0.2))),
                Council("Fler unga går vidare till studier och arbete", "Gymnasieskolan och vuxenutbildningen leder till examen och jobb.", BUN,
                    [Citizen("Gymnasieskola (NMI-faktor)", "NMI.gymnasieskola", 62), Citizen("Utbildningsmöjligheter (NRI-faktor)", "NRI.utbildning", 62),
                     Kpi("N17461", 68, 1, 3), Citizen("Bibliotek (NMI-faktor)", "NMI.bibliotek", 76, 0)]),
            ], Code: "utbildning"),
            new("GoalArea", "Trygg vård och omsorg", "Den som behöver stöd får det i tid, med respekt och kontinuitet.", SN,
                [Feedback("Synpunkter om vård och omsorg", 10), .. Cases(Theme("Klagomål om vård och omsorg", "klagomål", 6))], [
                Council("Äldre får en trygg och värdig omsorg", "Äldre kan bo kvar hemma med god hemtjänst och får plats i särskilt boende i tid.", SN,
                    [Citizen("Äldreomsorg (NMI-faktor)", "NMI.aldreomsorg", 60, 0.5), Kpi("N00923", 60, -3, 8), Kpi("U23471", 82, 0.5, 3)],
                    Committee("Hemtjänsten har hög kontinuitet", "Färre olika personal hos varje hemtjänsttagare.", SN,
                        Kpi("U21468", 15, -0.5, 1.5), CitizenLow("Andel missnöjda med hemtjänsten (1–4)", "nmi.aldreomsorg.hemtjanst:low", 15))),
                Council("Den som är utsatt får rätt stöd i tid", "Socialtjänsten är lätt att nå och stödet gör skillnad.", SN,
                    [Citizen("Stöd till utsatta personer (NMI-faktor)", "NMI.stod-utsatta", 50), Kpi("N31807", 78, 0.5, 3),
                     Citizen("Räddningstjänst (NMI-faktor)", "NMI.raddningstjanst", 76, 0)]),
            ], Code: "omsorg"),
            new("GoalArea", "Delaktighet, kultur och fritid", "Invånarna är delaktiga, har förtroende för kommunen och ett rikt fritidsliv.", KS,
                [Citizen("Nöjd-Inflytande-Index (NII)", "NII", 42), Citizen("Nöjd-Medborgar-Index (NMI)", "NMI", 60), Feedback("Synpunkter om delaktighet", 20),
                 .. Cases(Theme("Klagomål om delaktighet", "klagomål", 5), Theme("Förslag från invånarna", "förslag", 4, lowerIsBetter: false))], [
                Council("Invånarna kan påverka och har förtroende för kommunen", "Invånarna får information i tid och kan påverka besluten.", KS,
                    [Citizen("Påverkan (NII-faktor)", "NII.paverkan", 38, 1.0), Citizen("Förtroende (NII-faktor)", "NII.fortroende", 46),
                     Citizen("Information (NII-faktor)", "NII.information", 50), Kpi("U00406", 84, 0, 2)],
                    Committee("Service som är tillgänglig och ett gott bemötande", "Den som kontaktar kommunen får svar snabbt och bemöts väl.", KS,
                        Citizen("Bemötande och tillgänglighet (NMI-faktor)", "NMI.bemotande", 62), Kpi("U00442", 70, 2, 5))),
                Council("Ett rikt kultur- och fritidsliv för alla", "Idrott, kultur och natur finns nära för alla åldrar.", KFN,
                    [Citizen("Fritidsmöjligheter (NRI-faktor)", "NRI.fritid", 72, 0), Citizen("Kultur (NMI-faktor)", "NMI.kultur", 62),
                     Citizen("Idrotts- och motionsanläggningar (NMI-faktor)", "NMI.idrott", 62), Kpi("N09890", 4.6, 0.1, 0.3)]),
            ], Code: "delaktighet"),
        ]);

    public static IEnumerable<GoalPlan> All(GoalPlan goal) => goal.Children.SelectMany(All).Prepend(goal);
}
