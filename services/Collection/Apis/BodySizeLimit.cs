namespace Medborgare.Collection.Apis;

/// <summary>
/// Refuses a declared body larger than the limit with 413 and ProblemDetails before anything reads it. Kestrel's
/// own limit (RequestSizeLimit) still stops bodies sent without a length.
/// </summary>
static class BodySizeLimit
{
    public static TBuilder LimitBodySize<TBuilder>(this TBuilder builder, long maxBytes) where TBuilder : IEndpointConventionBuilder
    {
        builder.WithMetadata(new Microsoft.AspNetCore.Mvc.RequestSizeLimitAttribute(maxBytes));
        builder.AddEndpointFilter(async (context, next) =>
            context.HttpContext.Request.ContentLength > maxBytes
                ? TypedResults.Problem(title: "För stort meddelande", detail: $"Högst {maxBytes / 1024} kB tas emot.",
                    statusCode: StatusCodes.Status413PayloadTooLarge)
                : await next(context));
        return builder;
    }
}
