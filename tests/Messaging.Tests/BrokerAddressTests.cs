namespace Medborgare.Messaging.Tests;

public sealed class BrokerAddressTests
{
    [Fact]
    public void An_aspire_style_connection_string_is_parsed_with_escapes_and_virtual_host()
    {
        var address = BrokerAddress.Parse("amqp://medborgare:p%40ss%3Aword@127.0.0.1:5673/test-vhost");

        Assert.Equal(new BrokerAddress("127.0.0.1", 5673, "test-vhost", "medborgare", "p@ss:word"), address);
    }

    [Fact]
    public void Defaults_are_the_standard_port_root_virtual_host_and_guest()
    {
        Assert.Equal(new BrokerAddress("mq", 5672, "/", "guest", "guest"), BrokerAddress.Parse("amqp://mq"));
    }

    [Theory]
    [InlineData("Host=localhost")]
    [InlineData("http://mq:5672")]
    [InlineData("")]
    public void Anything_else_is_refused_with_a_clear_message(string connectionString)
    {
        var ex = Assert.Throws<FormatException>(() => BrokerAddress.Parse(connectionString));
        Assert.Contains("amqp://", ex.Message);
    }
}
