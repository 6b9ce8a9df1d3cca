namespace Medborgare.Statistics;

/// <summary>
/// Design weights d = N_h / r_h per district, raked (iterative proportional fitting over the cell table) to the
/// (sex × age group) and district margins of the frame. Raking's solution is the same as R's
/// <c>calibrate(…, calfun="raking")</c>: both find the unique w = d·exp(mᵀλ) that meets the margins.
/// </summary>
public static class Raking
{
    public static CalibrationResult Calibrate(PopulationMargins population, IReadOnlyDictionary<Cell, long> respondents, RakingOptions? options = null)
    {
        options ??= new RakingOptions();
        const int S = Demography.SexAgeCount;
        var allDistricts = population.Districts;
        var known = allDistricts.ToHashSet(StringComparer.Ordinal);

        long unmatched = 0;
        var byDistrict = new Dictionary<string, long>(StringComparer.Ordinal);
        foreach (var (cell, count) in respondents)
        {
            if (count <= 0) continue;
            if (!known.Contains(cell.District) || Demography.SexAgeIndex(cell.Sex, cell.AgeGroup) < 0) { unmatched += count; continue; }
            byDistrict[cell.District] = byDistrict.GetValueOrDefault(cell.District) + count;
        }
        var populationOf = allDistricts.ToDictionary(d => d, d => population.Counts.Where(c => c.Key.District == d).Sum(c => c.Value), StringComparer.Ordinal);
        var emptyStrata = allDistricts.Where(d => populationOf[d] > 0 && byDistrict.GetValueOrDefault(d) == 0).ToList();
        var districts = allDistricts.Where(d => byDistrict.GetValueOrDefault(d) > 0).ToList();

        CalibrationResult Fail(CalibrationStatus status, string message, IReadOnlyList<CollapsedGroup>? collapsed = null, int iterations = 0, double deviation = double.NaN) => new()
        {
            Status = status, Iterations = iterations, MaxRelativeDeviation = deviation, Message = message,
            Collapsed = collapsed ?? [], EmptyStrata = emptyStrata, UnmatchedRespondents = unmatched,
        };

        if (districts.Count == 0) return Fail(CalibrationStatus.Infeasible, "No respondents.");
        var H = districts.Count;
        var cellCount = H * S;
        var r = new long[cellCount];
        var n = new double[cellCount];
        var rh = new long[H];
        var nh = new double[H];
        for (var h = 0; h < H; h++)
        {
            for (var s = 0; s < S; s++)
            {
                var cell = new Cell(districts[h], Demography.Sexes[s / 8], Demography.AgeGroups[s % 8]);
                r[h * S + s] = Math.Max(0, respondents.GetValueOrDefault(cell));
                n[h * S + s] = population.Counts.GetValueOrDefault(cell);
                rh[h] += r[h * S + s];
                nh[h] += n[h * S + s];
            }
            if (rh[h] > nh[h])
                return Fail(CalibrationStatus.Infeasible, $"District {districts[h]} has more respondents ({rh[h]}) than population ({nh[h]}).");
        }

        // The (sex × age) margin over the calibrated districts, collapsing categories without respondents.
        var sexAgeTarget = new double[S];
        var sexAgeRespondents = new long[S];
        for (var c = 0; c < cellCount; c++)
        {
            sexAgeTarget[c % S] += n[c];
            sexAgeRespondents[c % S] += r[c];
        }
        var groupOfSexAge = new int[S];
        var labels = new List<string>();
        var targets = new List<double>();
        var collapsed = new List<CollapsedGroup>();
        for (var sex = 0; sex < 2; sex++)
        {
            // Each category starts alone; one without respondents (but with population) joins its younger
            // neighbour, the youngest joins the next older, until every category with population has respondents.
            var groups = Enumerable.Range(0, 8).Select(a => new List<int> { a }).ToList();
            while (true)
            {
                var empty = groups.FindIndex(g => g.Sum(a => sexAgeRespondents[sex * 8 + a]) == 0 && g.Sum(a => sexAgeTarget[sex * 8 + a]) > 0);
                if (empty < 0) break;
                if (groups.Count == 1)
                    return Fail(CalibrationStatus.Infeasible, $"No respondents of sex {Demography.Sexes[sex]}: the margin cannot be met.");
                var into = empty > 0 ? empty - 1 : 1;
                groups[into].AddRange(groups[empty]);
                groups[into].Sort();
                groups.RemoveAt(empty);
            }
            foreach (var g in groups)
            {
                var ages = g.Select(a => Demography.AgeGroups[a]).ToList();
                if (g.Count > 1) collapsed.Add(new CollapsedGroup(Demography.Sexes[sex], ages));
                var hasRespondents = g.Sum(a => sexAgeRespondents[sex * 8 + a]) > 0;
                var target = g.Sum(a => sexAgeTarget[sex * 8 + a]);
                if (hasRespondents && target == 0)
                    return Fail(CalibrationStatus.Infeasible, $"Respondents in {Demography.Sexes[sex]}:{string.Join('+', ages)}, where the frame has nobody.", collapsed);
                foreach (var a in g) groupOfSexAge[sex * 8 + a] = hasRespondents ? labels.Count : -1;
                if (!hasRespondents) continue;
                labels.Add($"{Demography.Sexes[sex]}:{string.Join('+', ages)}");
                targets.Add(target);
            }
        }

        // Iterative proportional fitting of the cell totals t_c = Σ w over the cell, from t_c = d_h r_c.
        var t = new double[cellCount];
        var group = new int[cellCount];
        for (var c = 0; c < cellCount; c++)
        {
            t[c] = r[c] == 0 ? 0 : nh[c / S] / rh[c / S] * r[c];
            group[c] = r[c] == 0 ? -1 : groupOfSexAge[c % S];
        }
        var G = labels.Count;
        var groupTotal = new double[G];
        double Deviation()
        {
            Array.Clear(groupTotal);
            for (var c = 0; c < cellCount; c++) if (group[c] >= 0) groupTotal[group[c]] += t[c];
            var worst = 0.0;
            for (var k = 0; k < G; k++) worst = Math.Max(worst, Math.Abs(groupTotal[k] - targets[k]) / targets[k]);
            for (var h = 0; h < H; h++)
            {
                double total = 0;
                for (var s = 0; s < S; s++) total += t[h * S + s];
                worst = Math.Max(worst, Math.Abs(total - nh[h]) / nh[h]);
            }
            return worst;
        }

        var iterations = 0;
        var deviation = Deviation();
        while (deviation >= options.Tolerance)
        {
            if (iterations >= options.MaxIterations)
                return Fail(CalibrationStatus.NotConverged,
                    $"Raking did not meet the margins in {options.MaxIterations} iterations (largest relative miss {deviation:G3}).", collapsed, iterations, deviation);
            iterations++;
            for (var c = 0; c < cellCount; c++) if (group[c] >= 0) t[c] *= targets[group[c]] / groupTotal[group[c]];
            for (var h = 0; h < H; h++)
            {
                double total = 0;
                for (var s = 0; s < S; s++) total += t[h * S + s];
                for (var s = 0; s < S; s++) t[h * S + s] *= nh[h] / total;
            }
            deviation = Deviation();
            if (double.IsNaN(deviation))
                return Fail(CalibrationStatus.NotConverged, "Raking diverged.", collapsed, iterations, deviation);
        }

        var gFactor = new double[cellCount];
        for (var c = 0; c < cellCount; c++) gFactor[c] = r[c] == 0 ? 1 : t[c] / (nh[c / S] / rh[c / S] * r[c]);
        return new CalibrationResult
        {
            Status = CalibrationStatus.Converged, Iterations = iterations, MaxRelativeDeviation = deviation,
            Collapsed = collapsed, EmptyStrata = emptyStrata, UnmatchedRespondents = unmatched,
            Weights = new CalibratedWeights(districts, rh, nh, r, group, [.. labels], gFactor),
        };
    }

    /// <summary>Respondents per cell, as calibration needs them, from per-cell statistics.</summary>
    public static IReadOnlyDictionary<Cell, long> RespondentsPerCell(CellAggregates aggregates) =>
        aggregates.Cells.ToDictionary(c => c.Key, c => c.Value.Respondents);
}
