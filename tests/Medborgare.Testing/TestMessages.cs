using MassTransit;
using Medborgare.Contracts;
using Medborgare.Messaging;

namespace Medborgare.Testing;

public static class TestMessages
{
    public static SurveyPublished SurveyPublished(Guid? surveyId = null, int year = 2026) => new()
    {
        SurveyId = surveyId ?? Guid.NewGuid(),
        MunicipalityCode = "0136",
        Year = year,
        PublishedAt = DateTimeOffset.UtcNow,
        Questionnaire = new QuestionnaireSnapshot
        {
            Title = new Dictionary<string, string> { ["sv"] = $"Medborgarundersökning {year}", ["en"] = $"Citizen survey {year}" },
            Sections = [],
        },
    };

    /// <summary>Publishes one message with a chosen MessageId, as a redelivery would carry it.</summary>
    public static Task PublishAsync<T>(string brokerConnectionString, T message, Guid messageId) where T : class =>
        PublishAllAsync(brokerConnectionString, [(message, messageId)]);

    /// <summary>Publishes messages back to back from one connection, in order, each with its chosen MessageId.</summary>
    public static async Task PublishAllAsync<T>(string brokerConnectionString, IReadOnlyList<(T Message, Guid MessageId)> messages) where T : class
    {
        var address = BrokerAddress.Parse(brokerConnectionString);
        var bus = Bus.Factory.CreateUsingRabbitMq(cfg => cfg.Host(address.Host, address.Port, address.VirtualHost, h =>
        {
            h.Username(address.UserName);
            h.Password(address.Password);
        }));
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        await bus.StartAsync(timeout.Token);
        try
        {
            foreach (var (message, messageId) in messages)
            {
                await bus.Publish(message, ctx => ctx.MessageId = messageId, timeout.Token);
            }
        }
        finally
        {
            await bus.StopAsync(CancellationToken.None);
        }
    }
}
