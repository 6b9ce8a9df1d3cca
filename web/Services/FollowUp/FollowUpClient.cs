using Medborgare.ApiContracts.FollowUp;
using Medborgare.ServiceDefaults;

namespace Medborgare.Web.Services.FollowUp;

/// <summary>The FollowUp service's API as the politicians' pages and the goal administration use it, over <see cref="ApiHttp"/>.</summary>
public sealed class FollowUpClient(HttpClient http, IHttpClientFactory clients, ILogger<FollowUpClient> logger)
{
    readonly ApiHttp api = new(http, logger);

    /// <summary>Imports and writes: a retry must not import a file twice.</summary>
    readonly ApiHttp longApi = new(clients.CreateClient(ServiceClients.LongRunningClient(ResourceNames.FollowUp)), logger);

    static string YearQuery(int? year) => year is { } y ? $"?year={y}" : "";

    public Task<ApiResult<OverviewDto>> OverviewAsync(int? year, CancellationToken ct) =>
        api.GetAsync<OverviewDto>("/api/followup/overview" + YearQuery(year), ct);
    public Task<ApiResult<GoalAreaView>> GoalAreaAsync(Guid id, int? year, CancellationToken ct) =>
        api.GetAsync<GoalAreaView>($"/api/followup/goal-areas/{id}" + YearQuery(year), ct);
    public Task<ApiResult<IndicatorSeries>> SeriesAsync(Guid indicatorId, CancellationToken ct) =>
        api.GetAsync<IndicatorSeries>($"/api/followup/indicators/{indicatorId}/series", ct);

    public Task<ApiResult<GoalDto[]>> GoalsAsync(CancellationToken ct) => api.GetAsync<GoalDto[]>("/api/goals", ct);
    public Task<ApiResult<GoalDto>> GoalAsync(Guid id, CancellationToken ct) => api.GetAsync<GoalDto>($"/api/goals/{id}", ct);
    public Task<ApiResult<GoalDto>> CreateGoalAsync(GoalRequest request, CancellationToken ct) =>
        longApi.SendAsync<GoalDto>(HttpMethod.Post, "/api/goals", request, ct);
    public Task<ApiResult<GoalDto>> UpdateGoalAsync(Guid id, GoalRequest request, CancellationToken ct) =>
        longApi.SendAsync<GoalDto>(HttpMethod.Put, $"/api/goals/{id}", request, ct);
    public Task<ApiResult<bool>> DeleteGoalAsync(Guid id, CancellationToken ct) => longApi.SendAsync(HttpMethod.Delete, $"/api/goals/{id}", null, ct);

    public Task<ApiResult<IndicatorDto[]>> IndicatorsAsync(Guid goalId, CancellationToken ct) =>
        api.GetAsync<IndicatorDto[]>($"/api/indicators?goalId={goalId}", ct);
    public Task<ApiResult<IndicatorDto>> IndicatorAsync(Guid id, CancellationToken ct) =>
        api.GetAsync<IndicatorDto>($"/api/indicators/{id}", ct);
    public Task<ApiResult<IndicatorDto>> CreateIndicatorAsync(IndicatorRequest request, CancellationToken ct) =>
        longApi.SendAsync<IndicatorDto>(HttpMethod.Post, "/api/indicators", request, ct);
    public Task<ApiResult<IndicatorDto>> UpdateIndicatorAsync(Guid id, IndicatorRequest request, CancellationToken ct) =>
        longApi.SendAsync<IndicatorDto>(HttpMethod.Put, $"/api/indicators/{id}", request, ct);
    public Task<ApiResult<bool>> DeleteIndicatorAsync(Guid id, CancellationToken ct) =>
        longApi.SendAsync(HttpMethod.Delete, $"/api/indicators/{id}", null, ct);

    public Task<ApiResult<IndicatorDto>> SetTargetAsync(Guid id, int year, double target, CancellationToken ct) =>
        longApi.SendAsync<IndicatorDto>(HttpMethod.Put, $"/api/indicators/{id}/targets/{year}", new TargetRequest(target), ct);

    public Task<ApiResult<AssessmentDto>> AssessmentAsync(Guid goalId, int year, CancellationToken ct) =>
        api.GetAsync<AssessmentDto>($"/api/goals/{goalId}/assessments/{year}", ct);
    public Task<ApiResult<AssessmentDto>> OverrideAssessmentAsync(Guid goalId, int year, OverrideRequest request, CancellationToken ct) =>
        longApi.SendAsync<AssessmentDto>(HttpMethod.Put, $"/api/goals/{goalId}/assessments/{year}", request, ct);

    public Task<ApiResult<ImportDto[]>> ImportsAsync(CancellationToken ct) => api.GetAsync<ImportDto[]>("/api/keyfigures/imports", ct);
    public Task<ApiResult<ImportDto>> ImportAsync(Guid id, CancellationToken ct) =>
        api.GetAsync<ImportDto>($"/api/keyfigures/imports/{id}", ct);
    public Task<ApiResult<ImportDto>> StartUrlImportAsync(UrlImportBody body, CancellationToken ct) =>
        longApi.SendAsync<ImportDto>(HttpMethod.Post, "/api/keyfigures/imports", body, ct);

    // Uppdrag, action plans (handlingsplaner) and återrapportering.

    public Task<ApiResult<AssignmentDto[]>> AssignmentsAsync(Guid? goalAreaId, string? committee, WorkStatus? status, CancellationToken ct)
    {
        var query = new List<string>();
        if (goalAreaId is { } area) query.Add($"goalAreaId={area}");
        if (!string.IsNullOrWhiteSpace(committee)) query.Add("committee=" + Uri.EscapeDataString(committee));
        if (status is { } s) query.Add($"status={s}");
        return api.GetAsync<AssignmentDto[]>("/api/assignments" + (query.Count > 0 ? "?" + string.Join('&', query) : ""), ct);
    }
    public Task<ApiResult<AssignmentView>> AssignmentAsync(Guid id, CancellationToken ct) => api.GetAsync<AssignmentView>($"/api/assignments/{id}", ct);
    public Task<ApiResult<AssignmentDto>> CreateAssignmentAsync(AssignmentRequest request, CancellationToken ct) =>
        longApi.SendAsync<AssignmentDto>(HttpMethod.Post, "/api/assignments", request, ct);
    public Task<ApiResult<AssignmentDto>> UpdateAssignmentAsync(Guid id, AssignmentRequest request, CancellationToken ct) =>
        longApi.SendAsync<AssignmentDto>(HttpMethod.Put, $"/api/assignments/{id}", request, ct);

    public Task<ApiResult<ActionPlanDto>> AssignmentPlanAsync(Guid id, CancellationToken ct) =>
        api.GetAsync<ActionPlanDto>($"/api/assignments/{id}/plan", ct);
    public Task<ApiResult<ActionPlanDto>> GoalPlanAsync(Guid goalId, CancellationToken ct) =>
        api.GetAsync<ActionPlanDto>($"/api/goals/{goalId}/plan", ct);
    public Task<ApiResult<ActivityDto>> AddAssignmentActivityAsync(Guid id, ActivityRequest request, CancellationToken ct) =>
        longApi.SendAsync<ActivityDto>(HttpMethod.Post, $"/api/assignments/{id}/activities", request, ct);
    public Task<ApiResult<ActivityDto>> AddGoalActivityAsync(Guid goalId, ActivityRequest request, CancellationToken ct) =>
        longApi.SendAsync<ActivityDto>(HttpMethod.Post, $"/api/goals/{goalId}/activities", request, ct);
    public Task<ApiResult<ActivityDto>> UpdateActivityAsync(Guid id, ActivityRequest request, CancellationToken ct) =>
        longApi.SendAsync<ActivityDto>(HttpMethod.Put, $"/api/activities/{id}", request, ct);
    public Task<ApiResult<bool>> DeleteActivityAsync(Guid id, CancellationToken ct) =>
        longApi.SendAsync(HttpMethod.Delete, $"/api/activities/{id}", null, ct);

    public Task<ApiResult<AssignmentReportDto>> AssignmentReportAsync(Guid id, int year, ReportPeriod period, CancellationToken ct) =>
        api.GetAsync<AssignmentReportDto>($"/api/assignments/{id}/reports/{year}/{period}", ct);
    public Task<ApiResult<AssignmentReportDto>> SaveAssignmentReportAsync(Guid id, int year, ReportPeriod period, AssignmentReportRequest request,
        CancellationToken ct) =>
        longApi.SendAsync<AssignmentReportDto>(HttpMethod.Put, $"/api/assignments/{id}/reports/{year}/{period}", request, ct);

    /// <summary>The printable period report, of one goal area or (without <paramref name="areaId"/>) the whole municipality.</summary>
    public Task<ApiResult<PeriodReportDto>> PeriodReportAsync(int year, ReportPeriod period, Guid? areaId, CancellationToken ct) =>
        api.GetAsync<PeriodReportDto>($"/api/followup/period-report/{year}/{period}" + (areaId is { } a ? $"?area={a}" : ""), ct);

    /// <summary>Sends a Kolada JSON document as it is (values, or KPI metadata when <paramref name="kpis"/>); the service checks it all.</summary>
    public Task<ApiResult<ImportDto>> ImportFileAsync(Stream document, bool kpis, CancellationToken ct)
    {
        var content = new StreamContent(document);
        content.Headers.ContentType = new("application/json") { CharSet = "utf-8" };
        return longApi.SendContentAsync<ImportDto>(HttpMethod.Post, "/api/keyfigures/imports/file?content=" + (kpis ? "kpis" : "values"), content, ct);
    }
}
