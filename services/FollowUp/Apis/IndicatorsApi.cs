using System.Security.Claims;
using System.Text.RegularExpressions;
using Medborgare.FollowUp.Evaluation;
using Medborgare.FollowUp.Infrastructure;
using Medborgare.FollowUp.Model;
using Medborgare.ServiceDefaults;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using static Medborgare.ApiContracts.FollowUp.FollowUpErrorCodes;

namespace Medborgare.FollowUp.Apis;

/// <summary>Indicators on goals, their yearly targets (årsmål) and hand-entered key figures. Admin edits them.</summary>
public static partial class IndicatorsApi
{
    public static IEndpointRouteBuilder MapIndicatorsApi(this IEndpointRouteBuilder app)
    {
        var read = app.MapGroup("/api/indicators").WithTags("Indicators").RequireAuthorization(StaffPolicies.Politician);
        read.MapGet("/", ListIndicators).WithName("ListIndicators").WithSummary("Indicators, all or one goal's (?goalId=)");
        read.MapGet("/{id:guid}", GetIndicator).WithName("GetIndicator").WithSummary("One indicator with its targets");

        var write = app.MapGroup("/api/indicators").WithTags("Indicators").RequireAuthorization(StaffPolicies.Admin);
        write.MapPost("/", CreateIndicator).WithName("CreateIndicator").WithSummary("Add an indicator to a goal (any level below the vision)");
        write.MapPut("/{id:guid}", UpdateIndicator).WithName("UpdateIndicator")
            .WithSummary("Change an indicator; targets are replaced when the request carries them");
        write.MapDelete("/{id:guid}", DeleteIndicator).WithName("DeleteIndicator").WithSummary("Delete an indicator with its targets and values");
        write.MapPut("/{id:guid}/targets/{period:int}", SetTarget).WithName("SetIndicatorTarget").WithSummary("Set the target (årsmål) for a year");
        write.MapDelete("/{id:guid}/targets/{period:int}", DeleteTarget).WithName("DeleteIndicatorTarget").WithSummary("Remove a year's target");
        write.MapPut("/{id:guid}/values/{period:int}", SetManualValue).WithName("SetManualValue")
            .WithSummary("Enter a key figure by hand for an operational indicator without a Kolada KPI (null = missing)");
        return app;
    }

    internal static IndicatorDto ToDto(this Indicator i) => new(i.Id, i.GoalId, i.Name, i.Source, i.SourceKey, i.Unit, i.Direction, i.Tolerance,
        i.SplitBySex, i.SortOrder, i.Targets.OrderBy(t => t.Period).Select(t => new TargetDto(t.Period, t.Target)).ToArray());

    /// <summary>Survey keys look like <c>NMI</c>, <c>NMI.forskola</c>, <c>nmi.forskola.kvalitet.high</c>.</summary>
    [GeneratedRegex("^[A-Za-z0-9][A-Za-z0-9_.:-]{0,99}$")]
    private static partial Regex CitizenKeyPattern();

    /// <summary>Kolada KPI ids look like <c>N15419</c> or <c>U00405</c>; they become part of a URL path.</summary>
    [GeneratedRegex("^[A-Za-z][A-Za-z0-9]{1,19}$")]
    internal static partial Regex KpiPattern();

    static async Task<Ok<IndicatorDto[]>> ListIndicators(Guid? goalId, FollowUpDbContext db, IConfiguration config, CancellationToken ct)
    {
        var query = db.Indicators.AsNoTracking().Include(i => i.Targets).Where(i => i.MunicipalityCode == config.MunicipalityCode());
        if (goalId is { } g) query = query.Where(i => i.GoalId == g);
        var list = await query.OrderBy(i => i.GoalId).ThenBy(i => i.SortOrder).ThenBy(i => i.Name).ToListAsync(ct);
        return TypedResults.Ok(list.Select(ToDto).ToArray());
    }

    static async Task<Results<Ok<IndicatorDto>, NotFound>> GetIndicator(Guid id, FollowUpDbContext db, IConfiguration config, CancellationToken ct) =>
        await Find(db, config, id, ct) is { } indicator ? TypedResults.Ok(indicator.ToDto()) : TypedResults.NotFound();

    static Task<Indicator?> Find(FollowUpDbContext db, IConfiguration config, Guid id, CancellationToken ct) =>
        db.Indicators.Include(i => i.Targets).FirstOrDefaultAsync(i => i.Id == id && i.MunicipalityCode == config.MunicipalityCode(), ct);

    static async Task<Results<Created<IndicatorDto>, ValidationProblem>> CreateIndicator(HttpContext http, IndicatorRequest request, FollowUpDbContext db,
        IConfiguration config, TimeProvider clock, ClaimsPrincipal user, CancellationToken ct)
    {
        var errors = await ValidateAsync(request, config.MunicipalityCode(), db, ct);
        if (errors.Count > 0) return CodedProblems.Validation(http, errors);
        var now = clock.GetUtcNow();
        var indicator = new Indicator { Id = Guid.CreateVersion7(), MunicipalityCode = config.MunicipalityCode(), Name = "", CreatedAt = now };
        Apply(indicator, request, now);
        db.Indicators.Add(indicator);
        db.Audit(user, "indicator.created", $"{indicator.Id}: {indicator.Name}; targets {Targets(indicator)}", clock);
        await db.SaveChangesAsync(ct);
        return TypedResults.Created($"/api/indicators/{indicator.Id}", indicator.ToDto());
    }

    static async Task<Results<Ok<IndicatorDto>, NotFound, ValidationProblem>> UpdateIndicator(HttpContext http, Guid id, IndicatorRequest request,
        FollowUpDbContext db, IConfiguration config, TimeProvider clock, ClaimsPrincipal user, CancellationToken ct)
    {
        var indicator = await Find(db, config, id, ct);
        if (indicator is null) return TypedResults.NotFound();
        var errors = await ValidateAsync(request, config.MunicipalityCode(), db, ct);
        if (errors.Count > 0) return CodedProblems.Validation(http, errors);
        Apply(indicator, request, clock.GetUtcNow());
        db.Audit(user, "indicator.updated", $"{indicator.Id}: {indicator.Name}; targets {Targets(indicator)}", clock);
        await db.SaveChangesAsync(ct);
        return TypedResults.Ok(indicator.ToDto());
    }

    static async Task<Results<NoContent, NotFound>> DeleteIndicator(Guid id, FollowUpDbContext db, IConfiguration config,
        TimeProvider clock, ClaimsPrincipal user, CancellationToken ct)
    {
        var indicator = await Find(db, config, id, ct);
        if (indicator is null) return TypedResults.NotFound();
        db.Indicators.Remove(indicator);
        db.Audit(user, "indicator.deleted", $"{indicator.Id}: {indicator.Name}", clock);
        await db.SaveChangesAsync(ct);
        return TypedResults.NoContent();
    }

    static async Task<Results<Ok<IndicatorDto>, NotFound, ValidationProblem>> SetTarget(HttpContext http, Guid id, int period, TargetRequest request,
        FollowUpDbContext db, IConfiguration config, TimeProvider clock, ClaimsPrincipal user, CancellationToken ct)
    {
        var errors = new Errors();
        errors.Period("period", period);
        if (request.Target is not { } target || !double.IsFinite(target)) errors.Add("target", NotANumber, "Ange målvärdet som ett tal.", "Give the target as a number.");
        if (errors.Count > 0) return CodedProblems.Validation(http, errors);
        var indicator = await Find(db, config, id, ct);
        if (indicator is null) return TypedResults.NotFound();
        if (indicator.Targets.FirstOrDefault(t => t.Period == period) is { } existing) existing.Target = request.Target!.Value;
        else indicator.Targets.Add(new IndicatorTarget { IndicatorId = id, Period = period, Target = request.Target!.Value });
        indicator.UpdatedAt = clock.GetUtcNow();
        db.Audit(user, "indicator.target.set", $"{indicator.Id} {period}: {request.Target}", clock);
        await db.SaveChangesAsync(ct);
        return TypedResults.Ok(indicator.ToDto());
    }

    static async Task<Results<Ok<IndicatorDto>, NotFound>> DeleteTarget(Guid id, int period, FollowUpDbContext db, IConfiguration config,
        TimeProvider clock, ClaimsPrincipal user, CancellationToken ct)
    {
        var indicator = await Find(db, config, id, ct);
        if (indicator?.Targets.FirstOrDefault(t => t.Period == period) is not { } target) return TypedResults.NotFound();
        indicator.Targets.Remove(target);
        db.Audit(user, "indicator.target.deleted", $"{indicator.Id} {period}", clock);
        await db.SaveChangesAsync(ct);
        return TypedResults.Ok(indicator.ToDto());
    }

    static async Task<Results<Ok<ManualValueDto>, NotFound, ValidationProblem, ProblemHttpResult>> SetManualValue(HttpContext http, Guid id, int period,
        ManualValueRequest request, FollowUpDbContext db, IConfiguration config, TimeProvider clock, ClaimsPrincipal user, CancellationToken ct)
    {
        var errors = new Errors();
        errors.Period("period", period);
        if (request.Value is { } v && !double.IsFinite(v)) errors.Add("value", NotANumber, "Ange ett tal, eller null för ett saknat värde.", "Give a number, or null for a missing value.");
        if (errors.Count > 0) return CodedProblems.Validation(http, errors);
        var indicator = await Find(db, config, id, ct);
        if (indicator is null) return TypedResults.NotFound();
        if (indicator.Source != IndicatorSource.Operational || indicator.SourceKey is not null)
        {
            return CodedProblems.Problem(http, StatusCodes.Status409Conflict, "value-from-other-source",
                new("Värdet kommer från en annan källa", "The value comes from another source"),
                new("Bara verksamhetsindikatorer utan Kolada-nyckeltal får värden inmatade för hand.", "Only operational indicators without a Kolada key figure take values entered by hand."));
        }
        var row = await db.ManualValues.FindAsync([id, period], ct);
        if (row is null) db.ManualValues.Add(row = new ManualValue { IndicatorId = id, Period = period, EnteredBy = "" });
        row.Value = request.Value;
        row.EnteredBy = user.Name();
        row.EnteredAt = clock.GetUtcNow();
        db.Audit(user, "indicator.value.set", $"{id} {period}: {request.Value?.ToString() ?? "saknas"}", clock);
        await db.SaveChangesAsync(ct);
        return TypedResults.Ok(new ManualValueDto(id, period, row.Value, row.EnteredBy, row.EnteredAt));
    }

    static void Apply(Indicator indicator, IndicatorRequest request, DateTimeOffset now)
    {
        indicator.GoalId = request.GoalId!.Value;
        indicator.Name = request.Name!.Trim();
        indicator.Source = request.Source!.Value;
        indicator.SourceKey = string.IsNullOrWhiteSpace(request.SourceKey) ? null
            : indicator.Source == IndicatorSource.Feedback ? FeedbackMeasures.Key(FeedbackMeasures.Parse(request.SourceKey)!)
            : request.SourceKey.Trim();
        indicator.Unit = request.Unit?.Trim() ?? "";
        indicator.Direction = request.Direction!.Value;
        indicator.Tolerance = request.Tolerance ?? 0;
        indicator.SplitBySex = request.SplitBySex ?? false;
        indicator.SortOrder = request.SortOrder ?? 0;
        indicator.UpdatedAt = now;
        if (request.Targets is not null)
        {
            indicator.Targets.RemoveAll(t => request.Targets.All(r => r.Period != t.Period));
            foreach (var t in request.Targets)
            {
                if (indicator.Targets.FirstOrDefault(x => x.Period == t.Period) is { } existing) existing.Target = t.Target;
                else indicator.Targets.Add(new IndicatorTarget { IndicatorId = indicator.Id, Period = t.Period, Target = t.Target });
            }
        }
    }

    static string Targets(Indicator i) => string.Join(", ", i.Targets.OrderBy(t => t.Period).Select(t => $"{t.Period}={t.Target}"));

    static async Task<Errors> ValidateAsync(IndicatorRequest request, string municipality, FollowUpDbContext db, CancellationToken ct)
    {
        var errors = new Errors();
        errors.Text("name", request.Name, 300);
        errors.Text("unit", request.Unit, 50, required: false);
        if (request.Direction is null || !Enum.IsDefined(request.Direction.Value)) errors.Add("direction", DirectionRequired, "Ange HigherIsBetter eller LowerIsBetter.", "Give HigherIsBetter or LowerIsBetter.");
        if (request.Tolerance is { } tol && (!double.IsFinite(tol) || tol < 0)) errors.Add("tolerance", ToleranceInvalid, "Toleransen ska vara ett tal som är 0 eller större.", "The tolerance must be a number of 0 or more.");
        if (request.SortOrder is < 0 or > 100_000) errors.Add("sortOrder", SortOrderOutOfRange, "Ordningen ska vara mellan 0 och 100000.", "The order must be between 0 and 100000.");
        var key = request.SourceKey?.Trim();
        switch (request.Source)
        {
            case IndicatorSource.Citizen:
                if (string.IsNullOrEmpty(key) || !CitizenKeyPattern().IsMatch(key))
                {
                    errors.Add("sourceKey", SurveyKeyRequired, "Ange enkätens indikatornyckel, t.ex. NMI eller NMI.forskola.", "Give the survey's indicator key, e.g. NMI or NMI.forskola.");
                }
                break;
            case IndicatorSource.Operational:
                if (!string.IsNullOrEmpty(key) && !KpiPattern().IsMatch(key))
                {
                    errors.Add("sourceKey", KpiIdInvalid, "Ett Kolada-nyckeltal har ett id som N15419; lämna tomt för värden som matas in för hand.",
                        "A Kolada key figure has an id like N15419; leave it empty for values entered by hand.");
                }
                break;
            case IndicatorSource.Feedback:
                if (key is { Length: > 100 } || FeedbackMeasures.Parse(key) is null)
                {
                    var keys = string.Join(", ", FeedbackMeasures.Keys);
                    errors.Add("sourceKey", FeedbackKeyUnknown, $"Okänd nyckel för en synpunktsindikator. Lämna tomt för antalet synpunkter, eller ange en av: {keys}.",
                        $"Unknown key for a feedback indicator. Leave it empty for the number of synpunkter, or give one of: {keys}.");
                }
                break;
            default:
                errors.Add("source", SourceRequired, "Ange källa: Citizen, Operational eller Feedback.", "Give the source: Citizen, Operational or Feedback.");
                break;
        }
        if (request.Targets is not null)
        {
            for (var i = 0; i < request.Targets.Length; i++)
            {
                errors.Period($"targets[{i}].period", request.Targets[i].Period);
                if (!double.IsFinite(request.Targets[i].Target)) errors.Add($"targets[{i}].target", NotANumber, "Målvärdet ska vara ett tal.", "The target must be a number.");
            }
            if (request.Targets.Select(t => t.Period).Distinct().Count() != request.Targets.Length) errors.Add("targets", TargetPeriodTwice, "Varje år får bara ha ett mål.", "Each year may have only one target.");
        }
        if (request.GoalId is not { } goalId)
        {
            errors.Add("goalId", GoalRequired, "Ange målet som indikatorn hör till.", "Give the goal the indicator belongs to.");
        }
        else
        {
            var goal = await db.Goals.AsNoTracking().FirstOrDefaultAsync(g => g.Id == goalId && g.MunicipalityCode == municipality, ct);
            if (goal is null) errors.Add("goalId", GoalUnknown, "Målet finns inte.", "The goal does not exist.");
            else if (goal.Level == GoalLevel.Vision) errors.Add("goalId", VisionHasNoIndicators, "Indikatorer hör till målområden och mål, inte till visionen.", "Indicators belong to goal areas and goals, not to the vision.");
        }
        return errors;
    }
}
