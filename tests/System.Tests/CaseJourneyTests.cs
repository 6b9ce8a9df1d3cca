using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Medborgare.ApiContracts.Collection;
using Medborgare.ServiceDefaults;
using Medborgare.Testing;

namespace Medborgare.SystemTests;

/// <summary>
/// A synpunkt's case across the whole app as the AppHost starts it: the goal chain in FollowUp names the committee, the message
/// reaches Collection, the synpunkt is routed there, the caseworker answers it, and the answer reaches FollowUp's in-time indicator.
/// </summary>
[Collection(WholeAppCollection.Name)]
public sealed class CaseJourneyTests(WholeAppFixture fixture)
{
    [Fact]
    public async Task A_synpunkt_is_routed_by_the_goal_chain_answered_and_counted_in_the_goal_areas_in_time_share()
    {
        var admin = fixture.StaffClient(ResourceNames.FollowUp, StaffRoles.Admin);
        var committee = $"Testnämnden {Guid.NewGuid():N}"[..24];
        var (visionId, code) = await PoliticianScenario.VisionAndFreeAreaCodeAsync(admin);
        var areaId = await PoliticianScenario.CreateGoalAsync(admin, "GoalArea", visionId, code, "Ärenden i tid", committee);
        var year = DateTime.UtcNow.Year;
        var indicatorId = await PoliticianScenario.CreateIndicatorAsync(admin, new
        {
            goalId = areaId, name = "Synpunkter besvarade i tid", source = "Feedback", sourceKey = "answered-in-time", unit = "%",
            direction = "HigherIsBetter", tolerance = 5, targets = new[] { new { period = year, target = 90 } },
        });
        try
        {
            using var resident = new HttpClient { BaseAddress = new Uri(fixture.Url(ResourceNames.Collection)) };
            var caseworker = fixture.StaffClient(ResourceNames.Collection, StaffRoles.Admin);

            // The area's committee travels FollowUp → RabbitMQ → Collection; a synpunkt in the area is then routed to it.
            await Eventually.TrueAsync(async () => (await caseworker.GetFromJsonAsync<CommitteeList>("/api/cases/committees"))!
                .Routes.Any(r => r.GoalArea == code && r.Committee == committee), TimeSpan.FromSeconds(60), "the goal area's committee in Collection");
            using var sent = await resident.PostAsJsonAsync("/api/feedback",
                new FeedbackRequest("klagomål", code, null, "Ingen har hört av sig om min ansökan.", null, false));
            Assert.Equal(HttpStatusCode.Created, sent.StatusCode);
            var receipt = (await sent.Content.ReadFromJsonAsync<FeedbackReceipt>())!;
            var opened = (await caseworker.GetFromJsonAsync<CaseDetail>($"/api/cases/{receipt.FeedbackId}"))!;
            Assert.Equal(committee, opened.Committee);

            using var answered = await caseworker.PostAsJsonAsync($"/api/cases/{receipt.FeedbackId}/answer",
                new AnswerCaseRequest("Vi har gått igenom ansökan och skickat beslutet.", SendEmail: false));
            Assert.Equal(HttpStatusCode.OK, answered.StatusCode);

            // Answered the day it came: 100 % in time, green against 90 %.
            var indicator = await Eventually.GetAsync(async () =>
            {
                var view = await admin.GetFromJsonAsync<JsonElement>($"/api/followup/goal-areas/{areaId}?year={year}");
                var found = view.GetProperty("areaIndicators").EnumerateArray().Single(i => i.GetProperty("id").GetGuid() == indicatorId);
                return found.GetProperty("value").ValueKind == JsonValueKind.Number ? new Box(found) : null;
            }, TimeSpan.FromSeconds(60), "the answer in FollowUp's indicator") is { Value: var value } ? value : default;
            Assert.Equal(100, indicator.GetProperty("value").GetDouble());
            Assert.Equal("Green", indicator.GetProperty("status").GetString());

            var status = (await resident.GetFromJsonAsync<PublicCaseStatus>($"/api/feedback/receipts/{receipt.Receipt}"))!;
            Assert.Equal(CaseStatus.Answered, status.Status);
            Assert.Equal("Vi har gått igenom ansökan och skickat beslutet.", status.Answer);
        }
        finally
        {
            // The area's code is one of the four that feedback can carry: give it back for the other tests of this app.
            await admin.DeleteAsync($"/api/indicators/{indicatorId}");
            await admin.DeleteAsync($"/api/goals/{areaId}");
        }
    }
}

/// <summary>A JSON value for <c>Eventually</c>, which waits for a reference.</summary>
file sealed record Box(JsonElement Value);
