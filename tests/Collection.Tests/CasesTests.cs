using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Medborgare.ApiContracts.Collection;
using Medborgare.Collection.Cases;
using Medborgare.Contracts;
using Medborgare.ServiceDefaults;
using Medborgare.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Medborgare.Collection.Tests;

/// <summary>Synpunkter as cases over real PostgreSQL, RabbitMQ and a real SMTP receiver on loopback.</summary>
public sealed class CasesTests(CollectionApp harness) : IClassFixture<CollectionApp>, IAsyncLifetime
{
    const string Omsorg = "Vård- och omsorgsnämnden";

    public Task InitializeAsync() => harness.ResetAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    string Municipality => harness.Services.GetRequiredService<IConfiguration>()["Municipality:Code"]!;

    async Task RouteAsync(ServiceApp<Infrastructure.CollectionDbContext> app, string goalArea, string committee, DateTimeOffset? at = null)
    {
        await TestMessages.PublishAsync(app.BrokerConnectionString, new GoalAreaResponsibilityChanged
        {
            MunicipalityCode = Municipality, GoalAreaCode = goalArea, GoalAreaTitle = goalArea, Committee = committee, ChangedAt = at ?? DateTimeOffset.UtcNow,
        }, Guid.NewGuid());
    }

    static async Task<FeedbackReceipt> SendAsync(HttpClient client, string goalArea = "omsorg", string? email = null)
    {
        var response = await client.PostAsJsonAsync("/api/feedback", new FeedbackRequest("klagomål", goalArea, null,
            "Hemtjänsten kommer för sent. Ring 070-123 45 67.", email is null ? null : new ContactDetails("Anna", email, null), email is not null));
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<FeedbackReceipt>())!;
    }

    [Fact]
    public async Task A_synpunkt_is_routed_answered_by_email_closed_published_and_followed_by_its_receipt()
    {
        await using var smtp = await SmtpReceiver.StartAsync();
        await using var app = await CollectionApp.StartOwnAsync(new Dictionary<string, string>
        {
            ["Smtp:Host"] = "127.0.0.1", ["Smtp:Port"] = smtp.Port.ToString(), ["Smtp:Security"] = "None", ["Smtp:PollInterval"] = "00:00:00.200",
            ["Cases:CasePageUrl"] = "https://medborgare.example.se/synpunkter/{receipt}",
        });
        await using var answered = await TestBus<CitizenFeedbackAnswered>.StartAsync(app.BrokerConnectionString, "test-cases-answered");
        await RouteAsync(app, "omsorg", Omsorg);
        await Eventually.TrueAsync(async () => await app.CountAsync(db => db.CommitteeRoutes) == 1, what: "the route");

        var receipt = await SendAsync(app.CreateClient(), email: "anna@example.se");

        Assert.Matches("^S-[2-9A-HJKMNP-Z]{5}-[2-9A-HJKMNP-Z]{5}$", receipt.Receipt);
        var received = SwedishCalendar.DayInSweden(DateTimeOffset.UtcNow);
        Assert.Equal(SwedishCalendar.AddWorkingDays(received, 10), receipt.DueDate);

        var caseworker = app.CreateStaffClientFor("karin", [StaffRoles.Caseworker], Omsorg);
        var other = app.CreateStaffClientFor("olle", [StaffRoles.Caseworker], "Barn- och utbildningsnämnden");
        var list = (await caseworker.GetFromJsonAsync<CaseList>("/api/cases"))!;
        var summary = Assert.Single(list.Cases);
        Assert.Equal(Omsorg, summary.Committee);
        Assert.Equal(CaseStatus.Received, summary.Status);
        Assert.Empty((await other.GetFromJsonAsync<CaseList>("/api/cases"))!.Cases);
        Assert.Equal(HttpStatusCode.NotFound, (await other.GetAsync($"/api/cases/{summary.Id}")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await other.GetAsync($"/api/cases?committee={Uri.EscapeDataString(Omsorg)}")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await app.CreateStaffClient(StaffRoles.Politician).GetAsync("/api/cases")).StatusCode);

        var assign = await caseworker.PostAsJsonAsync($"/api/cases/{summary.Id}/assign", new AssignCaseRequest(Omsorg, "Karin Handläggare"));
        Assert.Equal(HttpStatusCode.OK, assign.StatusCode);
        var answer = await caseworker.PostAsJsonAsync($"/api/cases/{summary.Id}/answer",
            new AnswerCaseRequest("Vi har pratat med hemtjänstgruppen. Ring oss gärna på 070-987 65 43.", SendEmail: true));
        Assert.Equal(HttpStatusCode.OK, answer.StatusCode);

        var mail = await Eventually.GetAsync(() => Task.FromResult(smtp.Messages.FirstOrDefault()), what: "the e-mailed answer");
        Assert.Equal("anna@example.se", mail.To.Mailboxes.Single().Address);
        Assert.Contains(receipt.Receipt, mail.Subject);
        Assert.Contains("Ring oss gärna på 070-987 65 43.", mail.TextBody);
        Assert.Contains($"https://medborgare.example.se/synpunkter/{receipt.Receipt}", mail.TextBody);
        var message = await Eventually.GetAsync(() => Task.FromResult(answered.Received.FirstOrDefault()), what: "CitizenFeedbackAnswered");
        Assert.Equal(summary.Id, message.Message.FeedbackId);
        Assert.Equal(Omsorg, message.Message.Committee);
        Assert.Equal(0, message.Message.WorkingDays);
        Assert.True(message.Message.InTime);

        var detail = await Eventually.GetAsync(async () =>
        {
            var d = await caseworker.GetFromJsonAsync<CaseDetail>($"/api/cases/{summary.Id}");
            return d!.Emails.SingleOrDefault()?.Status == EmailStatus.Sent ? d : null;
        }, what: "the e-mail marked sent");
        Assert.Equal("a***@example.se", detail.Emails[0].To);
        Assert.Equal([CaseEventKind.Received, CaseEventKind.Routed, CaseEventKind.Assigned, CaseEventKind.Answered, CaseEventKind.EmailQueued, CaseEventKind.EmailSent],
            detail.History.Select(e => e.Kind));
        Assert.All(detail.History.Where(e => e.Kind is CaseEventKind.Assigned or CaseEventKind.Answered), e => Assert.Equal("karin", e.Actor));

        Assert.Equal(HttpStatusCode.OK, (await caseworker.PostAsync($"/api/cases/{summary.Id}/close", null)).StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, (await caseworker.PostAsJsonAsync($"/api/cases/{summary.Id}/answer", new AnswerCaseRequest("Igen", false))).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await caseworker.PostAsJsonAsync($"/api/cases/{summary.Id}/publish", new PublishCaseRequest(true))).StatusCode);

        var published = (await app.CreateClient().GetFromJsonAsync<PublishedCases>("/api/feedback/published?goalArea=omsorg"))!;
        var item = Assert.Single(published.Cases);
        Assert.Equal("Hemtjänsten kommer för sent. Ring [telefonnummer].", item.MaskedText);
        Assert.Equal("Vi har pratat med hemtjänstgruppen. Ring oss gärna på [telefonnummer].", item.Answer);
        Assert.Empty((await app.CreateClient().GetFromJsonAsync<PublishedCases>("/api/feedback/published?goalArea=utbildning"))!.Cases);

        var publicJson = await app.CreateClient().GetStringAsync($"/api/feedback/receipts/{receipt.Receipt.ToLowerInvariant().Replace("-", " ")}");
        var status = JsonSerializer.Deserialize<PublicCaseStatus>(publicJson, JsonSerializerOptions.Web)!;
        Assert.Equal(CaseStatus.Closed, status.Status);
        Assert.Equal(item.Answer, status.Answer);
        Assert.DoesNotContain("anna", publicJson, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("karin", publicJson, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("Hemtjänsten kommer", publicJson);
    }

    [Fact]
    public async Task Routing_follows_the_newest_committee_of_the_goal_area_and_falls_back_to_the_default()
    {
        var now = DateTimeOffset.UtcNow;
        await RouteAsync(harness, "utbildning", "Barn- och utbildningsnämnden", now);
        await RouteAsync(harness, "utbildning", "Gamla skolnämnden", now.AddMinutes(-5));
        await Eventually.TrueAsync(async () => await harness.CountAsync(db => db.InboxMessages) >= 2, what: "both route messages");

        var school = await SendAsync(harness.CreateClient(), "utbildning");
        var noRoute = await SendAsync(harness.CreateClient(), "delaktighet");

        var admin = harness.CreateStaffClient(StaffRoles.Admin);
        var schoolCase = (await admin.GetFromJsonAsync<CaseDetail>($"/api/cases/{school.FeedbackId}"))!;
        Assert.Equal("Barn- och utbildningsnämnden", schoolCase.ProposedCommittee);
        Assert.Equal("Barn- och utbildningsnämnden", schoolCase.Committee);
        Assert.Equal("Kommunstyrelsen", (await admin.GetFromJsonAsync<CaseDetail>($"/api/cases/{noRoute.FeedbackId}"))!.Committee);
        var committees = (await admin.GetFromJsonAsync<CommitteeList>("/api/cases/committees"))!;
        Assert.Contains("Barn- och utbildningsnämnden", committees.Committees);
        Assert.DoesNotContain("Gamla skolnämnden", committees.Committees);

        // Routed elsewhere by hand: the new committee's caseworker sees it, the old one's no longer does.
        Assert.Equal(HttpStatusCode.OK, (await admin.PostAsJsonAsync($"/api/cases/{school.FeedbackId}/assign", new AssignCaseRequest("Kultur- och fritidsnämnden", null))).StatusCode);
        Assert.Single((await harness.CreateStaffClientFor("k", [StaffRoles.Caseworker], "Kultur- och fritidsnämnden").GetFromJsonAsync<CaseList>("/api/cases"))!.Cases);
        Assert.Empty((await harness.CreateStaffClientFor("b", [StaffRoles.Caseworker], "Barn- och utbildningsnämnden").GetFromJsonAsync<CaseList>("/api/cases"))!.Cases);
    }

    [Fact]
    public async Task Unknown_and_malformed_receipts_look_alike_and_the_guesser_is_throttled()
    {
        var real = await SendAsync(harness.CreateClient());
        var client = harness.CreateClient();
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync($"/api/feedback/receipts/{real.Receipt}")).StatusCode);
        string[] hostile = ["S-22222-22222", "../../etc/passwd", "S-0000O-IIIII", "'; DROP TABLE feedback;--", new string('A', 200), "%00", "S-%E2%80%8B"];
        var bodies = new List<string>();
        foreach (var receipt in hostile.Take(5))
        {
            var response = await client.GetAsync($"/api/feedback/receipts/{Uri.EscapeDataString(receipt)}");
            Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
            var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
            bodies.Add($"{problem.GetProperty("type")}|{problem.GetProperty("title")}|{problem.GetProperty("detail")}");
        }
        Assert.Single(bodies.Distinct());
        Assert.StartsWith("urn:medborgare:receipt-not-found|", bodies[0]);

        // Ten wrong receipts within the window: the next look-up waits, even for a receipt that exists.
        foreach (var receipt in hostile.Skip(5).Concat(["S-33333-33333", "S-44444-44444", "S-55555-55555"]))
            Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/api/feedback/receipts/{Uri.EscapeDataString(receipt)}")).StatusCode);
        var throttled = await client.GetAsync($"/api/feedback/receipts/{real.Receipt}");
        Assert.Equal(HttpStatusCode.TooManyRequests, throttled.StatusCode);
        Assert.True(throttled.Headers.RetryAfter?.Delta > TimeSpan.Zero);
        Assert.Contains("urn:medborgare:throttled", await throttled.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Wrong_changes_get_coded_problems_and_change_nothing()
    {
        var receipt = await SendAsync(harness.CreateClient());
        var admin = harness.CreateStaffClient(StaffRoles.Admin);

        await AssertCodeAsync(await admin.PostAsJsonAsync($"/api/cases/{receipt.FeedbackId}/answer", new AnswerCaseRequest("  ", false)), "answer", "answer-required");
        await AssertCodeAsync(await admin.PostAsJsonAsync($"/api/cases/{receipt.FeedbackId}/answer", new AnswerCaseRequest("Svar", SendEmail: true)), "sendEmail", "no-email-to-send");
        await AssertCodeAsync(await admin.PostAsJsonAsync($"/api/cases/{receipt.FeedbackId}/assign", new AssignCaseRequest(" ", null)), "committee", "committee-required");
        await AssertCodeAsync(await admin.PostAsJsonAsync("/api/cases", new RegisterCaseRequest("fråga", null, null, "Per brev", CaseChannel.Web, null, null, false)),
            "channel", "channel-invalid");
        await AssertCodeAsync(await admin.PostAsJsonAsync("/api/cases", new RegisterCaseRequest("fråga", null, null, "Per brev", CaseChannel.Letter,
            DateTimeOffset.UtcNow.AddDays(3), null, false)), "receivedAt", "received-at-invalid");
        var close = await admin.PostAsync($"/api/cases/{receipt.FeedbackId}/close", null);
        Assert.Equal(HttpStatusCode.Conflict, close.StatusCode);
        Assert.Contains("urn:medborgare:case-not-answered", await close.Content.ReadAsStringAsync());
        var publish = await admin.PostAsJsonAsync($"/api/cases/{receipt.FeedbackId}/publish", new PublishCaseRequest(true));
        Assert.Equal(HttpStatusCode.Conflict, publish.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await admin.PostAsync($"/api/cases/{receipt.FeedbackId}/assign",
            new StringContent("{\"committee\": [1,2", System.Text.Encoding.UTF8, "application/json"))).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await admin.GetAsync("/api/cases?status=Nonsense")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await admin.GetAsync($"/api/cases/{Guid.NewGuid()}")).StatusCode);

        var detail = (await admin.GetFromJsonAsync<CaseDetail>($"/api/cases/{receipt.FeedbackId}"))!;
        Assert.Equal(CaseStatus.Received, detail.Status);
        Assert.Null(detail.Answer);
        Assert.Equal([CaseEventKind.Received, CaseEventKind.Routed], detail.History.Select(e => e.Kind));
    }

    [Fact]
    public async Task A_synpunkt_by_letter_is_registered_with_the_day_it_arrived_and_counts_overdue()
    {
        var admin = harness.CreateStaffClient(StaffRoles.Admin);
        var arrived = new DateTimeOffset(DateTimeOffset.UtcNow.Year - 1, 12, 20, 10, 0, 0, TimeSpan.FromHours(1));
        var response = await admin.PostAsJsonAsync("/api/cases", new RegisterCaseRequest("klagomål", "livsmiljo", "Norra", "Brev om snöröjningen.",
            CaseChannel.Letter, arrived, new ContactDetails("Bo", null, "0701234567"), ContactConsent: true));
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var registered = (await response.Content.ReadFromJsonAsync<CaseDetail>())!;
        Assert.Equal(CaseChannel.Letter, registered.Channel);
        Assert.Equal(SwedishCalendar.AddWorkingDays(new DateOnly(arrived.Year, 12, 20), 10), registered.DueDate);
        Assert.True(registered.Overdue);
        Assert.Equal(CaseEventKind.Registered, registered.History[0].Kind);
        Assert.Equal("test-user", registered.History[0].Actor);

        var overdue = (await admin.GetFromJsonAsync<CaseList>("/api/cases?overdue=true"))!;
        Assert.Equal(registered.Id, Assert.Single(overdue.Cases).Id);
        var report = (await admin.GetFromJsonAsync<TimelinessReport>($"/api/cases/timeliness?from={arrived.Year}-01-01"))!;
        Assert.Equal(1, report.Total.OpenOverdue);
        Assert.Equal(0, report.Total.Answered);
    }

    [Fact]
    public async Task Contact_details_are_purged_when_the_case_has_been_closed_for_the_retention_period_and_the_masked_text_stays()
    {
        await using var app = await CollectionApp.StartOwnAsync(new Dictionary<string, string>
        {
            ["Cases:ContactRetentionDays"] = "0", ["Cases:PurgeInterval"] = "1.00:00:00",
        });
        var closed = await SendAsync(app.CreateClient(), email: "anna@example.se");
        var open = await SendAsync(app.CreateClient(), email: "bo@example.se");
        var admin = app.CreateStaffClient(StaffRoles.Admin);
        Assert.Equal(HttpStatusCode.OK, (await admin.PostAsJsonAsync($"/api/cases/{closed.FeedbackId}/answer",
            new AnswerCaseRequest("Hej Anna, vi ringer dig på 070-111 22 33.", SendEmail: true))).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await admin.PostAsync($"/api/cases/{closed.FeedbackId}/close", null)).StatusCode);

        var purged = await app.Services.GetRequiredService<CaseContactPurge>().PurgeDueAsync(CancellationToken.None);

        Assert.Equal(1, purged);
        using var scope = app.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<Infrastructure.CollectionDbContext>();
        var gone = await db.Feedback.AsNoTracking().SingleAsync(f => f.Id == closed.FeedbackId);
        Assert.Null(gone.ContactName);
        Assert.Null(gone.ContactEmail);
        Assert.NotNull(gone.ContactPurgedAt);
        Assert.Equal("Hemtjänsten kommer för sent. Ring [telefonnummer].", gone.MaskedText);
        Assert.Equal("Hej Anna, vi ringer dig på [telefonnummer].", gone.Answer);
        Assert.Null((await db.OutgoingEmails.AsNoTracking().SingleAsync(e => e.FeedbackId == closed.FeedbackId)).ToAddress);
        Assert.Equal("bo@example.se", (await db.Feedback.AsNoTracking().SingleAsync(f => f.Id == open.FeedbackId)).ContactEmail);
        var detail = (await admin.GetFromJsonAsync<CaseDetail>($"/api/cases/{closed.FeedbackId}"))!;
        Assert.Null(detail.Contact);
        Assert.Equal(CaseEventKind.ContactPurged, detail.History[^1].Kind);
        Assert.Equal(0, await app.Services.GetRequiredService<CaseContactPurge>().PurgeDueAsync(CancellationToken.None));
    }

    static async Task AssertCodeAsync(HttpResponseMessage response, string field, string code)
    {
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        Assert.Equal("urn:medborgare:validation", problem.GetProperty("type").GetString());
        Assert.Equal(code, problem.GetProperty("codes").GetProperty(field)[0].GetString());
    }
}
