using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Serialization;
using Medborgare.Contracts;
using Medborgare.ServiceDefaults;

namespace Medborgare.SystemTests;

/// <summary>
/// A survey with real answers for the results pages, set up through the public APIs only: Distribution's staff API (default
/// questionnaire, publish, a synthetic frame, a sample, invitations, codes from the print file), then residents' answers
/// submitted with those codes through Collection's public answering API, until Analysis has counted every one.
/// </summary>
public static class ResultsSurveySetup
{
    static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { Converters = { new JsonStringEnumConverter() } };

    public sealed record Survey(Guid Id, int Year, int Respondents, IReadOnlyList<string> FreeTexts);

    public static async Task<Survey> CreateAsync(WholeAppFixture fixture, int year, int frame, int sample, int respondents, int seed)
    {
        var (id, codes) = await IssueAsync(fixture, year, frame, sample, seed);
        Assert.True(codes.Count >= respondents + 1, $"Expected at least {respondents + 1} codes, got {codes.Count}.");
        var freeTexts = await AnswerAsync(fixture, id, codes.Take(respondents).ToList(), probe: codes[^1], seed, shift: 0, expectedRespondents: respondents);
        return new Survey(id, year, respondents, freeTexts);
    }

    /// <summary>A published survey with the default questionnaire, a synthetic frame, a sample and invitations; the codes from the print file.</summary>
    public static async Task<(Guid Id, List<string> Codes)> IssueAsync(WholeAppFixture fixture, int year, int frame, int sample, int seed)
    {
        using var distribution = fixture.StaffClient(ResourceNames.Distribution, StaffRoles.Analyst);
        var created = await SendAsync(distribution, HttpMethod.Post, "/api/surveys",
            new { year, titleSv = $"Medborgarundersökning {year}", titleEn = $"Citizen survey {year}", template = "Default",
                answerBy = DateOnly.FromDateTime(DateTime.UtcNow.AddDays(60)) });
        var id = created.GetProperty("id").GetGuid();
        await SendAsync(distribution, HttpMethod.Post, $"/api/surveys/{id}/publish");
        await SendAsync(distribution, HttpMethod.Post, $"/api/surveys/{id}/frame/synthetic", new { count = frame, seed });
        await SendAsync(distribution, HttpMethod.Post, $"/api/surveys/{id}/sample", new { allocation = "Proportional", size = sample, seed });
        await SendAsync(distribution, HttpMethod.Post, $"/api/surveys/{id}/invitations");
        var csv = await distribution.GetStringAsync($"/api/surveys/{id}/invitations/print-file");
        return (id, csv.TrimStart('\uFEFF').Split("\r\n", StringSplitOptions.RemoveEmptyEntries).Skip(1).Select(l => l.Split(';')[4]).ToList());
    }

    /// <summary>
    /// Residents answer with the given codes through Collection's public answering API, four at a time (or <paramref name="concurrency"/>), until Analysis has
    /// counted <paramref name="expectedRespondents"/> for the survey. The probe code is only started, never submitted: once
    /// Collection accepts it, it has learnt the codes. <paramref name="shift"/> moves every scale answer up or down. Returns
    /// the free-text answers given. A <paramref name="patient"/> resident whose submit fails for the server's sake (5xx, no
    /// answer, a dropped connection) presses the button again with the same submission, until <paramref name="countWithin"/>
    /// has passed; <paramref name="submitted"/> is called after each accepted submission.
    /// </summary>
    public static async Task<List<string>> AnswerAsync(WholeAppFixture fixture, Guid id, IReadOnlyList<string> codes, string probe, int seed,
        int shift, long expectedRespondents, bool patient = false, TimeSpan? countWithin = null, Action? submitted = null, int concurrency = 4)
    {
        var limit = countWithin ?? TimeSpan.FromMinutes(2);
        using var collection = new HttpClient { BaseAddress = new Uri(fixture.Url(ResourceNames.Collection)) };
        var questionnaire = await WaitForQuestionnaireAsync(collection, id);
        // The codes reach Collection in messages of up to 2,000, consumed in any order: wait for one of every thousand.
        // (Starting a code only opens its draft; the resident's submit later replaces it.)
        foreach (var known in codes.Where((_, i) => i % 1000 == 0).Append(probe))
        {
            await WaitUntilAsync(TimeSpan.FromSeconds(60), async () =>
            {
                using var started = await collection.PostAsJsonAsync("/api/answering/start", new { code = known });
                return started.IsSuccessStatusCode;
            }, "Collection never accepted an issued code");
        }

        var freeTexts = new List<string>();
        var questions = questionnaire.Sections.SelectMany(s => s.Questions).ToList();
        using var gate = new SemaphoreSlim(concurrency);
        var submissions = codes.Select(async (code, i) =>
        {
            var answers = Answers(questions, seed * 10_000 + i, shift, out var freeText);
            if (freeText is not null) lock (freeTexts) freeTexts.Add(freeText);
            await gate.WaitAsync();
            try
            {
                await SubmitAsync(collection, code, answers, patient ? DateTime.UtcNow + limit : null);
                submitted?.Invoke();
            }
            finally
            {
                gate.Release();
            }
        });
        await Task.WhenAll(submissions);

        using var analysis = fixture.StaffClient(ResourceNames.Analysis, StaffRoles.Analyst);
        await WaitUntilAsync(limit, async () =>
        {
            using var response = await analysis.GetAsync($"/api/surveys/{id}/respondents");
            var counted = response.IsSuccessStatusCode ? (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("respondents").GetInt64() : 0;
            return counted == expectedRespondents;
        }, $"Analysis did not count all {expectedRespondents} responses");
        return freeTexts;
    }

    /// <summary>
    /// Seeded answers: a general satisfaction level per respondent, scale answers scattered around it with some "vet ej",
    /// every choice question answered (so conditions apply), and a comment from about one respondent in five.
    /// </summary>
    static List<Answer> Answers(IReadOnlyList<QuestionSnapshot> questions, int respondent, int shift, out string? freeText)
    {
        var random = new Random(respondent);
        var level = 2 + random.NextDouble() * 8 + shift;
        var answers = new List<Answer>();
        freeText = null;
        foreach (var q in questions)
        {
            switch (q.Type)
            {
                case QuestionType.Scale when q.Scale is { } scale:
                    var dontKnow = scale.AllowDontKnow && random.NextDouble() < 0.05;
                    var value = Math.Clamp((int)Math.Round(level + (random.NextDouble() - 0.5) * 4), scale.Min, scale.Max);
                    answers.Add(new Answer { QuestionKey = q.Key, Number = dontKnow ? null : value });
                    break;
                case QuestionType.SingleChoice or QuestionType.MultipleChoice when q.Choices.Count > 0:
                    answers.Add(new Answer { QuestionKey = q.Key, Choices = [q.Choices[random.Next(q.Choices.Count)].Value] });
                    break;
                case QuestionType.FreeText when random.NextDouble() < 0.2:
                    freeText = $"Fler cykelvägar i kommunen, svar {respondent}";
                    answers.Add(new Answer { QuestionKey = q.Key, Text = freeText });
                    break;
            }
        }
        return answers;
    }

    /// <summary>
    /// Submits once; Collection's per-client rate limit (429) is waited out, as a patient client would. With a deadline, so
    /// is any failure that is not the client's mistake, sending the same submission key again.
    /// </summary>
    static async Task SubmitAsync(HttpClient collection, string code, List<Answer> answers, DateTime? retryFailuresUntil = null)
    {
        var key = Guid.NewGuid();
        for (var attempt = 0; ; attempt++)
        {
            string failure;
            try
            {
                using var response = await collection.PostAsJsonAsync("/api/answering/submit", new { code, submissionKey = key, answers }, Json);
                if (response.IsSuccessStatusCode) return;
                failure = $"Submit → {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}";
                var worthRetrying = response.StatusCode == HttpStatusCode.TooManyRequests || (retryFailuresUntil is not null && (int)response.StatusCode >= 500);
                if (!worthRetrying) throw new InvalidOperationException(failure);
            }
            catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException && retryFailuresUntil is not null)
            {
                failure = $"Submit → {ex.GetType().Name}: {ex.Message}";
            }
            if ((attempt > 60 && retryFailuresUntil is null) || DateTime.UtcNow > retryFailuresUntil) throw new InvalidOperationException(failure);
            await Task.Delay(1000 + Random.Shared.Next(1000));
        }
    }

    static async Task<QuestionnaireSnapshot> WaitForQuestionnaireAsync(HttpClient collection, Guid id)
    {
        QuestionnaireSnapshot? questionnaire = null;
        await WaitUntilAsync(TimeSpan.FromSeconds(60), async () =>
        {
            using var response = await collection.GetAsync($"/api/surveys/{id}");
            if (!response.IsSuccessStatusCode) return false;
            questionnaire = (await response.Content.ReadFromJsonAsync<JsonElement>(Json)).GetProperty("questionnaire").Deserialize<QuestionnaireSnapshot>(Json);
            return true;
        }, "Collection never learnt of the published survey");
        return questionnaire!;
    }

    static async Task WaitUntilAsync(TimeSpan limit, Func<Task<bool>> probe, string failure)
    {
        var deadline = DateTime.UtcNow + limit;
        while (!await probe())
        {
            if (DateTime.UtcNow > deadline) throw new TimeoutException(failure);
            await Task.Delay(500);
        }
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
