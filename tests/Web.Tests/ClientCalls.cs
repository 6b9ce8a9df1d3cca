using System.Net;
using System.Net.Http.Json;
using System.Reflection;
using System.Runtime.CompilerServices;
using Medborgare.Web.Components.Pages.Analyst.Results;
using Medborgare.Web.Services;
using Medborgare.Web.Services.Analysis;
using Medborgare.Web.Services.Cases;
using Medborgare.Web.Services.Distribution;
using Medborgare.Web.Services.FollowUp;
using Medborgare.Web.Services.Resident;
using Microsoft.Extensions.Logging.Abstractions;

namespace Medborgare.Web.Tests;

/// <summary>One request a typed client makes: to which service, the method and path, the record it sends and the one it expects back.</summary>
sealed record ClientCall(string Client, string Operation, string Service, HttpMethod Method, string Path, Type? Body, Type? Expected);

/// <summary>
/// Calls every public method of every typed client once, with made-up arguments, against a fake service that answers 204, and
/// records what each sends. So the calls come from the clients themselves, not from a list kept beside them.
/// </summary>
static class ClientCalls
{
    sealed class Recorder(FakeHandler handler) : IHttpClientFactory
    {
        public HttpClient CreateClient(string name) => new(handler, disposeHandler: false) { BaseAddress = new Uri($"http://{name}") };
    }

    public static async Task<IReadOnlyList<ClientCall>> RecordAsync()
    {
        var calls = new List<ClientCall>();
        foreach (var (client, factory) in Clients())
        {
            foreach (var method in client.GetType().GetMethods(BindingFlags.Public | BindingFlags.Instance | BindingFlags.DeclaredOnly)
                         .Where(m => typeof(Task).IsAssignableFrom(m.ReturnType)))
            {
                factory.Requests.Clear();
                // An export is one of the files the results page offers; any other name is not a route.
                var files = method.GetParameters().Any(p => p.Name == "fileName") ? ResultsFormat.ExportFiles : ["x"];
                foreach (var file in files)
                {
                    await (Task)method.Invoke(client, method.GetParameters().Select(p => p.Name == "fileName" ? file : MadeUp(p.ParameterType)).ToArray())!;
                }
                foreach (var request in factory.Requests)
                {
                    request.Options.TryGetValue(ApiHttp.ExpectedResponse, out var expected);
                    var service = request.RequestUri!.Host.Split('-')[0];
                    calls.Add(new ClientCall(client.GetType().Name, method.Name, service, request.Method, request.RequestUri.AbsolutePath,
                        (request.Content as JsonContent)?.ObjectType, expected));
                }
            }
        }
        return calls;
    }

    static IEnumerable<(object Client, FakeHandler Requests)> Clients()
    {
        FakeHandler Service() => FakeHandler.Answering(() => new HttpResponseMessage(HttpStatusCode.NoContent));

        var distributionService = Service();
        var distributionFactory = new Recorder(distributionService);
        var distribution = new DistributionClient(distributionFactory.CreateClient("distribution"), distributionFactory, NullLogger<DistributionClient>.Instance);
        yield return (distribution, distributionService);

        var analysisService = Service();
        var analysisFactory = new Recorder(analysisService);
        // Analysis asks Distribution for the questionnaire's texts: its calls go to the same recorder, named by their address.
        yield return (new AnalysisClient(analysisFactory.CreateClient("analysis"), analysisFactory,
            new DistributionClient(analysisFactory.CreateClient("distribution"), analysisFactory, NullLogger<DistributionClient>.Instance),
            NullLogger<AnalysisClient>.Instance), analysisService);

        var followUpService = Service();
        var followUpFactory = new Recorder(followUpService);
        yield return (new FollowUpClient(followUpFactory.CreateClient("followup"), followUpFactory, NullLogger<FollowUpClient>.Instance), followUpService);

        var collectionService = Service();
        var collectionFactory = new Recorder(collectionService);
        yield return (new ResidentCollectionClient(collectionFactory.CreateClient("collection-resident"), collectionFactory,
            NullLogger<ResidentCollectionClient>.Instance), collectionService);

        var casesService = Service();
        yield return (new CasesClient(new Recorder(casesService), NullLogger<CasesClient>.Instance), casesService);
    }

    /// <summary>Any value of the type: the calls are recorded, not answered, so only the path's shape matters.</summary>
    static object? MadeUp(Type type)
    {
        if (type == typeof(CancellationToken)) return CancellationToken.None;
        if (type == typeof(Guid)) return Guid.NewGuid();
        if (type == typeof(string)) return "x";
        if (type == typeof(int) || type == typeof(int?)) return 1;
        if (type == typeof(double) || type == typeof(double?)) return 1.0;
        if (type == typeof(bool)) return false;
        if (type == typeof(Stream)) return new MemoryStream([1]);
        if (type.IsGenericType && type.GetGenericTypeDefinition() == typeof(IReadOnlyList<>)) return Array.CreateInstance(type.GetGenericArguments()[0], 0);
        if (type.IsValueType) return Activator.CreateInstance(type);
        return RuntimeHelpers.GetUninitializedObject(type);
    }
}
