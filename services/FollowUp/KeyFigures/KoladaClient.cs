using System.Globalization;
using Microsoft.Extensions.Options;
using static Medborgare.ApiContracts.FollowUp.FollowUpErrorCodes;

namespace Medborgare.FollowUp.KeyFigures;

/// <summary>
/// Reads Kolada v2 over HTTP: KPI metadata from <c>/v2/kpi/{ids}</c> and values from
/// <c>/v2/data/kpi/{ids}/municipality/{codes}/year/{years}</c>, following <c>next_page</c> until the last page.
/// The next_page link's path and query are followed on the configured base URL, so a mirror that hands out
/// Kolada's own links works, and the service never calls a host it was not configured for.
/// </summary>
public sealed class KoladaClient(HttpClient http, IOptions<KoladaOptions> options)
{
    public const string HttpClientName = "kolada";
    readonly KoladaOptions options = options.Value;

    /// <summary>Called after every page: pages fetched so far and rows read so far.</summary>
    public delegate Task Progress(int pages, int rows);

    public Uri KpiUrl(IEnumerable<string> kpis) => Build($"/v2/kpi/{string.Join(',', kpis)}?per_page={options.PageSize}");

    public Uri DataUrl(IEnumerable<string> kpis, IEnumerable<string> municipalities, IEnumerable<int> years) =>
        Build($"/v2/data/kpi/{string.Join(',', kpis)}/municipality/{string.Join(',', municipalities)}/year/{string.Join(',', years)}?per_page={options.PageSize}");

    public async Task<List<KoladaKpi>> FetchKpisAsync(Uri first, Progress progress, CancellationToken ct) =>
        await FetchAllAsync(first, KoladaSource.KpiPage, KoladaDocument.ParseKpis, progress, ct);

    public async Task<List<KoladaValue>> FetchValuesAsync(Uri first, Progress progress, CancellationToken ct) =>
        await FetchAllAsync(first, KoladaSource.ValuePage, KoladaDocument.ParseData, progress, ct);

    async Task<List<T>> FetchAllAsync<T>(Uri first, KoladaSource source, Func<string, KoladaPlace, KoladaPage<T>> parse, Progress progress, CancellationToken ct)
    {
        var all = new List<T>();
        var seen = new HashSet<string>();
        Uri? url = first;
        for (var page = 1; url is not null; page++)
        {
            if (page > options.MaxPages)
            {
                throw new KoladaFormatException(new ImportFailure(KoladaTooManyPages, Value: options.MaxPages.ToString(CultureInfo.InvariantCulture)));
            }
            var where = new KoladaPlace(source, page, url.PathAndQuery);
            if (!seen.Add(url.PathAndQuery)) throw new KoladaFormatException(new ImportFailure(KoladaNextPageLoop, where));
            string body;
            try
            {
                using var response = await http.GetAsync(url, ct);
                if (!response.IsSuccessStatusCode)
                {
                    throw new KoladaFormatException(new ImportFailure(KoladaFetchStatus, where, Value: ((int)response.StatusCode).ToString(CultureInfo.InvariantCulture)));
                }
                body = await response.Content.ReadAsStringAsync(ct);
            }
            catch (HttpRequestException ex)
            {
                throw new KoladaFormatException(new ImportFailure(KoladaFetchFailed, where, Value: KoladaDocument.Shortened(ex.Message)));
            }
            catch (TaskCanceledException) when (!ct.IsCancellationRequested)
            {
                throw new KoladaFormatException(new ImportFailure(KoladaFetchTimeout, where));
            }
            var parsed = parse(body, where);
            all.AddRange(parsed.Values);
            await progress(page, all.Count);
            url = parsed.NextPage is { } next ? Rebase(next, where) : null;
        }
        return all;
    }

    Uri Build(string pathAndQuery) => new(options.BaseUrl.TrimEnd('/') + pathAndQuery);

    Uri Rebase(string next, KoladaPlace where)
    {
        if (!Uri.TryCreate(next, UriKind.RelativeOrAbsolute, out var link)) throw new KoladaFormatException(new ImportFailure(KoladaNextPageNotALink, where, "next_page"));
        var pathAndQuery = link.IsAbsoluteUri ? link.PathAndQuery : next;
        var v2 = pathAndQuery.IndexOf("/v2/", StringComparison.Ordinal);
        if (v2 < 0) throw new KoladaFormatException(new ImportFailure(KoladaNextPageNotV2, where, "next_page", KoladaDocument.Shortened(next)));
        return Build(pathAndQuery[v2..]);
    }
}
