using System.Text;

namespace Medborgare.HostileInput;

/// <summary>One request as sent and what came back.</summary>
public sealed record SentRequest(HostileRequest Request, HostileIdentity Identity, ResponseOutcome Outcome);

/// <summary>
/// The result of a run: how many requests, the counts by status (0 = no response), by service, identity and mutation
/// family, the findings, and the operations that were skipped.
/// </summary>
public sealed record HostileReport
{
    const int MaxPathChars = 160;
    const int MaxDetailChars = 300;
    const int MaxGroupsInSummary = 40;

    public required int Seed { get; init; }
    public required int Total { get; init; }
    public required int Operations { get; init; }
    public required IReadOnlyDictionary<int, int> ByStatus { get; init; }
    public required IReadOnlyDictionary<string, int> ByService { get; init; }
    public required IReadOnlyDictionary<string, int> ByIdentity { get; init; }
    public required IReadOnlyDictionary<string, int> ByFamily { get; init; }
    public required IReadOnlyList<Finding> Findings { get; init; }
    public IReadOnlyList<string> SkippedOperations { get; init; } = [];

    public static HostileReport Create(int seed, IReadOnlyCollection<SentRequest> sent, IReadOnlyList<string> skipped)
    {
        var findings = new List<Finding>();
        foreach (var s in sent)
        {
            if (ResponseClassifier.Classify(s.Outcome, s.Request.ExpectsRejection) is not { } kind) continue;
            var detail = s.Outcome.TransportError ?? s.Outcome.BodyStart;
            findings.Add(new Finding(kind, s.Request.Service, s.Request.OperationId, s.Request.Method, s.Request.PathTemplate, Truncate(s.Request.PathAndQuery, MaxPathChars),
                s.Identity.Name, s.Request.Mutation, s.Outcome.Status, s.Outcome.MediaType, Truncate(detail, MaxDetailChars)));
        }
        return new HostileReport
        {
            Seed = seed,
            Total = sent.Count,
            Operations = sent.Select(s => (s.Request.Service, s.Request.OperationId)).Distinct().Count(),
            ByStatus = new SortedDictionary<int, int>(sent.GroupBy(s => s.Outcome.Status ?? 0).ToDictionary(g => g.Key, g => g.Count())),
            ByService = Count(sent, s => s.Request.Service),
            ByIdentity = Count(sent, s => s.Identity.Name),
            ByFamily = Count(sent, s => s.Request.Family.Kebab()),
            Findings = findings,
            SkippedOperations = skipped,
        };
    }

    static SortedDictionary<string, int> Count(IEnumerable<SentRequest> sent, Func<SentRequest, string> key) =>
        new(sent.GroupBy(key).ToDictionary(g => g.Key, g => g.Count()), StringComparer.Ordinal);

    static string Truncate(string text, int max) => text.Length <= max ? text : $"{text[..max]}…(+{text.Length - max} chars)";

    /// <summary>Counts, then the findings grouped by kind and operation with one example each.</summary>
    public string Summary()
    {
        var text = new StringBuilder();
        text.AppendLine($"Hostile input: {Total} requests to {Operations} operations of {ByService.Count} services, seed {Seed}.");
        text.AppendLine("By status:   " + string.Join(", ", ByStatus.Select(s => $"{(s.Key == 0 ? "no response" : s.Key)}: {s.Value}")));
        text.AppendLine("By service:  " + string.Join(", ", ByService.Select(s => $"{s.Key}: {s.Value}")));
        text.AppendLine("By identity: " + string.Join(", ", ByIdentity.Select(s => $"{s.Key}: {s.Value}")));
        foreach (var skipped in SkippedOperations) text.AppendLine("Skipped:     " + skipped);
        if (Findings.Count == 0)
        {
            text.AppendLine("No findings: every response was a 4xx with ProblemDetails, Kestrel's own empty refusal, or a success to a read.");
            return text.ToString();
        }

        var groups = Findings.GroupBy(f => (f.Kind, f.Service, f.Method, f.OperationId)).OrderByDescending(g => g.Count()).ToList();
        text.AppendLine($"Findings: {Findings.Count} (" + string.Join(", ", Findings.GroupBy(f => f.Kind).Select(g => $"{g.Key} {g.Count()}")) + $") in {groups.Count} groups");
        foreach (var group in groups.Take(MaxGroupsInSummary))
        {
            var f = group.First();
            var mutations = group.Select(x => x.Mutation).Distinct().ToList();
            var named = f.OperationId == $"{f.Method} {f.PathTemplate}" ? "" : $" [{f.OperationId}]";
            text.AppendLine($"  {f.Kind} ×{group.Count()}  {f.Service} {f.Method} {f.PathTemplate}{named}  ({mutations.Count} mutations, e.g. {Truncate(mutations[0], 80)})");
            text.AppendLine($"      as {f.Identity}: {f.Method} {f.Path} → {f.Status?.ToString() ?? "no response"} {f.MediaType} {f.Detail.ReplaceLineEndings(" ")}");
        }
        if (groups.Count > MaxGroupsInSummary) text.AppendLine($"  … and {groups.Count - MaxGroupsInSummary} more groups (see the JSON report).");
        return text.ToString();
    }
}
