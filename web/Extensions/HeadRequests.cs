using Microsoft.AspNetCore.Routing;

namespace Medborgare.Web.Extensions;

/// <summary>
/// HEAD is answered like GET, without the body, as HTTP requires (the page endpoints are mapped for GET and POST only). Kestrel
/// sends no body for a HEAD request whatever the page writes, so a client sees the page's status and headers.
/// </summary>
public static class HeadRequests
{
    public static TBuilder AllowHead<TBuilder>(this TBuilder builder) where TBuilder : IEndpointConventionBuilder
    {
        builder.Add(endpoint =>
        {
            if (endpoint.Metadata.OfType<HttpMethodMetadata>().LastOrDefault() is not { } methods
                || !methods.HttpMethods.Contains(HttpMethods.Get) || methods.HttpMethods.Contains(HttpMethods.Head)) return;
            endpoint.Metadata.Add(new HttpMethodMetadata([.. methods.HttpMethods, HttpMethods.Head]));
        });
        return builder;
    }
}
