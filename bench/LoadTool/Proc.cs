using System.Globalization;
using System.Text;

namespace Medborgare.LoadTool;

/// <summary>What the tool reads from /proc about a process: its children, CPU times, resident memory, command line.</summary>
static class Proc
{
    /// <summary>USER_HZ: the unit of /proc/&lt;pid&gt;/stat's times, 100 on every Linux the app runs on.</summary>
    const double MillisecondsPerTick = 10;

    public static IEnumerable<int> Children(int pid)
    {
        string[] tasks;
        try { tasks = Directory.GetDirectories($"/proc/{pid}/task"); }
        catch (IOException) { yield break; }
        catch (UnauthorizedAccessException) { yield break; }
        foreach (var task in tasks)
        {
            string text;
            try { text = File.ReadAllText(Path.Combine(task, "children")); }
            catch (IOException) { continue; }
            foreach (var child in text.Split(' ', StringSplitOptions.RemoveEmptyEntries)) yield return int.Parse(child, CultureInfo.InvariantCulture);
        }
    }

    /// <summary>The process and all its descendants (bounded: a process tree of the app has a few hundred at most).</summary>
    public static List<int> Tree(int pid)
    {
        var tree = new List<int>();
        var pending = new Stack<int>([pid]);
        while (pending.Count > 0 && tree.Count < 10_000)
        {
            var next = pending.Pop();
            if (!Directory.Exists($"/proc/{next}")) continue;
            tree.Add(next);
            foreach (var child in Children(next)) pending.Push(child);
        }
        return tree;
    }

    public sealed record Stat(string Command, double OwnMs, double ReapedChildrenMs);

    /// <summary>
    /// utime + stime (the process's own CPU), and cutime + cstime (children it has waited for): summed over a live tree, the two
    /// make a counter that keeps the CPU of processes that ended (a PostgreSQL backend, say) once their parent has reaped them.
    /// </summary>
    public static Stat? ReadStat(int pid)
    {
        string text;
        try { text = File.ReadAllText($"/proc/{pid}/stat"); }
        catch (IOException) { return null; }
        var open = text.IndexOf('(');
        var close = text.LastIndexOf(')');
        if (open < 0 || close < open) return null;
        // After "pid (comm) ": state is field 3, so utime (14), stime (15), cutime (16), cstime (17) are at 11..14 here.
        var f = text[(close + 2)..].Split(' ');
        double Ticks(int i) => double.Parse(f[i], CultureInfo.InvariantCulture);
        return new Stat(text[(open + 1)..close], (Ticks(11) + Ticks(12)) * MillisecondsPerTick, (Ticks(13) + Ticks(14)) * MillisecondsPerTick);
    }

    /// <summary>VmRSS in MB, or 0 when the process is gone.</summary>
    public static double RssMb(int pid)
    {
        try
        {
            foreach (var line in File.ReadLines($"/proc/{pid}/status"))
            {
                if (line.StartsWith("VmRSS:", StringComparison.Ordinal))
                    return double.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], CultureInfo.InvariantCulture) / 1024;
            }
        }
        catch (IOException) { }
        return 0;
    }

    public static string CommandLine(int pid)
    {
        try { return File.ReadAllText($"/proc/{pid}/cmdline").Replace('\0', ' ').Trim(); }
        catch (IOException) { return ""; }
        catch (UnauthorizedAccessException) { return ""; }
    }

    /// <summary>Whether the process's environment has the variable (its value is never read out: connection strings live there).</summary>
    public static bool HasEnvironmentVariable(int pid, string name)
    {
        try
        {
            return Any(File.ReadAllBytes($"/proc/{pid}/environ"), Encoding.UTF8.GetBytes(name + "="));
        }
        catch (IOException) { return false; }
        catch (UnauthorizedAccessException) { return false; }
    }

    static bool Any(byte[] environ, byte[] prefix)
    {
        var start = 0;
        for (var i = 0; i <= environ.Length; i++)
        {
            if (i < environ.Length && environ[i] != 0) continue;
            if (environ.AsSpan(start, i - start).StartsWith(prefix)) return true;
            start = i + 1;
        }
        return false;
    }
}
