using System.Security.Cryptography;
using static Medborgare.HostileInput.Tests.FixtureDocument;

namespace Medborgare.HostileInput.Tests;

public sealed class HostileRequestGeneratorTests
{
    const string SurveyId = "0199a0e4-1111-7000-8000-000000000001";
    const string Code = "K7QMX-4XTR9-PHW2C";
    static readonly GeneratorSettings Seeded = new() { SeedValues = new Dictionary<string, string> { ["id"] = SurveyId, ["code"] = Code } };

    [Fact]
    public void Every_operation_gets_the_requested_number_of_requests()
    {
        var operations = Operations();

        var requests = Generate(new GeneratorSettings { PerOperation = 40 });

        Assert.Equal(operations.Count * 40, requests.Count);
        foreach (var operation in operations) Assert.Equal(40, requests.Count(r => r.OperationId == operation.OperationId));
    }

    [Fact]
    public void Every_mutation_family_is_produced()
    {
        var requests = Generate();

        var families = requests.Select(r => r.Family).ToHashSet();
        Assert.Equal(Enum.GetValues<MutationFamily>().ToHashSet(), families);
    }

    [Fact]
    public void The_hostile_values_are_what_they_say()
    {
        var create = Generate(new GeneratorSettings { PerOperation = 400 }).Where(r => r.OperationId == "CreateSurvey").ToList();
        var bodies = create.Select(Text).ToList();

        foreach (var property in (string[])["municipalityCode", "titleSv", "titleEn", "template", "answerBy"])
            Assert.Contains(create, r => r.Family == MutationFamily.LongString && Text(r) == $"{{\"{property}\":\"{new string('a', 70_000)}\"}}");
        foreach (var number in (string[])["9223372036854775808", "-9223372036854775809", "1e400", "1e308", "-1e308"])
            Assert.Contains($"{{\"year\":{number}}}", bodies);
        Assert.Contains("{\"year\":\"NaN\"}", bodies);
        Assert.Contains("{\"titleSv\":\"\\ud800\"}", bodies);
        Assert.Contains(create, r => r.Body is { } b && b.AsSpan().IndexOf((ReadOnlySpan<byte>)[0xED, 0xA0, 0x80]) > 0);
        Assert.Contains(create, r => r.Family == MutationFamily.HugeBody && r.Body!.Length >= 3 * 1024 * 1024);
        Assert.Contains(new string('[', 10_000), bodies);
        Assert.Contains(string.Concat(Enumerable.Repeat("{\"a\":", 10_000)), bodies);
        Assert.Contains("{\"zzUnknown\":1}", bodies);
        Assert.Contains("null", bodies);
        Assert.Contains(create, r => r.Family == MutationFamily.EmptyBody && r.Body is { Length: 0 });
        Assert.Contains("[]", bodies);
        Assert.Contains(create, r => r.ContentType == "text/plain");
        Assert.Contains(create, r => r.ContentType == "application/xml");
        Assert.Contains(create, r => r.ContentType!.StartsWith("multipart/form-data", StringComparison.Ordinal) && Text(r).Contains("{\"zzUnknown\":1}"));
        Assert.Contains("{\"a\":1,}", bodies);
    }

    [Fact]
    public void Path_and_query_values_are_hostile_and_sent_as_written()
    {
        var requests = Generate(new GeneratorSettings { PerOperation = 200 });

        var publish = requests.Where(r => r.OperationId == "PublishSurvey").Select(r => r.PathAndQuery).ToList();
        Assert.Contains("/api/surveys/not-a-guid/publish", publish);
        Assert.Contains("/api/surveys/..%2f..%2f..%2fetc%2fpasswd/publish", publish);
        Assert.Contains($"/api/surveys/{new string('a', 5_000)}/publish", publish);
        Assert.Contains("/api/surveys/9223372036854775808/publish", publish);
        Assert.Contains(requests, r => r.Url().AbsoluteUri.EndsWith("/api/surveys/%zz/publish", StringComparison.Ordinal));
        var values = requests.Where(r => r.OperationId == "ListKeyFigureValues").Select(r => r.PathAndQuery).ToList();
        Assert.Contains("/api/keyfigures/values?period=1e400", values);
        Assert.Contains("/api/keyfigures/values?kpi=%ED%A0%80", values);
    }

    [Fact]
    public void The_same_seed_gives_the_same_requests_and_another_seed_others()
    {
        static string[] Fingerprints(int seed) => [.. Generate(new GeneratorSettings { Seed = seed }).Select(r =>
            $"{r.Method} {r.PathAndQuery} {r.ContentType} {r.Mutation} {Convert.ToHexString(SHA256.HashData(r.Body ?? []))}")];

        Assert.Equal(Fingerprints(7), Fingerprints(7));
        Assert.NotEqual(Fingerprints(7), Fingerprints(8));
    }

    [Fact]
    public void Seed_values_ride_only_on_bodies_that_fail_while_being_read()
    {
        var requests = Generate(Seeded with { PerOperation = 200 });
        bool CarriesSeed(HostileRequest r) => r.PathAndQuery.Contains(SurveyId, StringComparison.Ordinal) || Text(r).Contains(Code, StringComparison.Ordinal);

        var seeded = requests.Where(CarriesSeed).ToList();
        Assert.NotEmpty(seeded);
        Assert.Contains(seeded, r => r.OperationId == "UpdateGoal");
        Assert.Contains(seeded, r => r.OperationId == "SaveDraft" && r.Family == MutationFamily.WrongType);
        Assert.All(seeded, r => Assert.True(r.FailsAtBinding && r.Body is { Length: > 0 }, r.Mutation));
        Assert.All(seeded, r => Assert.NotEmpty(r.SeedValuesUsed));
        Assert.DoesNotContain(requests, r => r.OperationId == "PublishSurvey" && CarriesSeed(r));
        Assert.DoesNotContain(seeded, r => r.Family is MutationFamily.EmptyBody or MutationFamily.NullLiteral or MutationFamily.UnknownField
            or MutationFamily.BigNumber or MutationFamily.WrongContentType);
        Assert.DoesNotContain(seeded, r => r.OperationId == "ImportFrame");
    }

    [Fact]
    public void A_body_that_may_be_left_out_never_gets_null_or_nothing()
    {
        var close = Generate(new GeneratorSettings { PerOperation = 200 }).Where(r => r.OperationId == "CloseSurvey").ToList();

        Assert.DoesNotContain(close, r => r.Family is MutationFamily.EmptyBody or MutationFamily.NullLiteral);
        Assert.DoesNotContain(close, r => r.Body is null or { Length: 0 });
    }

    [Fact]
    public void A_request_without_body_always_names_no_existing_row()
    {
        var publish = Generate(Seeded with { PerOperation = 200 }).Where(r => r.OperationId == "PublishSurvey").ToList();

        Assert.All(publish, r => Assert.True(r.Family is MutationFamily.HostilePath or MutationFamily.HostileQuery or MutationFamily.JunkBody, r.Mutation));
        Assert.All(publish, r => Assert.Empty(r.SeedValuesUsed));
        Assert.All(publish, r => Assert.True(r.ExpectsRejection));
    }

    [Fact]
    public void A_state_changing_operation_without_body_or_path_parameter_is_skipped()
    {
        var operations = OpenApiDocumentReader.Read("""
            {"openapi": "3.1.1", "paths": {"/api/purge-all": {"post": {"operationId": "PurgeAll"}}, "/api/surveys": {"get": {"operationId": "ListSurveys"}}}}
            """);

        var generated = HostileRequestGenerator.Generate("x", BaseUri, operations, new GeneratorSettings { PerOperation = 10 });

        Assert.All(generated.Requests, r => Assert.Equal("ListSurveys", r.OperationId));
        Assert.Equal(10, generated.Requests.Count);
        Assert.Contains(generated.Skipped, s => s.Contains("/api/purge-all", StringComparison.Ordinal));
    }

    [Fact]
    public void Unknown_fields_can_be_left_out_for_services_that_ignore_them()
    {
        var requests = Generate(new GeneratorSettings { SendUnknownFields = false, PerOperation = 200 });

        Assert.DoesNotContain(requests, r => r.Family == MutationFamily.UnknownField);
    }
}
