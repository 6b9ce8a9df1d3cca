using System.Net;
using System.Net.Http.Json;
using Medborgare.Contracts;
using Medborgare.Testing;
using Microsoft.EntityFrameworkCore;
using static Medborgare.Collection.Apis.FeedbackApi;

namespace Medborgare.Collection.Tests;

public sealed class FeedbackApiTests(CollectionApp harness) : IClassFixture<CollectionApp>, IAsyncLifetime
{
    public Task InitializeAsync() => harness.OpenSurveyAsync(codes: 0);

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task Feedback_is_masked_before_it_is_stored_and_sent_on()
    {
        await using var listener = await TestBus<CitizenFeedbackReceived>.StartAsync(harness.BrokerConnectionString, "test-feedback");
        var request = new FeedbackRequest("förslag", "livsmiljo", "Norra",
            "Lys upp gångvägen vid skolan. Ring mig på 070-123 45 67 eller skriv till anna@example.se, pnr 800101-0001.",
            new ContactDetails("Anna", "anna@example.se", null), ContactConsent: true);

        var response = await harness.CreateClient().PostAsJsonAsync("/api/feedback", request);

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var message = await Eventually.GetAsync(() => Task.FromResult(listener.Received.FirstOrDefault()), what: "CitizenFeedbackReceived");
        Assert.Equal("Lys upp gångvägen vid skolan. Ring mig på [telefonnummer] eller skriv till [e-post], pnr [personnummer].", message.Message.MaskedText);
        Assert.Equal("livsmiljo", message.Message.GoalArea);
        Assert.Equal(1, await harness.CountAsync(db => db.Feedback.Where(f => f.ContactEmail == "anna@example.se" && !f.MaskedText.Contains("070"))));
    }

    [Fact]
    public async Task Contact_details_without_consent_are_refused_next_to_the_field()
    {
        var response = await harness.CreateClient().PostAsJsonAsync("/api/feedback",
            new FeedbackRequest("fråga", null, null, "Hej", new ContactDetails(null, null, "070-1234567"), ContactConsent: false));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("contactConsent", await response.Content.ReadAsStringAsync());
    }
}
