using System.Globalization;

namespace Medborgare.LoadTool;

/// <summary>The tool's command line (README). Every loop it drives is bounded by these numbers.</summary>
public sealed record LoadOptions
{
    /// <summary>Submits per second in the measured phase (open loop: scheduled send times).</summary>
    public int Rate { get; init; } = 300;
    /// <summary>Length of the measured phase; a sustained figure needs at least 60 s.</summary>
    public int Seconds { get; init; } = 60;
    /// <summary>Submits in the measured phase, when given; otherwise <see cref="Rate"/> × <see cref="Seconds"/>.</summary>
    public int? ResponsesGiven { get; init; }
    public int WarmupSeconds { get; init; } = 10;
    /// <summary>Requests in flight at most; a send that would exceed it waits (and is reported as late).</summary>
    public int Concurrency { get; init; } = 256;
    /// <summary>After the measured phase: twice the rate for <see cref="OverloadSeconds"/>.</summary>
    public bool Overload { get; init; }
    public int OverloadSeconds { get; init; } = 60;
    /// <summary>Instances of Collection and of Analysis (the AppHost's --replicas).</summary>
    public int Replicas { get; init; } = 1;
    /// <summary>On: the Aspire dashboard runs and every part exports OTLP to it, as <c>./run.sh</c> has it. Off: no OTLP endpoint at all.</summary>
    public bool Telemetry { get; init; } = true;
    public double? TraceSampleRatio { get; init; }
    /// <summary>Synthetic stored submissions put into collectiondb before the warm-up (cost-vs-size comparisons).</summary>
    public int Preload { get; init; }
    public bool PgBench { get; init; } = true;
    /// <summary>Keep the servers' data folders after the run (they are removed by default; the log and report stay).</summary>
    public bool KeepData { get; init; }

    public int Responses => ResponsesGiven ?? Rate * Seconds;
    public int WarmupResponses => Rate * WarmupSeconds;
    public int OverloadResponses => Overload ? 2 * Rate * OverloadSeconds : 0;
    public int CodesNeeded => WarmupResponses + Responses + OverloadResponses;

    public const string Usage = """
        usage: dotnet run -c Release --project bench/LoadTool -- [options]
          --rate R                 submits/s in the measured phase (1..5000, default 300)
          --seconds S              measured phase length (1..3600, default 60; sustained needs >= 60)
          --responses N            measured submits instead of rate x seconds (1..1000000)
          --warmup-seconds S       warm-up at the same rate before the clock starts (0..600, default 10)
          --concurrency C          requests in flight at most (1..4096, default 256)
          --overload               then offer 2 x rate for --overload-seconds (default 60)
          --overload-seconds S     (1..600)
          --replicas N             instances of Collection and Analysis (1..8, default 1)
          --telemetry on|off       OTLP to the Aspire dashboard, or no OTLP endpoint at all (default on)
          --trace-sample-ratio R   Telemetry__TraceSampleRatio for every part (0..1; the app's default is 1)
          --preload N              synthetic stored submissions in collectiondb before the warm-up (0..10000000)
          --no-pgbench             skip PostgreSQL's bare insert ceiling (pgbench)
          --keep-data              keep the servers' data folders under the state folder
        """;

    public static LoadOptions? Parse(string[] args)
    {
        var o = new LoadOptions();
        for (var i = 0; i < args.Length; i++)
        {
            var name = args[i];
            switch (name)
            {
                case "--overload": o = o with { Overload = true }; continue;
                case "--no-pgbench": o = o with { PgBench = false }; continue;
                case "--keep-data": o = o with { KeepData = true }; continue;
            }
            if (i + 1 >= args.Length) return null;
            var value = args[++i];
            int? Int(int min, int max) => int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n >= min && n <= max ? n : null;
            LoadOptions? next = name switch
            {
                "--rate" when Int(1, 5_000) is { } n => o with { Rate = n },
                "--seconds" when Int(1, 3_600) is { } n => o with { Seconds = n },
                "--responses" when Int(1, 1_000_000) is { } n => o with { ResponsesGiven = n },
                "--warmup-seconds" when Int(0, 600) is { } n => o with { WarmupSeconds = n },
                "--concurrency" when Int(1, 4_096) is { } n => o with { Concurrency = n },
                "--overload-seconds" when Int(1, 600) is { } n => o with { OverloadSeconds = n },
                "--replicas" when Int(1, 8) is { } n => o with { Replicas = n },
                "--preload" when Int(0, 10_000_000) is { } n => o with { Preload = n },
                "--telemetry" when value is "on" or "off" => o with { Telemetry = value == "on" },
                "--trace-sample-ratio" when double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out var r) && r is >= 0 and <= 1
                    => o with { TraceSampleRatio = r },
                _ => null,
            };
            if (next is null) return null;
            o = next;
        }
        // The frame that the codes are drawn from holds at most 1,000,000 people, half of them sampled at most.
        return o.CodesNeeded is >= 1 and <= 500_000 ? o : null;
    }
}
