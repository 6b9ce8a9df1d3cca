using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Medborgare.Distribution.Infrastructure;
using Medborgare.Messaging.Quarantine;
using Medborgare.ServiceDefaults;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Medborgare.Distribution.Tests;

/// <summary>
/// Gallring reaches the quarantine: an answered flag of a purged survey that sat in quarantine (its code hashes) is deleted with
/// the names and codes, and another survey's quarantined message (not yet due) stays.
/// </summary>
public sealed class PurgeQuarantineTests(DistributionApp app) : IClassFixture<DistributionApp>, IAsyncLifetime
{
    HttpClient analyst = null!;

    public async Task InitializeAsync()
    {
        await app.ResetAsync();
        analyst = app.CreateStaffClient(StaffRoles.Analyst);
    }

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task Purging_a_survey_deletes_its_quarantined_messages_and_keeps_other_surveys()
    {
        var purged = await CreateClosedSurveyAsync(2024, retentionDays: 0);
        var other = await CreateClosedSurveyAsync(2025, retentionDays: 30);
        var ofPurged = Quarantined(purged, "failing-hash-1");
        var ofOther = Quarantined(other, "failing-hash-2");
        using (var scope = app.Services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<DistributionDbContext>();
            db.Set<QuarantinedMessage>().AddRange(ofPurged, ofOther);
            await db.SaveChangesAsync();
        }

        Assert.Equal(HttpStatusCode.OK, (await analyst.PostAsync($"/api/surveys/{purged}/purge", null)).StatusCode);

        using var check = app.Services.CreateScope();
        var after = check.ServiceProvider.GetRequiredService<DistributionDbContext>();
        var left = await after.Set<QuarantinedMessage>().Select(q => q.Id).ToListAsync();
        Assert.Equal([ofOther.Id], left);
        var audit = await after.AuditEntries.SingleAsync(a => a.SurveyId == purged && a.Action == "personal-data.purged");
        Assert.Contains("1 quarantined messages deleted", audit.Detail);
    }

    async Task<Guid> CreateClosedSurveyAsync(int year, int retentionDays)
    {
        var created = await analyst.PostAsJsonAsync("/api/surveys",
            new { year, titleSv = $"Medborgarundersökning {year}", titleEn = $"Citizen survey {year}", template = "Default" });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var id = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        Assert.Equal(HttpStatusCode.OK, (await analyst.PostAsync($"/api/surveys/{id}/publish", null)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await analyst.PostAsJsonAsync($"/api/surveys/{id}/close", new { retentionDays })).StatusCode);
        return id;
    }

    /// <summary>An answered flag as MassTransit's envelope carries it, set aside after its retries.</summary>
    static QuarantinedMessage Quarantined(Guid surveyId, string codeHash) => new()
    {
        Id = Guid.NewGuid(),
        MessageId = Guid.NewGuid(),
        Consumer = "InvitationAnsweredConsumer",
        Queue = "distribution-invitation-answered",
        MessageType = "urn:message:Medborgare.Contracts:InvitationAnswered",
        ContentType = "application/vnd.masstransit+json",
        Body = Encoding.UTF8.GetBytes(JsonSerializer.Serialize(new { message = new { surveyId, codeHash } })),
        Error = "a test failure",
        QuarantinedAt = DateTimeOffset.UtcNow,
    };
}
