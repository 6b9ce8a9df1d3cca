using System.Net;
using System.Net.Sockets;

namespace Medborgare.AppHost.Hosting;

public static class Ports
{
    /// <summary>A free TCP port on loopback, or <paramref name="preferred"/> when that one is free.</summary>
    public static int Free(int preferred = 0)
    {
        if (preferred > 0 && IsFree(preferred)) return preferred;
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }

    static bool IsFree(int port)
    {
        try
        {
            var listener = new TcpListener(IPAddress.Loopback, port);
            listener.Start();
            listener.Stop();
            return true;
        }
        catch (SocketException)
        {
            return false;
        }
    }

    public static async Task<bool> IsOpenAsync(int port, CancellationToken ct)
    {
        try
        {
            using var client = new TcpClient();
            await client.ConnectAsync(IPAddress.Loopback, port, ct);
            return true;
        }
        catch (SocketException)
        {
            return false;
        }
    }
}
