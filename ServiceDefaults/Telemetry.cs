using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace Medborgare.ServiceDefaults;

/// <summary>The application's own activity source and meter, shared by all services.</summary>
public static class Telemetry
{
    public const string ActivitySourceName = "Medborgare";
    public const string MeterName = "Medborgare";

    public static readonly ActivitySource ActivitySource = new(ActivitySourceName);
    public static readonly Meter Meter = new(MeterName);
}
