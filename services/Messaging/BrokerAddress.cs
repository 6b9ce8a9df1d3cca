namespace Medborgare.Messaging;

/// <summary>An Aspire-style RabbitMQ connection string: <c>amqp://user:password@host:port/vhost</c>.</summary>
public sealed record BrokerAddress(string Host, ushort Port, string VirtualHost, string UserName, string Password)
{
    public static BrokerAddress Parse(string connectionString)
    {
        if (!Uri.TryCreate(connectionString, UriKind.Absolute, out var uri) || uri.Scheme is not ("amqp" or "rabbitmq"))
        {
            throw new FormatException("The messaging connection string must look like amqp://user:password@host:port/vhost");
        }
        var userInfo = uri.UserInfo.Split(':', 2);
        var vhost = Uri.UnescapeDataString(uri.AbsolutePath.TrimStart('/'));
        return new BrokerAddress(
            uri.Host,
            (ushort)(uri.IsDefaultPort || uri.Port < 0 ? 5672 : uri.Port),
            vhost.Length == 0 ? "/" : vhost,
            userInfo.Length > 0 && userInfo[0].Length > 0 ? Uri.UnescapeDataString(userInfo[0]) : "guest",
            userInfo.Length > 1 ? Uri.UnescapeDataString(userInfo[1]) : "guest");
    }
}
