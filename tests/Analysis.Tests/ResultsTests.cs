using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Medborgare.Analysis.Infrastructure;
using Medborgare.Analysis.Results;
using Medborgare.ApiContracts.Analysis;
using Medborgare.Contracts;
using Medborgare.ServiceDefaults;
using Medborgare.Statistics;
using Medborgare.Testing;
using CalibrationStatus = Medborgare.ApiContracts.Analysis.CalibrationStatus;
using IndicatorKind = Medborgare.ApiContracts.Analysis.IndicatorKind;
using SuppressionReason = Medborgare.ApiContracts.Analysis.SuppressionReason;

namespace Medborgare.Analysis.Tests;

/// <summary>The results endpoints against a small data set whose figures can be worked out by hand.</summary>
public sealed class ResultsTests(AnalysisApp service) : IClassFixture<AnalysisApp>
{
    /// <summary>
    /// One district, 5 respondents in each of the 16 sex × age cells (80), and a population of 50 in each cell: every
    /// design weight is 800/80 = 10 and the margins already hold, so every calibrated weight is 10 and the weighted
    /// means are plain means. Respondent i answers 1 + (i + k) % 10 on the k-th scale question; i &lt; 40 rent
    /// (hyresrätt), 40–74 own a flat (35), 75–79 live in a house (5).
    /// </summary>
    static (SurveyPublished Survey, PopulationMarginsRegistered Margins, List<SurveyResponseSubmitted> Responses) HandWorked()
    {
        var survey = TestSurvey.Published(municipality: AnalysisApp.NewMunicipality());
        var margins = new PopulationMarginsRegistered
        {
            SurveyId = survey.SurveyId,
            Cells = [.. from s in Demography.Sexes from a in Demography.AgeGroups
                        select new PopulationCell { Stratum = new Stratum { District = "Norra", Sex = s, AgeGroup = a }, Count = 50 }],
        };
        var responses = Enumerable.Range(0, 80).Select(i => new SurveyResponseSubmitted
        {
            ResponseId = Guid.NewGuid(), SurveyId = survey.SurveyId, Channel = ResponseChannel.Paper, SubmittedOn = new DateOnly(2026, 3, 2),
            Stratum = new Stratum { District = "Norra", Sex = Demography.Sexes[i % 16 / 8], AgeGroup = Demography.AgeGroups[i % 8] },
            Answers =
            [
                .. TestSurvey.ScaleKeys.Select((key, k) => new Answer { QuestionKey = key, Number = 1 + (i + k) % 10 }),
                new Answer { QuestionKey = "boende", Choices = [i < 40 ? "hyresratt" : i < 75 ? "bostadsratt" : "villa"] },
                new Answer { QuestionKey = "kanaler", Choices = i % 2 == 0 ? ["webb"] : ["webb", "tidning"] },
                new Answer { QuestionKey = "fritext", Text = i < 3 ? $"Mer belysning {i}" : null },
            ],
        }).ToList();
        return (survey, margins, responses);
    }

    [Fact]
    public async Task Results_agree_with_hand_worked_values_and_the_raw_estimator()
    {
        var (survey, margins, responses) = HandWorked();
        await service.StartSurveyAsync(survey, margins);
        await service.SendResponsesAsync(survey.SurveyId, responses);

        var results = await service.ResultsAsync(survey.SurveyId);

        Assert.Equal((80L, CalibrationStatus.Converged, ResultStatus.Preliminary, false), (results.Respondents, results.Calibration.Status, results.Status, results.Closed));
        Assert.Null(results.PublishedAt);
        var q1 = results.Indicators.Single(i => i.Key == "q1");
        Assert.Equal(50, q1.Value, 9);                                  // mean 5.5 on 1..10: (5.5 − 1) / 9 · 100
        Assert.Equal(80, q1.N);
        Assert.Equal((IndicatorKind.Item, "Fråga q1", "Question q1"), (q1.Kind, q1.Name.Sv, q1.Name.En));
        var high = results.Indicators.Single(i => i.Key == "q1:high");
        Assert.Equal(30, high.Value, 9);                                // 8, 9 and 10: three in ten
        Assert.Equal((IndicatorKind.Share, "Fråga q1 – andel hög", "Question q1 – share high"), (high.Kind, high.Name.Sv, high.Name.En));
        var nmi = results.Indicators.Single(i => i.Key == "NMI");
        Assert.Equal(50, nmi.Value, 9);                                 // each respondent's mean of q1..q3 averages 5.5
        Assert.Equal((IndicatorKind.Overall, "Nöjd-Medborgar-Index"), (nmi.Kind, nmi.Name.Sv));
        Assert.Equal(["livskvalitet"], nmi.GoalAreaTags);
        Assert.Equal(["trygghet"], results.Indicators.Single(i => i.Key == "f1a").GoalAreaTags);
        Assert.Equal(new[] { "boende", "kanaler" }, results.ChoiceQuestions.Select(c => c.Key));

        // The SE from the kernel's respondent-by-respondent estimator, as DESIGN §6 writes it.
        var model = survey.Questionnaire.ToAnalysisModel();
        var raw = responses.Select(r => new RawRespondent(r.Stratum.ToCell(), model.ToAnswerVector(r.Answers))).ToList();
        var weights = Raking.Calibrate(margins.ToPopulationMargins(), raw.GroupBy(r => r.Cell).ToDictionary(g => g.Key, g => (long)g.Count())).Weights!;
        Assert.All(weights.Weight, w => Assert.Equal(10, w, 9));
        var estimator = new RawEstimator(weights, model, raw);
        foreach (var key in new[] { "q1", "q1:high", "NMI", "NMI.f1" })
        {
            var expected = IndicatorEstimate.From(model.Variables[model.VariableIndex[key]], estimator.Mean(model.VariableIndex[key], CellDomain.All)!);
            var actual = results.Indicators.Single(i => i.Key == key);
            Assert.Equal(expected.Value, actual.Value, 9);
            Assert.Equal(expected.StandardError, actual.StandardError, 9);
            Assert.Equal(expected.CiLow, actual.CiLow, 9);
        }

        // Suppression: 40 per sex are shown, 10 per age group are not (threshold 30).
        var bySex = results.Breakdowns.Single(b => b.Dimension == "sex" && b.IndicatorKey == "q1");
        Assert.All(bySex.Groups, g => Assert.Equal((40L, SuppressionReason.None), (g.N, g.Suppression)));
        var byAge = results.Breakdowns.Single(b => b.Dimension == "age-group" && b.IndicatorKey == "q1");
        Assert.All(byAge.Groups, g => Assert.Equal((10L, SuppressionReason.Primary, (EstimateDto?)null), (g.N, g.Suppression, g.Estimate)));
    }

    [Fact]
    public async Task A_district_with_one_respondent_adds_no_variance_and_every_figure_is_a_number()
    {
        // Norra: 40 respondents over the 16 sex × age cells (population 50 each); Södra: one respondent (population 1 each).
        // A stratum with one respondent has no within-stratum variance (r/(r − 1) is undefined): it adds nothing to V.
        var survey = TestSurvey.Published(municipality: AnalysisApp.NewMunicipality());
        var margins = new PopulationMarginsRegistered
        {
            SurveyId = survey.SurveyId,
            Cells = [.. from d in TestSurvey.Districts from s in Demography.Sexes from a in Demography.AgeGroups
                        select new PopulationCell { Stratum = new Stratum { District = d, Sex = s, AgeGroup = a }, Count = d == "Norra" ? 50 : 1 }],
        };
        var responses = Enumerable.Range(0, 41).Select(i => new SurveyResponseSubmitted
        {
            ResponseId = Guid.NewGuid(), SurveyId = survey.SurveyId, Channel = ResponseChannel.Web, SubmittedOn = new DateOnly(2026, 3, 2),
            Stratum = new Stratum { District = i == 40 ? "Södra" : "Norra", Sex = Demography.Sexes[i % 16 / 8], AgeGroup = Demography.AgeGroups[i % 8] },
            Answers = [.. TestSurvey.ScaleKeys.Select((key, k) => new Answer { QuestionKey = key, Number = 1 + (i + k) % 10 })],
        }).ToList();
        await service.StartSurveyAsync(survey, margins);
        await service.SendResponsesAsync(survey.SurveyId, responses);

        var json = await service.Analyst.GetStringAsync($"/api/surveys/{survey.SurveyId}/results");
        var results = await service.ResultsAsync(survey.SurveyId);

        Assert.Equal(CalibrationStatus.Converged, results.Calibration.Status);
        Assert.DoesNotContain("NaN", json);
        Assert.DoesNotContain("Infinity", json);
        Assert.All(results.Indicators, i => Assert.True(double.IsFinite(i.StandardError) && i.StandardError > 0, $"{i.Key}: SE {i.StandardError}"));
        // The same SE as the respondent-by-respondent estimator, which skips the lonely stratum the same way.
        var model = survey.Questionnaire.ToAnalysisModel();
        var raw = responses.Select(r => new RawRespondent(r.Stratum.ToCell(), model.ToAnswerVector(r.Answers))).ToList();
        var weights = Raking.Calibrate(margins.ToPopulationMargins(), raw.GroupBy(r => r.Cell).ToDictionary(g => g.Key, g => (long)g.Count())).Weights!;
        var q1 = new RawEstimator(weights, model, raw).Mean(model.VariableIndex["q1"], CellDomain.All)!;
        Assert.Equal(IndicatorEstimate.From(model.Variables[model.VariableIndex["q1"]], q1).StandardError,
            results.Indicators.Single(i => i.Key == "q1").StandardError, 9);
    }

    [Fact]
    public async Task A_choice_breakdown_suppresses_the_small_group_and_the_next_smallest()
    {
        var (survey, margins, responses) = HandWorked();
        await service.StartSurveyAsync(survey, margins);
        await service.SendResponsesAsync(survey.SurveyId, responses);

        var breakdowns = await service.Analyst.GetFromJsonAsync<BreakdownDto[]>(
            $"/api/surveys/{survey.SurveyId}/results/breakdown?question=boende", AnalysisApp.Json);

        var q1 = breakdowns!.Single(b => b.IndicatorKey == "q1");
        Assert.Equal("boende", q1.Dimension);
        var groups = q1.Groups.ToDictionary(g => g.Group);
        Assert.Equal((5L, SuppressionReason.Primary), (groups["villa"].N, groups["villa"].Suppression));
        Assert.Equal((35L, SuppressionReason.Secondary), (groups["bostadsratt"].N, groups["bostadsratt"].Suppression));
        Assert.Null(groups["bostadsratt"].Estimate);
        Assert.Equal(SuppressionReason.None, groups["hyresratt"].Suppression);
        Assert.Equal(50, groups["hyresratt"].Estimate!.Value, 9);       // i < 40 also averages 5.5 on q1

        // Multiple choice: each value is the domain of those who ticked it (all 80 chose "webb", every other one "tidning").
        var channels = await service.Analyst.GetFromJsonAsync<BreakdownDto[]>(
            $"/api/surveys/{survey.SurveyId}/results/breakdown?question=kanaler", AnalysisApp.Json);
        var byChannel = channels!.Single(b => b.IndicatorKey == "q1").Groups;
        Assert.Equal([("webb", 80L), ("tidning", 40L)], byChannel.Select(g => (g.Group, g.N)));
        Assert.Equal(50, byChannel[0].Estimate!.Value, 9);              // everyone: the overall 50

        var freeText = await service.Analyst.GetFromJsonAsync<FreeTextAnswers>($"/api/surveys/{survey.SurveyId}/free-text?question=fritext");
        Assert.Equal(["Mer belysning 0", "Mer belysning 1", "Mer belysning 2"], freeText!.Answers.Order());
    }

    [Fact]
    public async Task Bad_requests_get_problem_details()
    {
        var survey = TestSurvey.Published(municipality: AnalysisApp.NewMunicipality());
        await service.StartSurveyAsync(survey, null);
        var analyst = service.Analyst;

        Assert.Equal(HttpStatusCode.NotFound, (await analyst.GetAsync($"/api/surveys/{Guid.NewGuid()}/results")).StatusCode);
        var noMargins = await analyst.GetAsync($"/api/surveys/{survey.SurveyId}/results");
        Assert.Equal(HttpStatusCode.Conflict, noMargins.StatusCode);
        Assert.Equal("application/problem+json", noMargins.Content.Headers.ContentType?.MediaType);
        var noMarginsProblem = await noMargins.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("urn:medborgare:no-margins", noMarginsProblem.GetProperty("type").GetString());
        Assert.Equal("Inga populationsmarginaler", noMarginsProblem.GetProperty("title").GetString());

        foreach (var (url, field, code) in new[]
        {
            ($"/api/surveys/{survey.SurveyId}/results/breakdown?question=nosuch", "question", AnalysisErrorCodes.NotAChoiceQuestion),
            ($"/api/surveys/{survey.SurveyId}/results/breakdown?question=q1", "question", AnalysisErrorCodes.NotAChoiceQuestion),
            ($"/api/surveys/{survey.SurveyId}/results/breakdown", "question", AnalysisErrorCodes.NotAChoiceQuestion),
            ($"/api/surveys/{survey.SurveyId}/free-text?question=q1", "question", AnalysisErrorCodes.NotAFreeTextQuestion),
            ($"/api/surveys/{survey.SurveyId}/results?source=guess", "source", AnalysisErrorCodes.SourceUnknown),
        })
        {
            var response = await analyst.GetAsync(url);
            Assert.True(response.StatusCode == HttpStatusCode.BadRequest, $"{url}: {response.StatusCode}");
            Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
            var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
            Assert.Equal(CodedProblems.ValidationType, problem.GetProperty("type").GetString());
            Assert.Equal(code, problem.GetProperty(CodedProblems.CodesKey).GetProperty(field)[0].GetString());
        }

        using var english = new HttpRequestMessage(HttpMethod.Get, $"/api/surveys/{survey.SurveyId}/free-text?question=q1");
        english.Headers.AcceptLanguage.ParseAdd("en");
        var inEnglish = await (await analyst.SendAsync(english)).Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("'q1' is not a free-text question of this survey.", inEnglish.GetProperty("errors").GetProperty("question")[0].GetString());

        var anonymous = service.Factory.CreateClient();
        var politician = service.Factory.CreateStaffClient(StaffRoles.Politician);
        foreach (var url in new[] { "results", "results/breakdown?question=boende", "free-text?question=fritext", "feedback", "exports/indicators.csv", "exports/microdata.csv" })
        {
            Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.GetAsync($"/api/surveys/{survey.SurveyId}/{url}")).StatusCode);
            Assert.Equal(HttpStatusCode.Forbidden, (await politician.GetAsync($"/api/surveys/{survey.SurveyId}/{url}")).StatusCode);
        }
        Assert.Equal(HttpStatusCode.Forbidden, (await politician.PostAsync($"/api/surveys/{survey.SurveyId}/results/publish", null)).StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, (await analyst.PostAsync($"/api/surveys/{survey.SurveyId}/results/publish", null)).StatusCode);
    }

    [Fact]
    public async Task A_suppression_threshold_below_ten_refuses_to_start()
    {
        // A host of its own, with a setting no shared host may have; it never starts, so the class's database and broker will do.
        var error = await Assert.ThrowsAnyAsync<Exception>(() => AnalysisApp.StartOwnAsync(new Dictionary<string, string>
        {
            ["Analysis:SuppressionThreshold"] = "5",
        }, service.Factory.DatabaseConnectionString, service.Factory.BrokerConnectionString));
        Assert.Contains("SuppressionThreshold", error.ToString());
    }
}
