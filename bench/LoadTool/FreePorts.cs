using System.Net;
using System.Net.Sockets;

namespace Medborgare.LoadTool;

/// <summary>
/// Ports for the dashboard's listeners, which must be named before they start: below the kernel's ephemeral range (where outgoing
/// connections take their source ports), checked free, never handed out twice by this process.
/// </summary>
static class FreePorts
{
    static readonly HashSet<int> Given = [];

    public static int Next()
    {
        lock (Given)
        {
            for (var attempt = 0; attempt < 1000; attempt++)
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
            throw new InvalidOperationException("No free port between 10000 and 32000 after 1000 tries");
        }
    }
}
