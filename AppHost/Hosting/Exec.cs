using System.Diagnostics;

namespace Medborgare.AppHost.Hosting;

/// <summary>Runs a short command to completion and returns its output; throws with the output when it fails.</summary>
static class Exec
{
    public static async Task<string> RunAsync(string file, IEnumerable<string> args, CancellationToken ct,
        IDictionary<string, string>? env = null, string? runAsUser = null)
    {
        var psi = new ProcessStartInfo { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        if (runAsUser is not null)
        {
            psi.FileName = "runuser";
            foreach (var a in new[] { "-u", runAsUser, "--", file }) psi.ArgumentList.Add(a);
        }
        else
        {
            psi.FileName = file;
        }
        foreach (var a in args) psi.ArgumentList.Add(a);
        if (env is not null) foreach (var (k, v) in env) psi.Environment[k] = v;

        using var process = Process.Start(psi)!;
        var stdout = process.StandardOutput.ReadToEndAsync(ct);
        var stderr = process.StandardError.ReadToEndAsync(ct);
        await process.WaitForExitAsync(ct);
        var output = await stdout + await stderr;
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"'{file} {string.Join(' ', psi.ArgumentList)}' failed with exit code {process.ExitCode}:\n{output}");
        }
        return output;
    }
}
