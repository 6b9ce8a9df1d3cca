namespace Medborgare.HostileInput.Tests;

/// <summary>The hand-written OpenAPI fixture (shaped like the services' documents) and requests generated from it.</summary>
static class FixtureDocument
{
    public static readonly Uri BaseUri = new("http://127.0.0.1:5101");

    public static IReadOnlyList<ApiOperation> Operations() =>
        OpenApiDocumentReader.Read(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Fixtures", "openapi.json")));

    public static IReadOnlyList<HostileRequest> Generate(GeneratorSettings? settings = null) =>
        HostileRequestGenerator.Generate("fixture", BaseUri, Operations(), settings ?? new GeneratorSettings()).Requests;

    public static string Text(HostileRequest request) => request.Body is null ? "" : System.Text.Encoding.UTF8.GetString(request.Body);
}
