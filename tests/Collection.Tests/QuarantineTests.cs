using System.Net;
using System.Net.Http.Json;
using System.Net.Mime;
using System.Text.Json;
using Medborgare.Collection.Infrastructure;
using MassTransit;
using MassTransit.Serialization;
using Medborgare.Contracts;
using Medborgare.Messaging.Quarantine;
using Medborgare.ServiceDefaults;
using Medborgare.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Medborgare.Collection.Tests;

/// <summary>
/// The shared quarantine on Collection, over real RabbitMQ and PostgreSQL: invitations for a survey Collection does not know fail in
/// their consumer, and after their (here short) retries they are stored in Collection's database rather than RabbitMQ's error queue.
/// An admin sees them with their errors, sends one again once its survey is known, and discards another; both are audited.
/// </summary>
public sealed class QuarantineTests : IAsyncLifetime
{
    const string Queue = "collection-invitations-issued";
    ServiceFactory<CollectionDbContext> factory = null!;

    public async Task InitializeAsync()
    {
        var servers = await TestServers.GetAsync();
        factory = new ServiceFactory<CollectionDbContext>(ResourceNames.Collection, ResourceNames.CollectionDb,
            servers.NewDatabase("collection"), await servers.NewVirtualHostAsync());
        factory.Settings["Messaging:RetryIntervals:0"] = "00:00:00.100";
        factory.Settings["Messaging:RetryIntervals:1"] = "00:00:00.100";
        await factory.StartHealthyAsync();
    }

    public async Task DisposeAsync() => await factory.DisposeAsync();

    static InvitationsIssued Invitations(SurveyPublished survey) => new()
    {
        SurveyId = survey.SurveyId,
        CodeSalt = "salt-" + survey.SurveyId,
        Invitations = [new IssuedInvitation
        {
            CodeHash = Guid.NewGuid().ToString("N"), ValidUntil = new DateOnly(2026, 12, 31),
            Stratum = new Stratum { District = "Norra", Sex = "K", AgeGroup = "35-44" },
        }],
    };

    [Fact]
    public async Task A_message_that_fails_after_its_retries_is_quarantined_sent_again_once_mended_and_another_discarded_both_audited()
    {
        var mended = TestMessages.SurveyPublished();
        var unknown = TestMessages.SurveyPublished();
        var (mendedId, unknownId) = (Guid.NewGuid(), Guid.NewGuid());
        await TestMessages.PublishAsync(factory.BrokerConnectionString, Invitations(mended), mendedId);
        await TestMessages.PublishAsync(factory.BrokerConnectionString, Invitations(unknown), unknownId);

        var admin = factory.CreateStaffClient(StaffRoles.Admin);
        var list = await Eventually.GetAsync(async () =>
        {
            var l = await admin.GetFromJsonAsync<QuarantineList>("/api/admin/quarantine");
            return l!.Count == 2 ? l : null;
        }, what: "both messages to be quarantined");
        var first = list.Messages.Single(m => m.MessageId == mendedId);
        var second = list.Messages.Single(m => m.MessageId == unknownId);
        Assert.All(list.Messages, m => Assert.Equal((Queue, nameof(InvitationsIssued)), (m.Queue, m.MessageType)));
        Assert.Contains("is not known yet", first.Error);
        // Kept whole, and not handled: no invitation and no inbox row.
        var stored = await InDbAsync(db => db.Set<QuarantinedMessage>().AsNoTracking().SingleAsync(q => q.Id == first.Id));
        Assert.Contains(mended.SurveyId.ToString(), stored.BodyText);
        Assert.Equal((0, 0), (await InDbAsync(db => db.Invitations.CountAsync()), await InDbAsync(db => db.InboxMessages.CountAsync(m => m.MessageId == mendedId))));

        // The cause is mended (the survey arrives), and the message is sent again: it is handled once, under its own MessageId.
        await TestMessages.PublishAsync(factory.BrokerConnectionString, mended, Guid.NewGuid());
        await Eventually.TrueAsync(async () => await InDbAsync(db => db.Surveys.AnyAsync(s => s.SurveyId == mended.SurveyId)), what: "the survey to be known");
        Assert.Equal(HttpStatusCode.NoContent, (await admin.PostAsync($"/api/admin/quarantine/{first.Id}/resend", null)).StatusCode);
        await Eventually.TrueAsync(async () => await InDbAsync(db => db.Invitations.CountAsync(i => i.SurveyId == mended.SurveyId)) == 1,
            what: "the invitation sent again to be stored");
        Assert.Equal(1, await InDbAsync(db => db.InboxMessages.CountAsync(m => m.MessageId == mendedId)));
        await AssertProblemAsync(await admin.PostAsync($"/api/admin/quarantine/{first.Id}/resend", null), HttpStatusCode.Conflict, QuarantineApi.ProblemAlreadyHandled);

        // Sent again without mending its cause, the other fails again and comes back under a new row, which is discarded.
        Assert.Equal(HttpStatusCode.NoContent, (await admin.PostAsync($"/api/admin/quarantine/{second.Id}/resend", null)).StatusCode);
        var again = await Eventually.GetAsync(async () =>
            (await admin.GetFromJsonAsync<QuarantineList>("/api/admin/quarantine"))!.Messages.SingleOrDefault(m => m.MessageId == unknownId),
            what: "the message to fail again");
        Assert.NotEqual(second.Id, again.Id);
        Assert.Equal(HttpStatusCode.NoContent, (await admin.PostAsync($"/api/admin/quarantine/{again.Id}/discard", null)).StatusCode);
        await AssertProblemAsync(await admin.PostAsync($"/api/admin/quarantine/{again.Id}/discard", null), HttpStatusCode.Conflict, QuarantineApi.ProblemAlreadyHandled);
        await AssertProblemAsync(await admin.PostAsync($"/api/admin/quarantine/{again.Id}/resend", null), HttpStatusCode.Conflict, QuarantineApi.ProblemAlreadyHandled);

        Assert.Equal(0, (await admin.GetFromJsonAsync<QuarantineList>("/api/admin/quarantine"))!.Count);
        Assert.Equal(0, await InDbAsync(db => db.Invitations.CountAsync(i => i.SurveyId == unknown.SurveyId)));
        var audit = await InDbAsync(db => db.Set<QuarantineAuditEntry>().AsNoTracking().OrderBy(a => a.At).ToListAsync());
        Assert.Equal(
            [(first.Id, mendedId, QuarantineActions.Resend), (second.Id, unknownId, QuarantineActions.Resend), (again.Id, unknownId, QuarantineActions.Discard)],
            audit.Select(a => (a.QuarantineId, a.MessageId, a.Action)));
        Assert.All(audit, a => Assert.Equal(("test-user", Queue), (a.UserName, a.Queue)));
        Assert.All(audit, a => Assert.Contains("is not known yet", a.Error));
    }

    [Fact]
    public async Task A_body_that_cannot_be_read_is_quarantined_at_once_and_again_when_sent_again()
    {
        var messageId = Guid.NewGuid();
        await using (var bus = await TestBus<SurveyClosed>.StartAsync(factory.BrokerConnectionString, "quarantine-tests"))
        {
            var endpoint = await bus.Bus.GetSendEndpoint(new Uri($"queue:{Queue}"));
            await endpoint.Send(new SurveyClosed { SurveyId = Guid.NewGuid(), ClosedAt = DateTimeOffset.UtcNow }, ctx =>
            {
                ctx.Serializer = new CopyBodySerializer(new ContentType("application/vnd.masstransit+json"), new StringMessageBody("{ \"message\": not json"));
                ctx.MessageId = messageId;
            });
        }

        var admin = factory.CreateStaffClient(StaffRoles.Admin);
        var first = await Eventually.GetAsync(async () =>
            (await admin.GetFromJsonAsync<QuarantineList>("/api/admin/quarantine"))!.Messages.SingleOrDefault(m => m.MessageId == messageId),
            TimeSpan.FromSeconds(30), "the unreadable message to be quarantined");
        Assert.Contains("Serialization", first.Error);

        Assert.Equal(HttpStatusCode.NoContent, (await admin.PostAsync($"/api/admin/quarantine/{first.Id}/resend", null)).StatusCode);
        var again = await Eventually.GetAsync(async () =>
            (await admin.GetFromJsonAsync<QuarantineList>("/api/admin/quarantine"))!.Messages.SingleOrDefault(m => m.MessageId == messageId),
            TimeSpan.FromSeconds(30), "the unreadable message to be quarantined again");
        Assert.NotEqual(first.Id, again.Id);
        var stored = await InDbAsync(db => db.Set<QuarantinedMessage>().AsNoTracking().SingleAsync(q => q.Id == again.Id));
        Assert.Equal("{ \"message\": not json", stored.BodyText);
    }

    [Fact]
    public async Task The_quarantine_is_for_admins_and_an_unknown_id_is_404()
    {
        var id = Guid.NewGuid();
        var admin = factory.CreateStaffClient(StaffRoles.Admin);
        await AssertProblemAsync(await admin.PostAsync($"/api/admin/quarantine/{id}/resend", null), HttpStatusCode.NotFound, QuarantineApi.ProblemNotFound);
        await AssertProblemAsync(await admin.PostAsync($"/api/admin/quarantine/{id}/discard", null), HttpStatusCode.NotFound, QuarantineApi.ProblemNotFound);

        foreach (var client in new[] { factory.CreateStaffClient(StaffRoles.Analyst), factory.CreateStaffClient(StaffRoles.Politician) })
        {
            Assert.Equal(HttpStatusCode.Forbidden, (await client.GetAsync("/api/admin/quarantine")).StatusCode);
            Assert.Equal(HttpStatusCode.Forbidden, (await client.PostAsync($"/api/admin/quarantine/{id}/discard", null)).StatusCode);
        }
        Assert.Equal(HttpStatusCode.Unauthorized, (await factory.CreateClient().GetAsync("/api/admin/quarantine")).StatusCode);
        Assert.Equal(0, await InDbAsync(db => db.Set<QuarantineAuditEntry>().CountAsync()));
    }

    static async Task AssertProblemAsync(HttpResponseMessage response, HttpStatusCode status, string type)
    {
        Assert.Equal(status, response.StatusCode);
        using var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal(type, problem.RootElement.GetProperty("type").GetString());
    }

    async Task<T> InDbAsync<T>(Func<CollectionDbContext, Task<T>> query)
    {
        using var scope = factory.Services.CreateScope();
        return await query(scope.ServiceProvider.GetRequiredService<CollectionDbContext>());
    }
}
