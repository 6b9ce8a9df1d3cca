using System.Diagnostics;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Serialization;
using Medborgare.Contracts;
using Medborgare.ServiceDefaults;

namespace Medborgare.LoadTool;

/// <summary>A survey ready for load: real codes that Collection knows, and one submit body (UTF-8 JSON) per code, made in advance.</summary>
public sealed record PreparedSurvey(Guid Id, int Year, IReadOnlyList<string> Codes, IReadOnlyList<byte[]> SubmitBodies);

/// <summary>
/// Everything before the clock starts, through the app's own APIs as an analyst and a resident would use them: next year's survey
/// (the run's state is its own, and a past year's codes have expired) with the default questionnaire, published, a synthetic
/// frame, a sample, invitations, the codes from the print file; then waiting until Collection knows a code from every stretch of
/// 500 (the codes reach it in several messages, consumed in any order); then every submit body serialized.
/// </summary>
sealed class SurveyPreparation(BenchApp app, StaffTokens tokens)
{
    internal static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { Converters = { new JsonStringEnumConverter() } };
    // Issuing and printing many thousand invitations takes minutes on a busy 2-core machine.
    readonly HttpClient http = new() { Timeout = TimeSpan.FromMinutes(10) };

    public async Task<PreparedSurvey> PrepareAsync(int codesNeeded)
    {
        var distribution = app.Url(ResourceNames.Distribution);
        var year = DateTime.UtcNow.Year + 1;
        // A few spare codes: proportional allocation rounds per district.
        var sample = codesNeeded + codesNeeded / 100 + 10;
        var survey = await StaffAsync(HttpMethod.Post, $"{distribution}/api/surveys", new { year, titleSv = "Lasttest", template = "Default" });
        var id = survey.GetProperty("id").GetGuid();
        await StaffAsync(HttpMethod.Post, $"{distribution}/api/surveys/{id}/publish");
        await StaffAsync(HttpMethod.Post, $"{distribution}/api/surveys/{id}/frame/synthetic", new { count = Math.Clamp(sample * 2, 3000, 1_000_000), seed = 1 });
        await StaffAsync(HttpMethod.Post, $"{distribution}/api/surveys/{id}/sample", new { allocation = "Proportional", size = sample, seed = 1 });
        await StaffAsync(HttpMethod.Post, $"{distribution}/api/surveys/{id}/invitations");
        using var request = Staff(HttpMethod.Get, $"{distribution}/api/surveys/{id}/invitations/print-file");
        using var printFile = await http.SendAsync(request);
        printFile.EnsureSuccessStatusCode();
        // namn;adress;postnummer;ort;kod;webbadress: the code is the second field from the end (names and addresses may be quoted).
        var codes = (await printFile.Content.ReadAsStringAsync()).TrimStart('\uFEFF').Split("\r\n", StringSplitOptions.RemoveEmptyEntries)
            .Skip(1).Select(line => line.Split(';')[^2]).ToList();
        if (codes.Count < codesNeeded) throw new InvalidOperationException($"The print file has {codes.Count} codes; the run needs {codesNeeded}");
        codes = codes.Take(codesNeeded).ToList();
        Console.WriteLine($"  survey {year} ({id}): {codes.Count} real codes issued; waiting for Collection to know them…");

        var collection = app.Url(ResourceNames.Collection);
        var questionnaire = await WaitForQuestionnaireAsync(collection, id);
        await WaitForCodesAsync(collection, codes);
        var bodies = codes.Select((code, i) => JsonSerializer.SerializeToUtf8Bytes(
            new { code, submissionKey = Guid.NewGuid(), answers = AnswerModel.Generate(questionnaire, i) }, Json)).ToList();
        return new PreparedSurvey(id, year, codes, bodies);
    }

    async Task WaitForCodesAsync(string collection, List<string> codes)
    {
        var probes = Enumerable.Range(0, codes.Count).Where(i => i % 500 == 0 || i == codes.Count - 1).Select(i => codes[i]).ToHashSet();
        string? lastRefusal = null;
        await WaitUntilAsync(TimeSpan.FromMinutes(5), async () =>
        {
            foreach (var code in probes.ToList())
            {
                using var r = await http.PostAsJsonAsync($"{collection}/api/answering/start", new { code });
                if (r.IsSuccessStatusCode) probes.Remove(code);
                else lastRefusal = $"{(int)r.StatusCode} {await r.Content.ReadAsStringAsync()}";
            }
            return probes.Count == 0;
        }, () => $"Collection did not know every issued code within 5 minutes; it last answered {lastRefusal}");
    }

    async Task<QuestionnaireSnapshot> WaitForQuestionnaireAsync(string collection, Guid id)
    {
        QuestionnaireSnapshot? questionnaire = null;
        await WaitUntilAsync(TimeSpan.FromMinutes(2), async () =>
        {
            using var r = await http.GetAsync($"{collection}/api/surveys/{id}");
            if (!r.IsSuccessStatusCode) return false;
            questionnaire = (await r.Content.ReadFromJsonAsync<JsonElement>(Json)).GetProperty("questionnaire").Deserialize<QuestionnaireSnapshot>(Json);
            return questionnaire is not null;
        }, () => "Collection did not learn of the published survey within 2 minutes");
        return questionnaire!;
    }

    HttpRequestMessage Staff(HttpMethod method, string url, object? body = null)
    {
        var request = new HttpRequestMessage(method, url) { Content = body is null ? null : JsonContent.Create(body, options: Json) };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", tokens.For(StaffRoles.Analyst));
        return request;
    }

    async Task<JsonElement> StaffAsync(HttpMethod method, string url, object? body = null)
    {
        using var request = Staff(method, url, body);
        using var response = await http.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        if (!response.IsSuccessStatusCode) throw new InvalidOperationException($"{method} {url} → {(int)response.StatusCode}: {text}");
        return text.Length == 0 ? default : JsonDocument.Parse(text).RootElement.Clone();
    }

    /// <summary>Probes every 200 ms until true or <paramref name="limit"/> has passed.</summary>
    internal static async Task WaitUntilAsync(TimeSpan limit, Func<Task<bool>> probe, Func<string> failure)
    {
        var clock = Stopwatch.StartNew();
        while (clock.Elapsed < limit)
        {
            try
            {
                if (await probe()) return;
            }
            catch (HttpRequestException)
            {
            }
            await Task.Delay(200);
        }
        throw new TimeoutException(failure());
    }
}
