using Medborgare.FollowUp.Model;

namespace Medborgare.FollowUp.Rules;

public static class AssessmentRules
{
    /// <summary>
    /// The proposed assessment of a goal from its indicators' statuses for the period. Grey indicators (no data or
    /// no target) do not count either way.
    /// <list type="bullet">
    /// <item>no indicator with a colour: no proposal (null); the officer must assess by hand</item>
    /// <item>every coloured indicator green: <b>uppfyllt</b></item>
    /// <item>none green and at least half red: <b>ej uppfyllt</b></item>
    /// <item>otherwise: <b>delvis uppfyllt</b></item>
    /// </list>
    /// </summary>
    public static Assessment? Propose(IEnumerable<IndicatorStatus> statuses)
    {
        int green = 0, yellow = 0, red = 0;
        foreach (var s in statuses)
        {
            switch (s)
            {
                case IndicatorStatus.Green: green++; break;
                case IndicatorStatus.Yellow: yellow++; break;
                case IndicatorStatus.Red: red++; break;
            }
        }
        var coloured = green + yellow + red;
        if (coloured == 0) return null;
        if (green == coloured) return Assessment.Met;
        if (green == 0 && red * 2 >= coloured) return Assessment.NotMet;
        return Assessment.PartlyMet;
    }

    /// <summary>Records the officer's override next to the proposal, which stays as it was.</summary>
    public static void ApplyOverride(GoalAssessment assessment, Assessment? overrideWith, string? analysisText, string who, DateTimeOffset when)
    {
        assessment.Override = overrideWith;
        assessment.AnalysisText = string.IsNullOrWhiteSpace(analysisText) ? null : analysisText.Trim();
        assessment.OverriddenBy = who;
        assessment.OverriddenAt = when;
    }

    /// <summary>Refreshes the proposal from the indicators; an override already made stays.</summary>
    public static bool UpdateProposal(GoalAssessment assessment, Assessment? proposed, DateTimeOffset when)
    {
        if (assessment.Proposed == proposed && assessment.ProposedBy == SystemProposer) return false;
        assessment.Proposed = proposed;
        assessment.ProposedBy = SystemProposer;
        assessment.ProposedAt = when;
        return true;
    }

    /// <summary>The proposal is the system's, computed from the indicators by <see cref="Propose"/>.</summary>
    public const string SystemProposer = "system (från indikatorerna)";
}
