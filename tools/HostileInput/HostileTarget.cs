namespace Medborgare.HostileInput;

/// <summary>A service to attack: its name in the report and its base address; the OpenAPI document is read from <see cref="OpenApiPath"/>.</summary>
public sealed record HostileTarget(string Name, Uri BaseUri)
{
    public string OpenApiPath { get; init; } = "openapi/v1.json";

    public Uri OpenApiUri => new(new Uri(BaseUri.GetLeftPart(UriPartial.Path).TrimEnd('/') + "/"), OpenApiPath);
}
