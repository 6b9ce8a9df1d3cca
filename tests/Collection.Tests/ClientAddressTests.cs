using System.Net;
using Medborgare.ServiceDefaults;
using Medborgare.Testing;

namespace Medborgare.Collection.Tests;

/// <summary>
/// Residents reach Collection through the web app, all from its address: the throttles count the resident's address the web app
/// names and signs, so one resident's wrong guesses never lock out another; a header without a valid signature is ignored.
/// </summary>
public sealed class ClientAddressTests(CollectionApp harness) : IClassFixture<CollectionApp>, IAsyncLifetime
{
    public Task InitializeAsync() => harness.ResetAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    HttpClient Resident(string address, string? signature = null)
    {
        var client = harness.CreateClient();
        var value = signature is null ? ClientAddress.Sign(ServiceFactory<Infrastructure.CollectionDbContext>.SigningKey, address) : $"{address};{signature}";
        client.DefaultRequestHeaders.TryAddWithoutValidation(ClientAddress.Header, value);
        return client;
    }

    static async Task<HttpStatusCode> GuessAsync(HttpClient client, int n) =>
        (await client.GetAsync($"/api/feedback/receipts/S-{n % 10 + 2}2222-22222")).StatusCode;

    [Fact]
    public async Task Each_resident_behind_the_web_app_is_throttled_by_their_own_address()
    {
        var guesser = Resident("192.0.2.10");
        for (var i = 0; i < 10; i++) Assert.Equal(HttpStatusCode.NotFound, await GuessAsync(guesser, i));

        Assert.Equal(HttpStatusCode.TooManyRequests, await GuessAsync(guesser, 10));
        Assert.Equal(HttpStatusCode.NotFound, await GuessAsync(Resident("192.0.2.11"), 0));
        Assert.Equal(HttpStatusCode.NotFound, await GuessAsync(harness.CreateClient(), 0));
    }

    [Fact]
    public async Task A_header_without_a_valid_signature_counts_as_the_connection()
    {
        var forged = ClientAddress.Sign("a key that is not the app's, but long enough to sign with", "192.0.2.20").Split(';')[1];
        for (var i = 0; i < 5; i++) Assert.Equal(HttpStatusCode.NotFound, await GuessAsync(Resident($"192.0.2.{30 + i}", forged), i));
        for (var i = 0; i < 5; i++) Assert.Equal(HttpStatusCode.NotFound, await GuessAsync(Resident("not-an-address", "x"), i));

        // Ten wrong guesses under made-up addresses all counted against the one connection, which is now throttled.
        Assert.Equal(HttpStatusCode.TooManyRequests, await GuessAsync(harness.CreateClient(), 0));
        Assert.Equal(HttpStatusCode.NotFound, await GuessAsync(Resident("192.0.2.40"), 0));
    }
}
