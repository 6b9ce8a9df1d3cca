namespace Medborgare.Web;

/// <summary>
/// The municipality this deployment serves, from <c>Municipality:Name</c> and <c>Municipality:Code</c>, which the AppHost hands to
/// every part (README, "Options"). Shown in the header, the footer, the letters and the print layouts.
/// </summary>
public sealed record Municipality(string Name, string Code)
{
    public static Municipality From(IConfiguration configuration) =>
        new(configuration["Municipality:Name"] is { Length: > 0 } name ? name : "Kommunen",
            configuration["Municipality:Code"] is { Length: > 0 } code ? code : "0000");
}
