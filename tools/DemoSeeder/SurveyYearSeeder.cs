using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Text.Json;
using Medborgare.Contracts;

namespace Medborgare.DemoSeeder;

/// <summary>What one survey year of the demo ended with.</summary>
public sealed record SurveyYearSummary(int Year, Guid SurveyId, int Invited, int Responses, int ReminderRecipients, int Indicators, TimeSpan Took);

/// <summary>
/// One survey year, the way an analyst and the residents would do it: Distribution creates, publishes, samples
/// and invites; residents answer with the printed codes through Collection's public API; a reminder round goes
/// to the rest; the survey closes; once Analysis has counted every response over RabbitMQ, the results are published.
/// </summary>
sealed class SurveyYearSeeder(DemoOptions options, DemoHttp http)
{
    readonly TextWriter output = options.Output;

    public async Task<SurveyYearSummary> RunAsync(int year, int yearIndex, CancellationToken ct)
    {
        var clock = Stopwatch.StartNew();
        var survey = await http.StaffAsync(HttpMethod.Post, options.Distribution, "/api/surveys", new
        {
            year, titleSv = $"Medborgarundersökning {year}", titleEn = $"Citizen survey {year}", template = "Default",
            // Codes are valid until this day, so last years' surveys can be answered today too.
            answerBy = DateOnly.FromDateTime(DateTime.UtcNow).AddDays(30),
        }, ct);
        var id = survey.GetProperty("id").GetGuid();
        var path = $"/api/surveys/{id}";
        await http.StaffAsync(HttpMethod.Post, options.Distribution, $"{path}/publish", null, ct);
        await http.StaffAsync(HttpMethod.Post, options.Distribution, $"{path}/frame/synthetic", new { count = options.FramePersons, seed = options.Seed }, ct);
        await http.StaffAsync(HttpMethod.Post, options.Distribution, $"{path}/sample",
            new { allocation = "Proportional", size = options.SampleSize, seed = options.Seed + year }, ct);
        await http.StaffAsync(HttpMethod.Post, options.Distribution, $"{path}/invitations", null, ct);
        var letters = PrintFile.Parse(await http.StaffTextAsync(options.Distribution, $"{path}/invitations/print-file", ct));
        output.WriteLine($"demo        | {year}: survey published, {options.FramePersons:N0} persons in the frame, {letters.Count:N0} letters printed");

        var questionnaire = await WaitForQuestionnaireAsync(id, ct);
        var model = new AnswerModel(questionnaire);
        var chosen = ChooseRespondents(letters, year);
        await WaitUntilCollectionKnowsAsync(chosen[0].Letter.Code, ct);

        // About two in three answer the first letter; the rest after the reminder.
        var firstWave = chosen.Take((int)Math.Round(chosen.Count * 0.68)).ToList();
        var submitted = await SubmitAsync(firstWave, model, year, yearIndex, ct);
        var reminded = await SendReminderAsync(path, submitted, ct);
        submitted += await SubmitAsync(chosen.Skip(firstWave.Count).ToList(), model, year, yearIndex, ct);
        output.WriteLine($"demo        | {year}: {submitted:N0} responses submitted ({100.0 * submitted / letters.Count:0} %), {reminded:N0} reminded");

        await http.StaffAsync(HttpMethod.Post, options.Distribution, $"{path}/close", new { }, ct);
        await WaitForAnalysisAsync(id, submitted, ct);
        var published = await PublishResultsAsync(id, ct);
        var indicators = published.GetProperty("indicators").GetInt32();
        output.WriteLine($"demo        | {year}: closed, counted by Analysis and published ({indicators} indicators) in {clock.Elapsed.TotalSeconds:0} s");
        return new SurveyYearSummary(year, id, letters.Count, submitted, reminded, indicators, clock.Elapsed);
    }

    /// <summary>The respondents, in the order they answer: drawn by propensity (Efraimidis–Spirakis), reproducibly.</summary>
    List<Respondent> ChooseRespondents(IReadOnlyList<Letter> letters, int year)
    {
        var random = new Random(HashCode(options.Seed, year, 0));
        var people = letters.Select(l => Respondent.From(l, random)).ToList();
        var propensity = people.Select(AnswerModelParameters.ResponsePropensity).ToList();
        var count = options.ResponsesPerYear ?? (int)Math.Round(propensity.Sum());
        return people.Select((p, i) => (p, key: Math.Pow(random.NextDouble(), 1 / propensity[i])))
            .OrderByDescending(x => x.key).Take(Math.Min(count, people.Count))
            .Select(x => x.p).OrderBy(_ => random.Next()).ToList();
    }

    async Task<int> SubmitAsync(IReadOnlyList<Respondent> respondents, AnswerModel model, int year, int yearIndex, CancellationToken ct)
    {
        var ok = 0;
        var failures = new ConcurrentBag<string>();
        await Parallel.ForEachAsync(respondents, new ParallelOptions { MaxDegreeOfParallelism = options.Concurrency, CancellationToken = ct }, async (r, token) =>
        {
            var answers = model.Generate(r, yearIndex, new Random(HashCode(options.Seed, year, r.Letter.Index + 1)));
            var body = new { code = r.Letter.Code, submissionKey = Guid.NewGuid(), answers };
            for (var attempt = 0; ; attempt++)
            {
                var (status, text) = await http.PublicAsync(HttpMethod.Post, options.Collection, "/api/answering/submit", body, token);
                if ((int)status is >= 200 and < 300)
                {
                    var done = Interlocked.Increment(ref ok);
                    if (done % 250 == 0) output.WriteLine($"demo        | {year}: {done:N0} of {respondents.Count:N0} submitted…");
                    return;
                }
                // The public rate limit (raised for the demo) or a passing hiccup: the same submission key makes a retry safe.
                if ((status == HttpStatusCode.TooManyRequests || (int)status >= 500) && attempt < 20)
                {
                    await Task.Delay(TimeSpan.FromMilliseconds(250 * (attempt + 1)), token);
                    continue;
                }
                failures.Add($"{(int)status}: {text}");
                return;
            }
        });
        if (!failures.IsEmpty)
            throw new DemoSeedingException($"{failures.Count} submissions were refused, for example {failures.First()}");
        return ok;
    }

    async Task<int> SendReminderAsync(string path, int answered, CancellationToken ct)
    {
        // Reminders go to those Distribution has not heard have answered; Collection tells it in batches, so wait a little.
        await Poll.UntilAsync(async () =>
        {
            var rate = await http.StaffAsync(HttpMethod.Get, options.Distribution, $"{path}/response-rate", null, ct);
            return rate.GetProperty("answered").GetInt32() >= answered;
        }, TimeSpan.FromSeconds(60), ct, throwOnTimeout: false);
        var reminder = await http.StaffAsync(HttpMethod.Post, options.Distribution, $"{path}/reminders", null, ct);
        return reminder.GetProperty("recipients").GetInt32();
    }

    async Task<QuestionnaireSnapshot> WaitForQuestionnaireAsync(Guid id, CancellationToken ct)
    {
        QuestionnaireSnapshot? questionnaire = null;
        await Poll.UntilAsync(async () =>
        {
            var (status, body) = await http.PublicAsync(HttpMethod.Get, options.Collection, $"/api/surveys/{id}", null, ct);
            if (status != HttpStatusCode.OK) return false;
            questionnaire = JsonDocument.Parse(body).RootElement.GetProperty("questionnaire").Deserialize<QuestionnaireSnapshot>(DemoHttp.Json);
            return true;
        }, options.MessageTimeout, ct);
        return questionnaire!;
    }

    /// <summary>
    /// Collection learns the codes from InvitationsIssued. Until then a code is unknown, and Collection counts each try
    /// as a wrong code (it throttles guessing), so the probe is slow, and a throttled answer names the cause.
    /// </summary>
    Task WaitUntilCollectionKnowsAsync(string code, CancellationToken ct) => Poll.UntilAsync(async () =>
    {
        var (status, body) = await http.PublicAsync(HttpMethod.Post, options.Collection, "/api/answering/start", new { code }, ct);
        if (status == HttpStatusCode.TooManyRequests)
            throw new DemoSeedingException($"Collection throttles the seeder's codes ({body}); start the AppHost with --demo, which raises the limit");
        return status == HttpStatusCode.OK;
    }, options.MessageTimeout, ct, onTimeout: () => "Collection did not learn the invitation codes in time", interval: TimeSpan.FromSeconds(1));

    async Task WaitForAnalysisAsync(Guid id, int expected, CancellationToken ct)
    {
        long counted = 0;
        await Poll.UntilAsync(async () =>
        {
            var respondents = await http.StaffTryGetAsync(options.Analysis, $"/api/surveys/{id}/respondents", ct);
            counted = respondents?.GetProperty("respondents").GetInt64() ?? 0;
            return counted >= expected;
        }, options.MessageTimeout, ct, onTimeout: () => $"Analysis counted {counted} of {expected} responses");
    }

    async Task<JsonElement> PublishResultsAsync(Guid id, CancellationToken ct)
    {
        JsonElement published = default;
        // 409 until the population margins have arrived from Distribution.
        await Poll.UntilAsync(async () =>
        {
            try
            {
                published = await http.StaffAsync(HttpMethod.Post, options.Analysis, $"/api/surveys/{id}/results/publish", null, ct);
                return true;
            }
            catch (DemoSeedingException ex) when (ex.Message.Contains("answered 409", StringComparison.Ordinal))
            {
                return false;
            }
        }, options.MessageTimeout, ct);
        return published;
    }

    static int HashCode(int seed, int year, int index) => unchecked((seed * 397 ^ year) * 7919 + index);
}
