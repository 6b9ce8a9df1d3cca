using System.Runtime.InteropServices;

namespace Medborgare.AppHost.Hosting;

/// <summary>The two POSIX calls .NET does not expose: sending SIGTERM and asking who we are.</summary>
static partial class Native
{
    const int SIGTERM = 15;

    [LibraryImport("libc", SetLastError = true)]
    private static partial int kill(int pid, int sig);

    [LibraryImport("libc")]
    private static partial uint geteuid();

    public static bool Terminate(int pid) => OperatingSystem.IsWindows() ? false : kill(pid, SIGTERM) == 0;

    public static bool IsRoot => !OperatingSystem.IsWindows() && geteuid() == 0;

    public static bool IsAlive(int pid) => !OperatingSystem.IsWindows() && kill(pid, 0) == 0;
}
