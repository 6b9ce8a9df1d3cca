using System.Net;
using System.Net.Sockets;
using Medborgare.AppHost.Hosting;

namespace Medborgare.SystemTests;

/// <summary>The ports the AppHost gives its servers: distinct, free, and outside the range outgoing connections use.</summary>
public sealed class PortsTests
{
    [Fact]
    public void Ports_are_never_handed_out_twice_and_lie_below_the_ephemeral_range()
    {
        var ephemeralStart = int.Parse(File.ReadAllText("/proc/sys/net/ipv4/ip_local_port_range")
            .Split((char[])[' ', '\t', '\n'], StringSplitOptions.RemoveEmptyEntries)[0]);

        var ports = Enumerable.Range(0, 2000).Select(_ => Ports.Free()).ToList();

        Assert.Equal(ports.Count, ports.Distinct().Count());
        Assert.All(ports, p => Assert.InRange(p, 10000, ephemeralStart - 1));
    }

    [Fact]
    public void A_free_preferred_port_is_given_once_and_a_taken_one_is_replaced()
    {
        using var occupied = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        occupied.Bind(new IPEndPoint(IPAddress.Loopback, 0));
        occupied.Listen();
        var taken = ((IPEndPoint)occupied.LocalEndPoint!).Port;
        int released;
        using (var probe = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp))
        {
            probe.Bind(new IPEndPoint(IPAddress.Loopback, 0));
            released = ((IPEndPoint)probe.LocalEndPoint!).Port;
        }

        Assert.NotEqual(taken, Ports.Free(taken));
        Assert.Equal(released, Ports.Free(released));
        // Already handed out: a second server that prefers it gets another port.
        Assert.NotEqual(released, Ports.Free(released));
    }
}
