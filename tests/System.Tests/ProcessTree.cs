namespace Medborgare.SystemTests;

/// <summary>A process and everything it started, read from /proc.</summary>
public static class ProcessTree
{
    /// <summary>SIGKILL to the process and all its descendants, the deepest first: a crash, with nothing left orphaned.</summary>
    public static void Kill(int pid)
    {
        foreach (var child in Children(pid)) Kill(child);
        try { System.Diagnostics.Process.GetProcessById(pid).Kill(); }
        catch (ArgumentException) { } // gone already
        catch (InvalidOperationException) { }
    }

    public static IEnumerable<int> Children(int pid)
    {
        foreach (var task in Directory.Exists($"/proc/{pid}/task") ? Directory.GetDirectories($"/proc/{pid}/task") : [])
        {
            string text;
            try { text = File.ReadAllText(Path.Combine(task, "children")); }
            catch (IOException) { continue; }
            foreach (var child in text.Split(' ', StringSplitOptions.RemoveEmptyEntries)) yield return int.Parse(child);
        }
    }
}
