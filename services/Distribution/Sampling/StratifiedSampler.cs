namespace Medborgare.Distribution.Sampling;

/// <summary>
/// Stratifierat obundet slumpmässigt urval: a stratified simple random sample without replacement,
/// one stratum per district. The draw is a pure function of the stratum list, the design and the seed.
/// </summary>
public static class StratifiedSampler
{
    /// <param name="stratumOfPerson">The stratum key of each person in the frame, in frame order.</param>
    public static SampleResult Draw(IReadOnlyList<string> stratumOfPerson, SampleDesign design, ulong seed)
    {
        ArgumentNullException.ThrowIfNull(stratumOfPerson);
        ArgumentNullException.ThrowIfNull(design);

        if (stratumOfPerson.Count == 0)
            throw new ArgumentException("The population is empty: there is no one to sample.", nameof(stratumOfPerson));
        if (design.Allocation == SampleAllocation.Proportional && design.Size > stratumOfPerson.Count)
            throw new ArgumentException(
                $"The sample size {design.Size} is larger than the population ({stratumOfPerson.Count}).", nameof(design));

        var membersByStratum = GroupByStratum(stratumOfPerson);
        var keys = membersByStratum.Keys.ToArray();
        Array.Sort(keys, StringComparer.Ordinal);
        var populationSizes = keys.Select(k => membersByStratum[k].Count).ToArray();

        var (allocated, requested) = design.Allocation switch
        {
            SampleAllocation.Proportional => ProportionalAllocation(populationSizes, design.Size),
            SampleAllocation.FixedPerStratum => FixedAllocation(populationSizes, design.Size),
            _ => throw new ArgumentOutOfRangeException(nameof(design)),
        };

        var random = new DeterministicRandom(seed);
        var selected = new List<int>(allocated.Sum());
        var strata = new StratumSample[keys.Length];
        for (var h = 0; h < keys.Length; h++)
        {
            var members = membersByStratum[keys[h]];
            PartialShuffle(members, allocated[h], random);
            for (var i = 0; i < allocated[h]; i++) selected.Add(members[i]);
            strata[h] = new StratumSample(keys[h], populationSizes[h], allocated[h], requested[h]);
        }
        selected.Sort();
        return new SampleResult { SelectedIndices = selected, Strata = strata, Seed = seed };
    }

    /// <summary>
    /// n_h from n·N_h/N by largest remainder (Hamilton), so Σ n_h = n and n_h ≤ N_h.
    /// Ties go to the stratum first in ordinal key order. When n is at least the number of strata,
    /// a stratum left with 0 takes one from the stratum furthest above its quota, so no district
    /// goes unheard. The arithmetic is exact: quotas are compared as integers over the common N.
    /// </summary>
    /// <remarks>Expects 1 ≤ n ≤ N, which <see cref="Draw"/> has checked.</remarks>
    internal static (int[] Allocated, int[] Requested) ProportionalAllocation(int[] populationSizes, int n)
    {
        long total = populationSizes.Sum(x => (long)x);

        var strata = populationSizes.Length;
        var allocated = new int[strata];
        var remainders = new long[strata];
        var seatsLeft = n;
        for (var h = 0; h < strata; h++)
        {
            var scaled = (long)n * populationSizes[h];
            allocated[h] = (int)(scaled / total);
            remainders[h] = scaled % total;
            seatsLeft -= allocated[h];
        }

        // The leftover seats (Σ remainders / N) never outnumber the non-zero remainders: at most one each.
        var byRemainder = Enumerable.Range(0, strata).OrderByDescending(h => remainders[h]).ThenBy(h => h);
        foreach (var h in byRemainder.Take(seatsLeft)) allocated[h]++;

        if (n >= strata)
        {
            for (var h = 0; h < strata; h++)
            {
                if (allocated[h] > 0 || populationSizes[h] == 0) continue;
                allocated[MostOverQuota(allocated, populationSizes, n, total)]--;
                allocated[h]++;
            }
        }
        return (allocated, (int[])allocated.Clone());
    }

    // The stratum with n_h > 1 whose n_h − n·N_h/N is largest, i.e. max of n_h·N − n·N_h.
    static int MostOverQuota(int[] allocated, int[] populationSizes, int n, long total)
    {
        var best = -1;
        var bestExcess = long.MinValue;
        for (var h = 0; h < allocated.Length; h++)
        {
            if (allocated[h] <= 1) continue;
            var excess = allocated[h] * total - (long)n * populationSizes[h];
            if (excess > bestExcess) (best, bestExcess) = (h, excess);
        }
        return best;
    }

    internal static (int[] Allocated, int[] Requested) FixedAllocation(int[] populationSizes, int nPerStratum)
    {
        var allocated = populationSizes.Select(size => Math.Min(size, nPerStratum)).ToArray();
        var requested = populationSizes.Select(_ => nPerStratum).ToArray();
        return (allocated, requested);
    }

    static Dictionary<string, List<int>> GroupByStratum(IReadOnlyList<string> stratumOfPerson)
    {
        var members = new Dictionary<string, List<int>>(StringComparer.Ordinal);
        for (var i = 0; i < stratumOfPerson.Count; i++)
        {
            var key = stratumOfPerson[i]
                ?? throw new ArgumentException($"Person {i} has no stratum.", nameof(stratumOfPerson));
            if (!members.TryGetValue(key, out var list)) members[key] = list = [];
            list.Add(i);
        }
        return members;
    }

    // The first `count` places of a Fisher–Yates shuffle: a uniform draw of `count` without replacement.
    static void PartialShuffle(List<int> items, int count, DeterministicRandom random)
    {
        for (var i = 0; i < count; i++)
        {
            var j = i + random.NextInt(items.Count - i);
            (items[i], items[j]) = (items[j], items[i]);
        }
    }
}
