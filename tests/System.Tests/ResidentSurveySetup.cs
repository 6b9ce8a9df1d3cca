using System.Collections.Concurrent;
using System.Net.Http.Json;
using System.Text.Json;
using Medborgare.Contracts;
using Medborgare.ServiceDefaults;

namespace Medborgare.SystemTests;

/// <summary>
/// One published survey with real invitation codes for the residents' browser tests, set up once per test run through
/// Distribution's staff API exactly as an analyst would: the default questionnaire, publish, a synthetic frame, a sample,
/// invitations, and the codes read from the print house's CSV. Each test takes unused codes from <see cref="TakeCode"/>.
/// </summary>
public sealed class ResidentSurvey
{
    static readonly SemaphoreSlim Gate = new(1, 1);
    static ResidentSurvey? shared;

    readonly ConcurrentQueue<string> unused;

    ResidentSurvey(Guid id, int year, IEnumerable<string> codes) => (Id, Year, unused) = (id, year, new(codes));

    public Guid Id { get; }
    public int Year { get; }
    public string Title => $"Medborgarundersökning {Year}";
    public string EnglishTitle => $"Citizen survey {Year}";

    /// <summary>A code as printed in the letter (<c>XXXXX-XXXXX-XXXXX</c>) that no other test has used.</summary>
    public string TakeCode() => unused.TryDequeue(out var code) ? code : throw new InvalidOperationException("No unused codes left.");

    public static async Task<ResidentSurvey> GetAsync(WholeAppFixture fixture)
    {
        await Gate.WaitAsync();
        try
        {
            return shared ??= await CreateAsync(fixture);
        }
        finally
        {
            Gate.Release();
        }
    }

    /// <summary>Analysis's live count of respondents for this survey.</summary>
    public async Task<long> RespondentsAsync(WholeAppFixture fixture)
    {
        using var analysis = fixture.StaffClient(ResourceNames.Analysis, StaffRoles.Analyst);
        using var response = await analysis.GetAsync($"/api/surveys/{Id}/respondents");
        if (!response.IsSuccessStatusCode) return 0;
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("respondents").GetInt64();
    }

    static async Task<ResidentSurvey> CreateAsync(WholeAppFixture fixture)
    {
        using var distribution = fixture.StaffClient(ResourceNames.Distribution, StaffRoles.Analyst);
        // The analysts' tests take years from 2030 on; these take theirs below, so that the two never collide in one run. The last
        // day to answer is set, since a past year's codes would otherwise have expired.
        var taken = (await distribution.GetFromJsonAsync<JsonElement>("/api/surveys")).EnumerateArray().Select(s => s.GetProperty("year").GetInt32()).ToHashSet();
        var year = Enumerable.Range(2000, 30).Where(y => !taken.Contains(y)).OrderBy(_ => Random.Shared.Next()).First();

        var survey = await SendAsync(distribution, HttpMethod.Post, "/api/surveys",
            new { year, titleSv = $"Medborgarundersökning {year}", titleEn = $"Citizen survey {year}", template = "Default",
                answerBy = DateOnly.FromDateTime(DateTime.UtcNow.AddDays(60)) });
        var id = survey.GetProperty("id").GetGuid();
        await SendAsync(distribution, HttpMethod.Post, $"/api/surveys/{id}/publish");
        await SendAsync(distribution, HttpMethod.Post, $"/api/surveys/{id}/frame/synthetic", new { count = 400, seed = 7 });
        await SendAsync(distribution, HttpMethod.Post, $"/api/surveys/{id}/sample", new { allocation = "Proportional", size = 40, seed = 7 });
        await SendAsync(distribution, HttpMethod.Post, $"/api/surveys/{id}/invitations");
        var csv = await distribution.GetStringAsync($"/api/surveys/{id}/invitations/print-file");
        var codes = csv.TrimStart('\uFEFF').Split("\r\n", StringSplitOptions.RemoveEmptyEntries).Skip(1).Select(l => l.Split(';')[4]).ToList();
        Assert.True(codes.Count >= 20, $"Expected at least 20 codes in the print file, got {codes.Count}.");
        Assert.All(codes, c => Assert.Equal(InvitationCodeCheck.Valid, InvitationCode.Check(c, out _)));

        // Collection learns the survey and the codes' hashes through RabbitMQ; the last code is the probe and is not handed out.
        // An unknown code counts against this machine's few wrong guesses (Collection throttles at 10 per 15 minutes per
        // client, and the web app calls from the same address), so the probe waits for the survey first and then tries slowly.
        using var collection = new HttpClient { BaseAddress = new Uri(fixture.Url(ResourceNames.Collection)) };
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (!(await collection.GetAsync($"/api/surveys/{id}")).IsSuccessStatusCode)
        {
            if (DateTime.UtcNow > deadline) throw new InvalidOperationException("Collection never learnt of the published survey.");
            await Task.Delay(200);
        }
        await Task.Delay(1000);
        while (true)
        {
            using var probe = await collection.PostAsJsonAsync("/api/answering/start", new { code = codes[^1] });
            if (probe.IsSuccessStatusCode) break;
            if (DateTime.UtcNow > deadline) throw new InvalidOperationException($"Collection never accepted an issued code: {(int)probe.StatusCode}");
            await Task.Delay(2000);
        }
        return new ResidentSurvey(id, year, codes[..^1]);
    }

    static async Task<JsonElement> SendAsync(HttpClient client, HttpMethod method, string path, object? body = null)
    {
        using var request = new HttpRequestMessage(method, path) { Content = body is null ? null : JsonContent.Create(body) };
        using var response = await client.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        if (!response.IsSuccessStatusCode) throw new InvalidOperationException($"{method} {path} → {(int)response.StatusCode}: {text}");
        return text.Length == 0 ? default : JsonDocument.Parse(text).RootElement.Clone();
    }
}
