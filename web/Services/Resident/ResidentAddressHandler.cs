using Medborgare.ServiceDefaults;

namespace Medborgare.Web.Services.Resident;

/// <summary>
/// Names the resident's own address, signed, on every call to Collection (<see cref="ClientAddress"/>), so that Collection throttles
/// each resident by theirs and not everyone by the web app's. Behind a reverse proxy, configure forwarded headers so that the
/// connection's address is the resident's.
/// </summary>
sealed class ResidentAddressHandler(IHttpContextAccessor http, IConfiguration configuration) : DelegatingHandler
{
    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        if (http.HttpContext?.Connection.RemoteIpAddress is { } address && configuration[StaffAuthentication.SigningKeyConfig] is { Length: > 0 } key)
        {
            request.Headers.Remove(ClientAddress.Header);
            request.Headers.TryAddWithoutValidation(ClientAddress.Header, ClientAddress.Sign(key, address.ToString()));
        }
        return base.SendAsync(request, cancellationToken);
    }
}
