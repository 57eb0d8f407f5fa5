using System.Text;
using GongGrid.Testing.Mosquitto;
using static GongGrid.Mqtt.Tests.Support.TestClients;

namespace GongGrid.Mqtt.Tests.Broker;

public class PipeliningTests : IAsyncLifetime
{
    private MosquittoBroker _broker = null!;

    public async Task InitializeAsync() => _broker = await MosquittoBroker.StartAsync(new MosquittoOptions { MaxInflightMessages = 1000 });

    public async Task DisposeAsync() => await _broker.DisposeAsync();

    [Fact]
    public async Task Twenty_thousand_pipelined_qos1_publishes_are_all_acknowledged_and_all_received_in_order()
    {
        const int count = 20_000;
        await using var subscriber = new MqttClient(Options(_broker.Port, "bridge") with { Subscriptions = [new("gonggrid/v1/#")] });
        await subscriber.ConnectAsync();
        await using var publisher = new MqttClient(Options(_broker.Port, "simulator") with { MaxInFlight = 256 });
        await publisher.ConnectAsync();
        var receiving = Task.Run(async () =>
        {
            var sequence = new List<int>(count);
            while (sequence.Count < count)
            {
                var message = await subscriber.NextMessageAsync();
                sequence.Add(int.Parse(Encoding.UTF8.GetString(message.Payload.Span)));
                message.Acknowledge();
            }
            return sequence;
        });

        var acknowledgements = new Task[count];
        var deepestPipeline = 0;
        for (var i = 0; i < count; i++)
        {
            acknowledgements[i] = publisher.PublishAsync("gonggrid/v1/ngoc-lac/event", Utf8($"{i}"));
        }
        var allAcknowledged = Task.WhenAll(acknowledgements);
        while (!allAcknowledged.IsCompleted)
        {
            deepestPipeline = Math.Max(deepestPipeline, publisher.PublishesInFlight);
            await Task.Delay(1);
        }
        await allAcknowledged.WaitAsync(TimeSpan.FromSeconds(30));
        var received = await receiving.WaitAsync(TimeSpan.FromSeconds(30));

        Assert.Equal(Enumerable.Range(0, count), received);
        Assert.Equal(count, publisher.Counters.PublishesAcknowledged);
        Assert.Equal(count, subscriber.Counters.AcknowledgementsSent);
        Assert.True(deepestPipeline > 1, $"at most {deepestPipeline} publish in flight: not pipelined");
        Assert.Equal(0, publisher.PublishesInFlight);
    }
}
