using System.Buffers.Text;
using System.Net;
using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Medborgare.ServiceDefaults;

/// <summary>
/// The address a resident's request came from, as the service should count it for throttling. Residents reach Collection through
/// the web app, so the connection's address is the web app's own: counted by it, ten wrong codes from anyone would throttle
/// everyone. The web app therefore names the resident's address in <see cref="Header"/>, signed with the key every part holds
/// (<c>Auth:SigningKey</c>); a service believes the header only when the signature holds, and otherwise counts the connection.
/// </summary>
public static class ClientAddress
{
    public const string Header = "X-Medborgare-Client";

    public static string Sign(string signingKey, string address)
    {
        var mac = HMACSHA256.HashData(Encoding.UTF8.GetBytes(signingKey), Encoding.UTF8.GetBytes("client-address:" + address));
        return address + ";" + Base64Url.EncodeToString(mac);
    }

    public static string Of(HttpContext http)
    {
        var connection = http.Connection.RemoteIpAddress?.ToString() ?? "unknown";
        if (!http.Request.Headers.TryGetValue(Header, out var values) || values.Count != 1 || values[0] is not { Length: <= 200 } value) return connection;
        var separator = value.LastIndexOf(';');
        if (separator <= 0 || !IPAddress.TryParse(value.AsSpan(0, separator), out _)) return connection;
        var key = http.RequestServices.GetService<IConfiguration>()?[StaffAuthentication.SigningKeyConfig];
        if (string.IsNullOrEmpty(key)) return connection;
        var address = value[..separator];
        var expected = Encoding.ASCII.GetBytes(Sign(key, address));
        return CryptographicOperations.FixedTimeEquals(expected, Encoding.ASCII.GetBytes(value)) ? address : connection;
    }
}
