namespace Medborgare.Collection.Cases;

/// <summary>Synpunktshantering's settings (section <c>Cases</c>).</summary>
public sealed class CaseOptions
{
    /// <summary>Svarstid: working days from the day a synpunkt arrives to the last day of its answer.</summary>
    public int ResponseWorkingDays { get; set; } = 10;
    /// <summary>Where a synpunkt goes when the goal chain names no committee for it.</summary>
    public string DefaultCommittee { get; set; } = "Kommunstyrelsen";
    /// <summary>A committee per category, used when a synpunkt has no goal area (for example "fråga" to a service centre).</summary>
    public Dictionary<string, string> CategoryCommittees { get; set; } = [];
    /// <summary>Gallring: days after a case closes before its contact details are deleted.</summary>
    public int ContactRetentionDays { get; set; } = 90;
    public TimeSpan PurgeInterval { get; set; } = TimeSpan.FromHours(1);
    /// <summary>Who the answers come from, and the public address of the case page (with {receipt}).</summary>
    public string EmailFrom { get; set; } = "synpunkter@kommun.example";
    public string? CasePageUrl { get; set; }
}

/// <summary>The SMTP server answers are sent through (section <c>Smtp</c>). Without a host, e-mails wait, visibly, in the case.</summary>
public sealed class SmtpOptions
{
    public string? Host { get; set; }
    public int Port { get; set; } = 25;
    /// <summary>STARTTLS when the server offers it; "None" for a local relay, "Required" for anything across a network.</summary>
    public string Security { get; set; } = "Auto";
    public string? UserName { get; set; }
    public string? Password { get; set; }
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(5);
    public int MaxAttempts { get; set; } = 8;
}
