using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace Medborgare.ServiceDefaults;

/// <summary>
/// The same answer to a bad request in every environment and on every endpoint, present and future: minimal APIs throw on a body
/// they cannot bind (in Production they would otherwise answer an empty 400), <see cref="ClientErrorHandler"/> turns that into a
/// ProblemDetails, JSON bodies are read strictly (an unknown property is an error, not silently dropped), and bodies are limited.
/// </summary>
public static class ClientErrorHandling
{
    /// <summary>Larger bodies get 413 unless an endpoint asks for more with <see cref="WithBodyLimit{TBuilder}"/> (uploads do).</summary>
    public const long DefaultMaxBodyBytes = 1024 * 1024;

    public static TBuilder AddClientErrorHandling<TBuilder>(this TBuilder builder) where TBuilder : IHostApplicationBuilder
    {
        builder.Services.AddProblemDetails(o => o.CustomizeProblemDetails = CodedProblems.ApplyDefaultType);
        builder.Services.AddExceptionHandler<ClientErrorHandler>();
        builder.Services.Configure<RouteHandlerOptions>(o => o.ThrowOnBadRequest = true);
        builder.Services.Configure<KestrelServerOptions>(o => o.Limits.MaxRequestBodySize = DefaultMaxBodyBytes);
        builder.Services.ConfigureHttpJsonOptions(o => Strict(o.SerializerOptions));
        return builder;
    }

    /// <summary>The JSON rules of every service API; the web app reads and writes with the same rules.</summary>
    public static JsonSerializerOptions Strict(JsonSerializerOptions options)
    {
        options.Converters.Add(new JsonStringEnumConverter());
        options.UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow;
        return options;
    }

    /// <summary>
    /// Refuses a body whose declared length is over the endpoint's limit before anything reads it (Kestrel enforces the same limit
    /// while reading, for bodies sent without a length; an in-process test server does not, so the check is made here too).
    /// </summary>
    public static IApplicationBuilder UseBodyLimit(this IApplicationBuilder app) => app.Use(async (http, next) =>
    {
        var size = http.Features.Get<Microsoft.AspNetCore.Http.Features.IHttpMaxRequestBodySizeFeature>();
        var limit = http.GetEndpoint()?.Metadata.GetMetadata<IRequestSizeLimitMetadata>() is { } metadata
            ? metadata.MaxRequestBodySize
            : size?.MaxRequestBodySize ?? DefaultMaxBodyBytes;
        if (http.Request.ContentLength is { } length && length > limit)
        {
            await DiscardOrCloseAsync(http, size, length);
            throw new DeclaredBodyTooLargeException($"The body is {length} bytes; at most {limit} are accepted.");
        }
        await next(http);
    });

    /// <summary>A body refused for its declared length, before the endpoint read any of it (its connection is dealt with already).</summary>
    public sealed class DeclaredBodyTooLargeException(string message)
        : Microsoft.AspNetCore.Http.BadHttpRequestException(message, StatusCodes.Status413PayloadTooLarge);

    /// <summary>Bodies up to this size are read and thrown away after a refusal, so that the client (or a proxy between) gets the answer.</summary>
    const long DiscardUpTo = 16 * 1024 * 1024;

    /// <summary>
    /// A refused body is never kept, but the client is still sending it: a connection closed on unread data is reset, and the reset
    /// can overtake the 413 on its way (through a proxy it does). So a body of reasonable size is read to its end into nothing, and the
    /// connection stays usable; a larger one is answered with the connection closed after the answer.
    /// </summary>
    static async Task DiscardOrCloseAsync(HttpContext http, Microsoft.AspNetCore.Http.Features.IHttpMaxRequestBodySizeFeature? size, long length)
    {
        if (length > DiscardUpTo || size is null || size.IsReadOnly)
        {
            http.Response.Headers.Connection = "close";
            return;
        }
        size.MaxRequestBodySize = null;
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(http.RequestAborted);
        timeout.CancelAfter(TimeSpan.FromSeconds(10));
        try
        {
            await http.Request.Body.CopyToAsync(Stream.Null, timeout.Token);
        }
        catch (Exception ex) when (ex is OperationCanceledException or IOException or Microsoft.AspNetCore.Http.BadHttpRequestException)
        {
            http.Response.Headers.Connection = "close";
        }
    }

    /// <summary>Accepts bodies up to <paramref name="maxBytes"/> on these endpoints; a larger one gets 413 before it is read to the end.</summary>
    public static TBuilder WithBodyLimit<TBuilder>(this TBuilder builder, long maxBytes) where TBuilder : IEndpointConventionBuilder =>
        builder.WithMetadata(new BodyLimit(maxBytes));

    sealed record BodyLimit(long? MaxRequestBodySize) : IRequestSizeLimitMetadata;
}
