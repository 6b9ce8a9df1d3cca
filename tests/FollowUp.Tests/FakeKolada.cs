using System.Collections.Concurrent;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace Medborgare.FollowUp.Tests;

/// <summary>
/// A Kolada-compatible server on 127.0.0.1 and a free port that serves the recorded pages in tests/FollowUp.Tests/Kolada
/// at Kolada v2's URL shapes, page by page as <c>?page=</c> asks. <see cref="BadPage"/> swaps in a broken page.
/// </summary>
public sealed class FakeKolada : IAsyncDisposable
{
    readonly WebApplication app;
    public ConcurrentQueue<string> Requests { get; } = new();
    /// <summary>When set, this data page is served from <c>data-page{n}-bad.json</c>.</summary>
    public int? BadPage { get; set; }
    /// <summary>When set, this data page answers 404, as a mirror missing a page would.</summary>
    public int? MissingPage { get; set; }
    public string BaseUrl { get; private set; } = "";

    FakeKolada()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        app = builder.Build();
        app.MapGet("/v2/kpi/{ids}", (HttpContext ctx) => Serve(ctx, "kpi.json"));
        app.MapGet("/v2/data/kpi/{kpis}/municipality/{municipalities}/year/{years}", (HttpContext ctx) =>
        {
            var page = int.TryParse(ctx.Request.Query["page"], out var p) ? p : 1;
            if (page == MissingPage) return Results.NotFound();
            return Serve(ctx, page == BadPage ? $"data-page{page}-bad.json" : $"data-page{page}.json");
        });
    }

    public static async Task<FakeKolada> StartAsync()
    {
        var server = new FakeKolada();
        await server.app.StartAsync();
        server.BaseUrl = server.app.Urls.Single();
        return server;
    }

    IResult Serve(HttpContext ctx, string file)
    {
        Requests.Enqueue(ctx.Request.Path + ctx.Request.QueryString);
        var path = Path.Combine(AppContext.BaseDirectory, "Kolada", file);
        return File.Exists(path) ? Results.Text(File.ReadAllText(path), "application/json; charset=utf-8") : Results.NotFound();
    }

    /// <summary>As it started: nothing served yet, no page broken or missing.</summary>
    public void Reset()
    {
        Requests.Clear();
        BadPage = null;
        MissingPage = null;
    }

    public static string Recorded(string file) => File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Kolada", file));

    public async ValueTask DisposeAsync()
    {
        await app.StopAsync();
        await app.DisposeAsync();
    }
}
