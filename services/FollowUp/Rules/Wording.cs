using Medborgare.Contracts;
using Medborgare.FollowUp.Model;

namespace Medborgare.FollowUp.Rules;

/// <summary>Plain words for politicians, in Swedish and English.</summary>
public static class Wording
{
    public sealed record Words(string Sv, string En);

    public static Words Significance(ChangeSignificance change) => change switch
    {
        ChangeSignificance.SignificantIncrease => new("Statistiskt säkerställd ökning jämfört med förra året", "Statistically significant increase since last year"),
        ChangeSignificance.SignificantDecrease => new("Statistiskt säkerställd minskning jämfört med förra året", "Statistically significant decrease since last year"),
        ChangeSignificance.NotSignificant => new("Ingen statistiskt säkerställd förändring jämfört med förra året", "No statistically significant change since last year"),
        _ => new("Ingen jämförelse med förra året", "No comparison with last year"),
    };

    public static Words Assessment(Assessment? assessment) => assessment switch
    {
        ApiContracts.FollowUp.Assessment.Met => new("Uppfyllt", "Met"),
        ApiContracts.FollowUp.Assessment.PartlyMet => new("Delvis uppfyllt", "Partly met"),
        ApiContracts.FollowUp.Assessment.NotMet => new("Ej uppfyllt", "Not met"),
        _ => new("Ej bedömt", "Not assessed"),
    };
}
