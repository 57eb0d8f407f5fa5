using System.Text;

namespace GongGrid.Mqtt.Tests.Support;

/// <summary>Client options with test-sized timeouts, and bounded waits for messages.</summary>
internal static class TestClients
{
    public static readonly TimeSpan Patience = TimeSpan.FromSeconds(10);

    public static MqttClientOptions Options(int port, string clientId, bool cleanSession = true) => new()
    {
        Host = "127.0.0.1",
        Port = port,
        ClientId = clientId,
        CleanSession = cleanSession,
        KeepAlive = TimeSpan.FromSeconds(5),
        ConnectTimeout = TimeSpan.FromSeconds(2),
        RequestTimeout = TimeSpan.FromSeconds(5),
        ReconnectDelayMin = TimeSpan.FromMilliseconds(50),
        ReconnectDelayMax = TimeSpan.FromMilliseconds(400),
    };

    public static byte[] Utf8(string text) => Encoding.UTF8.GetBytes(text);

    public static string Text(this MqttMessage message) => Encoding.UTF8.GetString(message.Payload.Span);

    public static async Task<MqttMessage> NextMessageAsync(this MqttClient client, TimeSpan? timeout = null)
    {
        using var cancel = new CancellationTokenSource(timeout ?? Patience);
        try
        {
            return await client.Messages.ReadAsync(cancel.Token);
        }
        catch (OperationCanceledException)
        {
            throw new TimeoutException($"'{client.Options.ClientId}' received no message within {(timeout ?? Patience).TotalSeconds} s (link: {client.State.Reason}).");
        }
    }

    public static async Task<List<MqttMessage>> ReceiveAsync(this MqttClient client, int count, TimeSpan? timeout = null)
    {
        var received = new List<MqttMessage>(count);
        var deadline = DateTime.UtcNow + (timeout ?? Patience);
        while (received.Count < count)
        {
            var left = deadline - DateTime.UtcNow;
            if (left <= TimeSpan.Zero)
            {
                throw new TimeoutException($"'{client.Options.ClientId}' received {received.Count} of {count} messages.");
            }
            received.Add(await client.NextMessageAsync(left));
        }
        return received;
    }

    /// <summary>Waits until <paramref name="condition"/> holds, failing with <paramref name="what"/> after the patience runs out.</summary>
    public static async Task UntilAsync(Func<bool> condition, string what, TimeSpan? timeout = null)
    {
        var deadline = DateTime.UtcNow + (timeout ?? Patience);
        while (!condition())
        {
            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"Gave up waiting until {what}.");
            }
            await Task.Delay(10);
        }
    }
}
