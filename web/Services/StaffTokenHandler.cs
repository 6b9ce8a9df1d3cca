using System.Net.Http.Headers;
using System.Security.Claims;
using Medborgare.ServiceDefaults;

namespace Medborgare.Web.Services;

/// <summary>Attaches a short-lived bearer token for the logged-in staff user to every call to a service.</summary>
sealed class StaffTokenHandler(IHttpContextAccessor http, IConfiguration configuration) : DelegatingHandler
{
    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var user = http.HttpContext?.User;
        if (user?.Identity?.IsAuthenticated == true)
        {
            var roles = user.FindAll(ClaimTypes.Role).Select(c => c.Value);
            var committees = user.FindAll(StaffClaims.Committee).Select(c => c.Value);
            var token = StaffAuthentication.CreateToken(configuration[StaffAuthentication.SigningKeyConfig]!, user.Identity.Name!, roles,
                committees: committees);
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }
        return base.SendAsync(request, cancellationToken);
    }
}
