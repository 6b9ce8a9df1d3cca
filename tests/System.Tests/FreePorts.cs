using System.Net;
using System.Net.Sockets;

namespace Medborgare.SystemTests;

/// <summary>
/// Ports for listeners that must be named before they start (the dashboard's). Chosen below the kernel's ephemeral range
/// (32768 and up), where outgoing connections take their source ports, checked free, and never handed out twice by this process.
/// </summary>
public static class FreePorts
{
    static readonly HashSet<int> Given = [];

    public static int Next()
    {
        lock (Given)
        {
            while (true)
            {
                var port = Random.Shared.Next(10_000, 32_000);
                if (Given.Contains(port)) continue;
                try
                {
                    using var listener = new TcpListener(IPAddress.Loopback, port);
                    listener.Start();
                }
                catch (SocketException)
                {
                    continue;
                }
                Given.Add(port);
                return port;
            }
        }
    }
}
