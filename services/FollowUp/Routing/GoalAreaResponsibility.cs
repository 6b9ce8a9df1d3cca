using Medborgare.Contracts;
using Medborgare.FollowUp.Infrastructure;
using Medborgare.FollowUp.Model;
using Medborgare.Messaging;

namespace Medborgare.FollowUp.Routing;

/// <summary>
/// The routing source for synpunkter: Collection sends a goal area's feedback to the committee (nämnd) responsible for the
/// area. Whoever creates or changes a goal calls <see cref="AnnounceIfChanged"/> before saving, so the message and the
/// change are committed together.
/// </summary>
public static class GoalAreaResponsibility
{
    /// <summary>What the message says about an area; a change of any part is announced.</summary>
    public static string Fingerprint(Goal area) => $"{area.Code}\n{area.Title}\n{area.ResponsibleBody}";

    /// <summary>A goal area with a code and a responsible body whose current responsibility was not sent yet.</summary>
    public static bool NeedsAnnouncing(Goal goal) =>
        goal is { Level: GoalLevel.GoalArea, Code: { Length: > 0 } } && !string.IsNullOrWhiteSpace(goal.ResponsibleBody)
        && goal.PublishedResponsibility != Fingerprint(goal);

    /// <summary>Adds <see cref="GoalAreaResponsibilityChanged"/> to the outbox when the area's responsibility is new or changed.</summary>
    /// <returns>Whether a message was added.</returns>
    public static bool AnnounceIfChanged(FollowUpDbContext db, Goal goal, TimeProvider clock)
    {
        if (!NeedsAnnouncing(goal)) return false;
        db.AddToOutbox(new GoalAreaResponsibilityChanged
        {
            MunicipalityCode = goal.MunicipalityCode,
            GoalAreaCode = goal.Code!,
            GoalAreaTitle = goal.Title,
            Committee = goal.ResponsibleBody,
            // When the area got this responsibility, read with it: of two announcements of one area the newer state wins.
            ChangedAt = goal.UpdatedAt,
        }, clock);
        goal.PublishedResponsibility = Fingerprint(goal);
        return true;
    }
}
