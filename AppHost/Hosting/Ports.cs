using System.Net;
using System.Net.Sockets;

namespace Medborgare.AppHost.Hosting;

/// <summary>
/// Ports for the servers and services the AppHost starts. A port is chosen at random below the kernel's ephemeral
/// range: ports in that range are also handed out as the source ports of outgoing connections, and one of those can
/// take a chosen port in the seconds before a server binds it (RabbitMQ binds its listener late in its boot). A port is
/// never handed out twice by one process, so two servers started together cannot be given the same one.
/// </summary>
public static class Ports
{
    static readonly Lock Gate = new();
    static readonly HashSet<int> HandedOut = [];
    static readonly (int Low, int High) Range = ServerRange();

    /// <summary>A free TCP port on loopback, or <paramref name="preferred"/> when that one is free.</summary>
    public static int Free(int preferred = 0)
    {
        lock (Gate)
        {
            if (preferred > 0 && !HandedOut.Contains(preferred) && IsFree(preferred)) return Take(preferred);
            for (var attempt = 0; attempt < 1000; attempt++)
            {
                var port = Random.Shared.Next(Range.Low, Range.High);
                if (!HandedOut.Contains(port) && IsFree(port)) return Take(port);
            }
            // Every candidate busy (not seen in practice): let the kernel choose, still never the same twice.
            for (var attempt = 0; attempt < 1000; attempt++)
            {
                var port = KernelChosen();
                if (!HandedOut.Contains(port)) return Take(port);
            }
            throw new InvalidOperationException("No free TCP port on 127.0.0.1");
        }
    }

    static int Take(int port)
    {
        HandedOut.Add(port);
        return port;
    }

    /// <summary>From 10000 up to the start of the ephemeral range (32768 by default on Linux).</summary>
    static (int, int) ServerRange()
    {
        const int low = 10000;
        var ephemeralStart = 32768;
        try
        {
            var text = File.ReadAllText("/proc/sys/net/ipv4/ip_local_port_range").Split((char[])[' ', '\t', '\n'],
                StringSplitOptions.RemoveEmptyEntries);
            if (text.Length > 0 && int.TryParse(text[0], out var start)) ephemeralStart = start;
        }
        catch (IOException) { }
        catch (UnauthorizedAccessException) { }
        // A machine whose ephemeral range starts low leaves no room below it: use the range above it instead.
        return ephemeralStart - low >= 2000 ? (low, ephemeralStart) : (61000, 65000);
    }

    static int KernelChosen()
    {
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
