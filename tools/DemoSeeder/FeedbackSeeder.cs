using System.Net;

namespace Medborgare.DemoSeeder;

/// <summary>
/// Open feedback (synpunkter) from residents through Collection's public API, across the goal areas and districts.
/// Some texts carry a phone number, an e-mail address or a personnummer, which Collection masks before anything leaves it.
/// </summary>
sealed class FeedbackSeeder(DemoOptions options, DemoHttp http)
{
    sealed record Item(string Category, string? GoalArea, string Text);

    static readonly Item[] Items =
    [
        new("klagomål", "livsmiljo", "Gatubelysningen på Storgatan har varit trasig i tre veckor. Det känns otryggt att gå hem."),
        new("klagomål", "livsmiljo", "Snöröjningen av cykelbanan längs älven kommer alltid sist. Ring mig gärna på 070-123 45 67."),
        new("förslag", "livsmiljo", "Sätt upp fler papperskorgar och återvinningskärl vid badplatsen i Hamnen."),
        new("klagomål", "livsmiljo", "Bilarna kör alldeles för fort förbi skolan på Skolvägen. Vi behöver farthinder."),
        new("beröm", "livsmiljo", "Tack för den nya gång- och cykelvägen till Kyrkbyn, den används varje dag!"),
        new("fråga", "livsmiljo", "När börjar bygget av de nya hyresrätterna i Norra? Svara till anna.svensson@example.se."),
        new("klagomål", "livsmiljo", "Det luktar från avloppet vid Kajen varje sommar."),
        new("förslag", "livsmiljo", "Bussen till Lillsund borde gå även på kvällar och helger."),
        new("klagomål", "livsmiljo", "Grannens skräp ligger kvar trots anmälan. Mitt personnummer är 19800101-1234 om ni behöver det."),
        new("beröm", "livsmiljo", "Fin ny lekplats i Östra, barnen älskar den."),
        new("förslag", "livsmiljo", "Mer belysning i tunneln under järnvägen skulle göra stor skillnad för tryggheten."),
        new("klagomål", "livsmiljo", "Hålen i Gamla Landsvägen har inte lagats sedan i våras."),
        new("fråga", "livsmiljo", "Var kan jag lämna grovavfall utan bil?"),
        new("klagomål", "livsmiljo", "Det har blivit mer nedskräpning i centrum på helgerna."),
        new("förslag", "livsmiljo", "Plantera fler träd längs Drottninggatan."),
        new("beröm", "utbildning", "Förskolan Solvändan har fantastisk personal. Tack!"),
        new("klagomål", "utbildning", "Mitt barn har haft vikarie i matte hela terminen."),
        new("fråga", "utbildning", "Hur ansöker man om plats på fritids under lovet? Min e-post är per.nilsson@example.com."),
        new("förslag", "utbildning", "Öppna skolbiblioteket även efter skoltid."),
        new("klagomål", "utbildning", "Det är för stökigt i klassrummen på högstadiet."),
        new("beröm", "utbildning", "Biblioteket har så bra aktiviteter för barn på lördagar."),
        new("klagomål", "utbildning", "Skolskjutsen från Bäckby är ofta sen."),
        new("förslag", "utbildning", "Fler platser i vuxenutbildningen inom vård, tack."),
        new("beröm", "utbildning", "Lärarna på Älvsala gymnasium gör ett fantastiskt jobb."),
        new("klagomål", "utbildning", "Barngrupperna på förskolan i Centrum är alldeles för stora."),
        new("fråga", "utbildning", "Varför stängs förskolan i Kyrkbyn? Ring 0730-98 76 54."),
        new("förslag", "utbildning", "Läxhjälp på biblioteket skulle hjälpa många."),
        new("klagomål", "omsorg", "Min pappa får besök av nya personer från hemtjänsten nästan varje dag."),
        new("klagomål", "omsorg", "Vi har väntat i fem månader på plats i särskilt boende för min mamma."),
        new("klagomål", "omsorg", "Hemtjänsten hinner inte med, besöken blir kortare och kortare."),
        new("fråga", "omsorg", "Hur ansöker jag om trygghetslarm? Min mamma har personnummer 19400512-2385."),
        new("beröm", "omsorg", "Personalen på Lindgårdens äldreboende är så omtänksam."),
        new("klagomål", "omsorg", "Det tog tre veckor att få svar från socialtjänsten."),
        new("förslag", "omsorg", "Fler träffpunkter för äldre i Landsbygden."),
        new("klagomål", "omsorg", "Maten på äldreboendet har blivit sämre."),
        new("klagomål", "omsorg", "Min bror med funktionsnedsättning har fått sin assistans minskad utan förklaring. Nå mig på 070-555 12 34."),
        new("beröm", "omsorg", "Räddningstjänsten var på plats på några minuter när det brann i vår förrådsbod."),
        new("klagomål", "omsorg", "Väntetiden till färdtjänsten är orimlig."),
        new("fråga", "omsorg", "Finns det anhörigstöd för oss som vårdar en förälder hemma?"),
        new("klagomål", "omsorg", "Ingen kontinuitet i hemtjänsten, min mamma blir orolig av alla nya ansikten."),
        new("förslag", "delaktighet", "Sänd kommunfullmäktiges möten på webben med textning."),
        new("klagomål", "delaktighet", "Medborgardialogen om nya torget var bara för syns skull."),
        new("beröm", "delaktighet", "Bra att kommunen frågar oss i medborgarundersökningen."),
        new("fråga", "delaktighet", "Hur lämnar man ett medborgarförslag? Mejla mig på karin.berg@example.org."),
        new("förslag", "delaktighet", "Öppna simhallen tidigare på morgonen."),
        new("klagomål", "delaktighet", "Det är svårt att komma fram till kommunen på telefon."),
        new("beröm", "delaktighet", "Kulturnatten var fantastisk i år!"),
        new("förslag", "delaktighet", "Fler spontanidrottsplatser för ungdomar i Hamnen."),
        new("klagomål", "delaktighet", "Ishallen har för få tider för allmänheten."),
        new("förslag", "delaktighet", "Informationen på webben borde finnas på lätt svenska och fler språk."),
        new("klagomål", "delaktighet", "Politikerna lyssnar inte på oss som bor på landsbygden."),
        new("beröm", "delaktighet", "Elljusspåret i Norra är perfekt för kvällsjogging."),
        new("fråga", "delaktighet", "När öppnar den nya konstgräsplanen?"),
        new("förslag", "delaktighet", "Ett ungdomsråd som får vara med på riktigt."),
        new("klagomål", "delaktighet", "Jag fick aldrig svar på min synpunkt från förra året."),
        new("beröm", null, "Tack för ett bra bemötande i kontaktcenter."),
        new("fråga", null, "Var hittar jag kommunens budget?"),
        new("förslag", null, "En app för felanmälan vore bra."),
        new("klagomål", null, "Kommunens webbplats är svår att hitta på."),
        new("beröm", null, "Älvsala är en fin kommun att bo i."),
    ];

    static readonly string[] Districts = ["Centrum", "Norra", "Södra", "Östra", "Västra", "Hamnen", "Landsbygden", "Kyrkbyn"];

    public async Task<int> RunAsync(CancellationToken ct)
    {
        await new CaseSeeder(options, http).WaitForRoutesAsync(ct);
        var random = new Random(options.Seed + 60);
        var sent = 0;
        // Interleaved by goal area, so a smaller demo still has feedback in every area.
        var interleaved = Items.GroupBy(i => i.GoalArea).SelectMany(g => g.Select((item, rank) => (item, rank)))
            .OrderBy(x => x.rank).Select(x => x.item);
        foreach (var item in interleaved.Take(options.FeedbackItems))
        {
            var district = random.NextDouble() < 0.8 ? Districts[random.Next(Districts.Length)] : null;
            var withContact = random.NextDouble() < 0.15;
            var withEmail = withContact && random.NextDouble() < 0.5;
            var body = new
            {
                category = item.Category, goalArea = item.GoalArea, district, text = item.Text,
                contact = withContact ? new { name = "Invånare i Älvsala", email = withEmail ? "invanare@example.se" : null, phone = "0501-123 45" } : null,
                contactConsent = withContact,
            };
            for (var attempt = 0; ; attempt++)
            {
                var (status, text) = await http.PublicAsync(HttpMethod.Post, options.Collection, "/api/feedback", body, ct);
                if ((int)status is >= 200 and < 300) break;
                if (status == HttpStatusCode.TooManyRequests && attempt < 20)
                {
                    await Task.Delay(500 * (attempt + 1), ct);
                    continue;
                }
                throw new DemoSeedingException($"Feedback was refused: {(int)status} {text}");
            }
            sent++;
        }
        options.Output.WriteLine($"demo        | open feedback: {sent} items sent through Collection's public form");
        return sent;
    }
}
