using System.Globalization;
using Medborgare.ApiContracts.Collection;
using Medborgare.ServiceDefaults;

namespace Medborgare.Web.Services.Cases;

/// <summary>Which cases a list shows: all the filters are optional; a caseworker's list is their own committees' whatever they ask.</summary>
public sealed record CaseFilter(string? Committee, CaseStatus? Status, string? GoalArea, bool OverdueOnly, int Page, int PageSize)
{
    public const int DefaultPageSize = 50;
}

/// <summary>
/// Collection's cases (synpunktshantering) as the caseworkers' pages use them, over <see cref="ApiHttp"/>, with the staff
/// member's token (roles and committees). Reads retry; writes go through the long-running client, never retried, so that a
/// lost answer cannot answer or register a case twice.
/// </summary>
public sealed class CasesClient(IHttpClientFactory clients, ILogger<CasesClient> logger)
{
    const string Path = "/api/cases";

    readonly ApiHttp api = new(clients.CreateClient(ResourceNames.Collection), logger);
    readonly ApiHttp writes = new(clients.CreateClient(ServiceClients.LongRunningClient(ResourceNames.Collection)), logger);

    public Task<ApiResult<CaseList>> ListAsync(CaseFilter filter, CancellationToken ct) => api.GetAsync<CaseList>(Path + Query(filter), ct);

    public Task<ApiResult<CaseDetail>> GetAsync(Guid id, CancellationToken ct) => api.GetAsync<CaseDetail>($"{Path}/{id}", ct);

    public Task<ApiResult<CaseDetail>> RegisterAsync(RegisterCaseRequest request, CancellationToken ct) =>
        writes.SendAsync<CaseDetail>(HttpMethod.Post, Path, request, ct);

    public Task<ApiResult<CaseDetail>> AssignAsync(Guid id, AssignCaseRequest request, CancellationToken ct) =>
        writes.SendAsync<CaseDetail>(HttpMethod.Post, $"{Path}/{id}/assign", request, ct);

    public Task<ApiResult<CaseDetail>> AnswerAsync(Guid id, AnswerCaseRequest request, CancellationToken ct) =>
        writes.SendAsync<CaseDetail>(HttpMethod.Post, $"{Path}/{id}/answer", request, ct);

    public Task<ApiResult<CaseDetail>> CloseAsync(Guid id, CancellationToken ct) =>
        writes.SendAsync<CaseDetail>(HttpMethod.Post, $"{Path}/{id}/close", null, ct);

    public Task<ApiResult<CaseDetail>> ReopenAsync(Guid id, CancellationToken ct) =>
        writes.SendAsync<CaseDetail>(HttpMethod.Post, $"{Path}/{id}/reopen", null, ct);

    public Task<ApiResult<CaseDetail>> PublishAsync(Guid id, bool publish, CancellationToken ct) =>
        writes.SendAsync<CaseDetail>(HttpMethod.Post, $"{Path}/{id}/publish", new PublishCaseRequest(publish), ct);

    public Task<ApiResult<CommitteeList>> CommitteesAsync(CancellationToken ct) => api.GetAsync<CommitteeList>($"{Path}/committees", ct);

    public Task<ApiResult<TimelinessReport>> TimelinessAsync(DateOnly from, DateOnly to, CancellationToken ct) =>
        api.GetAsync<TimelinessReport>($"{Path}/timeliness?from={Day(from)}&to={Day(to)}", ct);

    static string Day(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    static string Query(CaseFilter? filter)
    {
        if (filter is null) return "";
        var parts = new List<string>();
        if (!string.IsNullOrEmpty(filter.Committee)) parts.Add("committee=" + Uri.EscapeDataString(filter.Committee));
        if (filter.Status is { } status) parts.Add("status=" + status);
        if (!string.IsNullOrEmpty(filter.GoalArea)) parts.Add("goalArea=" + Uri.EscapeDataString(filter.GoalArea));
        if (filter.OverdueOnly) parts.Add("overdue=true");
        parts.Add("page=" + Math.Max(1, filter.Page).ToString(CultureInfo.InvariantCulture));
        parts.Add("pageSize=" + (filter.PageSize > 0 ? filter.PageSize : CaseFilter.DefaultPageSize).ToString(CultureInfo.InvariantCulture));
        return "?" + string.Join('&', parts);
    }
}
