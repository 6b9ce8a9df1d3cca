using System.Text;

namespace Medborgare.HostileInput;

/// <summary>The requests for one service, and the operations left out with the reason.</summary>
public sealed record GeneratedRequests(IReadOnlyList<HostileRequest> Requests, IReadOnlyList<string> Skipped);

/// <summary>
/// Makes <see cref="GeneratorSettings.PerOperation"/> hostile requests for every operation of a service, reproducibly:
/// each operation has its own <see cref="Random"/>, seeded from the run's seed and the operation (a stable hash, not
/// <c>string.GetHashCode</c>). First one variant of every mutation family, then the others in a shuffled order, then
/// again with fresh random path values. Expensive families are capped: one 3 MB body and one of each deep nesting per operation.
/// </summary>
public static class HostileRequestGenerator
{
    static readonly Dictionary<MutationFamily, int> Caps = new() { [MutationFamily.HugeBody] = 1, [MutationFamily.DeepNesting] = 3 };

    public static GeneratedRequests Generate(string service, Uri baseUri, IReadOnlyList<ApiOperation> operations, GeneratorSettings settings)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(settings.PerOperation, 1);
        var requests = new List<HostileRequest>();
        var skipped = new List<string>();
        foreach (var operation in operations)
        {
            var random = new Random(StableSeed(settings.Seed, service, operation.Method, operation.PathTemplate));
            var variants = new OperationVariants(service, baseUri, operation, settings, random);
            if (variants.SkipReason is { } reason)
            {
                skipped.Add($"{service} {operation}: {reason}");
                continue;
            }
            requests.AddRange(Pick(variants.All(), settings.PerOperation, random).Select(v => v.Make()));
        }
        return new GeneratedRequests(requests, skipped);
    }

    static List<Variant> Pick(List<Variant> all, int count, Random random)
    {
        var picked = new List<Variant>(count);
        var taken = new Dictionary<MutationFamily, int>();
        bool Take(Variant v)
        {
            var n = taken.GetValueOrDefault(v.Family);
            if (n >= Caps.GetValueOrDefault(v.Family, int.MaxValue)) return false;
            taken[v.Family] = n + 1;
            picked.Add(v);
            return true;
        }

        var firsts = all.GroupBy(v => v.Family).Select(g => g.First()).ToList();
        foreach (var v in firsts)
        {
            if (picked.Count == count) return picked;
            Take(v);
        }
        var rest = all.Except(firsts).ToArray();
        random.Shuffle(rest);
        var cycle = rest.Length > 0 ? rest : [.. firsts];
        while (picked.Count < count)
        {
            var added = false;
            foreach (var v in cycle)
            {
                if (picked.Count == count) break;
                added |= Take(v);
            }
            if (!added) break;
            cycle = [.. all];
        }
        return picked;
    }

    /// <summary>FNV-1a over the run's seed and the operation: the same in every process, unlike <c>string.GetHashCode</c>.</summary>
    internal static int StableSeed(int seed, string service, string method, string path)
    {
        var hash = 2166136261;
        foreach (var b in Encoding.UTF8.GetBytes($"{seed}|{service}|{method}|{path}"))
        {
            hash = (hash ^ b) * 16777619;
        }
        return (int)hash;
    }
}
