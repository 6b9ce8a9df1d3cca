using System.Net.Mime;
using MassTransit;
using MassTransit.Serialization;
using Medborgare.Contracts;
using Medborgare.ServiceDefaults;
using Medborgare.Testing;
using Microsoft.Playwright;
using Aspire.Hosting.Testing;
using Npgsql;

namespace Medborgare.SystemTests;

/// <summary>
/// The administrator's quarantine page in a real Chromium with JavaScript off, on the whole app: two messages FollowUp cannot read
/// are quarantined there (not in RabbitMQ's error queue), the page shows them with their error under the service, one is
/// discarded, the other sent again (it fails again, and comes back) and then discarded; FollowUp's audit has all three.
/// </summary>
[Collection(WholeAppCollection.Name)]
public sealed class QuarantineBrowserTests(WholeAppFixture fixture) : BrowserTest
{
    const string Queue = "followup-survey-published";
    string Web => fixture.Url(ResourceNames.Web);

    [Fact]
    public async Task An_administrator_sees_quarantined_messages_per_service_and_sends_one_again_and_discards_them()
    {
        var (discarded, resent) = (Guid.NewGuid(), Guid.NewGuid());
        await SendUnreadableAsync(discarded, resent);

        await using var context = await browser.NewContextAsync(new() { JavaScriptEnabled = false });
        var page = await context.NewPageAsync();
        await fixture.LogInAsAdministratorAsync(page);
        await page.GetByRole(AriaRole.Navigation, new() { Name = "Huvudmeny" }).GetByRole(AriaRole.Link, new() { Name = "Karantän" }).ClickAsync();
        await Assertions.Expect(page).ToHaveURLAsync($"{Web}/admin/karantan");
        await Eventually.TrueAsync(async () =>
        {
            await page.ReloadAsync();
            return await Row(page, discarded).CountAsync() == 1 && await Row(page, resent).CountAsync() == 1;
        }, TimeSpan.FromSeconds(60), "both messages on the page");
        var summary = page.GetByRole(AriaRole.Table, new() { Name = "Antal meddelanden i karantän per tjänst" });
        await Assertions.Expect(summary.GetByRole(AriaRole.Row)).ToHaveCountAsync(5);
        var followUp = summary.GetByRole(AriaRole.Row, new() { Name = "Uppföljning" });
        Assert.True(int.Parse((await followUp.Locator("td").InnerTextAsync()).Trim()) >= 2);
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Uppföljning" })).ToHaveCountAsync(1);
        await Assertions.Expect(Row(page, discarded)).ToContainTextAsync("Serialization");
        await Axe.AssertNoViolationsAsync(page);

        await Row(page, discarded).GetByRole(AriaRole.Button, new() { Name = "Kassera" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToHaveTextAsync("Meddelandet kasserades.");
        await Assertions.Expect(Row(page, discarded)).ToHaveCountAsync(0);

        // Sent again, an unreadable message fails again at once and is quarantined again, under a new row.
        await Row(page, resent).GetByRole(AriaRole.Button, new() { Name = "Skicka igen" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToHaveTextAsync("Meddelandet skickades igen.");
        await Axe.AssertNoViolationsAsync(page);
        await Eventually.TrueAsync(async () =>
        {
            await page.GotoAsync($"{Web}/admin/karantan");
            return await Row(page, resent).CountAsync() == 1;
        }, TimeSpan.FromSeconds(60), "the message sent again to fail again");
        await Row(page, resent).GetByRole(AriaRole.Button, new() { Name = "Kassera" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToHaveTextAsync("Meddelandet kasserades.");
        await Assertions.Expect(Row(page, resent)).ToHaveCountAsync(0);

        await using var db = new NpgsqlConnection((await fixture.App.GetConnectionStringAsync(ResourceNames.FollowUpDb))!);
        await db.OpenAsync();
        await using var cmd = new NpgsqlCommand("SELECT message_id, action, user_name FROM quarantine_audit WHERE message_id = ANY(@ids) ORDER BY at", db);
        cmd.Parameters.AddWithValue("ids", new[] { discarded, resent });
        var audit = new List<(Guid, string, string)>();
        await using (var reader = await cmd.ExecuteReaderAsync())
            while (await reader.ReadAsync()) audit.Add((reader.GetGuid(0), reader.GetString(1), reader.GetString(2)));
        Assert.Equal([(discarded, "discard"), (resent, "resend"), (resent, "discard")], audit.Select(a => (a.Item1, a.Item2)));
        Assert.All(audit, a => Assert.Equal("admin@medborgare.local", a.Item3));
    }

    static ILocator Row(IPage page, Guid messageId) => page.Locator("tbody tr", new() { HasText = messageId.ToString() });

    /// <summary>Two bodies that claim to be MassTransit envelopes but are not JSON: no retry can read them.</summary>
    async Task SendUnreadableAsync(params Guid[] messageIds)
    {
        var broker = (await fixture.App.GetConnectionStringAsync(ResourceNames.Messaging))!;
        await using var bus = await TestBus<SurveyClosed>.StartAsync(broker, "quarantine-tests");
        var endpoint = await bus.Bus.GetSendEndpoint(new Uri($"queue:{Queue}"));
        foreach (var id in messageIds)
        {
            await endpoint.Send(new SurveyClosed { SurveyId = Guid.NewGuid(), ClosedAt = DateTimeOffset.UtcNow }, ctx =>
            {
                ctx.Serializer = new CopyBodySerializer(new ContentType("application/vnd.masstransit+json"), new StringMessageBody("{ \"message\": not json"));
                ctx.MessageId = id;
            });
        }
    }
}
