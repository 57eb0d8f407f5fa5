using System.Buffers;
using System.Diagnostics;
using System.Globalization;
using System.Text;
using GongGrid.EdgeBridge.Broker;
using GongGrid.Simulator.Mqtt;
using GongGrid.Testing.Mosquitto;
using MQTTnet;
using MQTTnet.Formatter;
using MQTTnet.Protocol;

namespace GongGrid.Benchmarks;

/// <summary>
/// The `mqtt-publish` scenario: a district's events pushed through a local mosquitto as fast as it takes them.
/// 200,000 JSON events of about 60 bytes, QoS 1, from 8 MQTTnet publisher connections to one MQTTnet subscriber that
/// acknowledges each message itself (both with the bridge's buffered reads, as the bridge and the simulator connect); then the same publishers with `mosquitto_sub -q 1` (C) as
/// the subscriber, to see whether MQTTnet's receive side is the bottleneck; and the publishers alone, with nobody subscribed. Each figure is the median of 3 runs after a warm-up.
/// </summary>
internal static class MqttPublishBenchmark
{
    private const int Messages = 200_000;
    private const int Publishers = 8;
    private const int Runs = 3;
    private const int OutstandingPerPublisher = 64;
    private const int BrokerInflight = 100;
    private const string Filter = "gonggrid/v1/#";

    public static async Task RunAsync()
    {
        Report.Heading($"mqtt-publish: {Messages:N0} QoS 1 events, {Publishers} publishers → 1 subscriber, mosquitto on loopback (max_inflight_messages {BrokerInflight})");
        await using var broker = await MosquittoBroker.StartAsync(new MosquittoOptions { MaxInflightMessages = BrokerInflight });
        var events = DistrictEvents(Messages);
        await MeasureMqttnetSubscriberAsync(broker, DistrictEvents(20_000), 0);
        var acked = new List<double>();
        var received = new List<double>();
        var raw = new List<double>();
        var alone = new List<double>();
        for (var run = 1; run <= Runs; run++)
        {
            alone.Add(events.Length / (await PublishAsync(broker, events, $"alone-{run}", new Stopwatch())).TotalSeconds);
            var (ackRate, receiveRate) = await MeasureMqttnetSubscriberAsync(broker, events, run);
            acked.Add(ackRate);
            received.Add(receiveRate);
            raw.Add(await MeasureMosquittoSubAsync(broker, events, run));
        }
        Report.Figure("publishes acknowledged, no subscriber", Report.Median(alone), "msgs/s", alone);
        Report.Figure("publishes acknowledged (PUBACK), MQTTnet subscriber listening", Report.Median(acked), "msgs/s", acked);
        Report.Figure("received and acknowledged, MQTTnet subscriber", Report.Median(received), "msgs/s", received);
        Report.Figure("received by mosquitto_sub -q 1 (same publishers)", Report.Median(raw), "msgs/s", raw);
    }

    private static async Task<(double Acknowledged, double Received)> MeasureMqttnetSubscriberAsync(MosquittoBroker broker, (string Topic, byte[] Payload)[] events, int run)
    {
        using var subscriber = new MqttClientFactory().CreateMqttClient();
        var received = 0;
        var clock = Stopwatch.StartNew();
        var all = new TaskCompletionSource<TimeSpan>(TaskCreationOptions.RunContinuationsAsynchronously);
        subscriber.ApplicationMessageReceivedAsync += async message =>
        {
            message.AutoAcknowledge = false;
            await message.AcknowledgeAsync(CancellationToken.None);
            if (++received == events.Length)
            {
                all.TrySetResult(clock.Elapsed);
            }
        };
        await subscriber.ConnectAsync(new MqttClientOptionsBuilder()
            .WithProtocolVersion(MqttProtocolVersion.V311).WithTcpServer(broker.Host, broker.Port).WithClientId($"bench-sub-{run}")
            .WithStreamProvider(BufferedReadConnection.Provider).Build());
        await subscriber.SubscribeAsync(Filter, MqttQualityOfServiceLevel.AtLeastOnce);
        var acknowledged = await PublishAsync(broker, events, $"mqttnet-{run}", clock);
        var receivedAt = await all.Task.WaitAsync(TimeSpan.FromMinutes(2));
        await subscriber.DisconnectAsync();
        return (events.Length / acknowledged.TotalSeconds, events.Length / receivedAt.TotalSeconds);
    }

    private static async Task<double> MeasureMosquittoSubAsync(MosquittoBroker broker, (string Topic, byte[] Payload)[] events, int run)
    {
        var sub = MosquittoBroker.FindExecutable("mosquitto_sub");
        var command = $"{sub} -h {broker.Host} -p {broker.Port} -q 1 -i bench-raw-{run} -t '{Filter}' -C {events.Length} > /dev/null";
        using var process = Process.Start(new ProcessStartInfo("sh", ["-c", command]) { UseShellExecute = false })
            ?? throw new InvalidOperationException("mosquitto_sub did not start.");
        await WaitForSubscriptionAsync(broker, $"bench-raw-{run}");
        var clock = Stopwatch.StartNew();
        await PublishAsync(broker, events, $"raw-{run}", clock);
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        await process.WaitForExitAsync(timeout.Token);
        return events.Length / clock.Elapsed.TotalSeconds;
    }

    /// <summary>Each publisher takes every 8th event and keeps at most 64 acknowledgements outstanding (see MqttNightPlayer).</summary>
    private static async Task<TimeSpan> PublishAsync(MosquittoBroker broker, (string Topic, byte[] Payload)[] events, string name, Stopwatch clock)
    {
        var clients = await DeviceConnections.ConnectAsync(broker.Host, broker.Port, Publishers, $"bench-pub-{name}", BufferedReadConnection.Provider, CancellationToken.None);
        clock.Restart();
        await Task.WhenAll(clients.Select((client, p) => Task.Run(async () =>
        {
            var outstanding = new Queue<Task>(OutstandingPerPublisher);
            for (var i = p; i < events.Length; i += Publishers)
            {
                if (outstanding.Count == OutstandingPerPublisher)
                {
                    await outstanding.Dequeue();
                }
                outstanding.Enqueue(client.PublishAsync(new MqttApplicationMessage
                {
                    Topic = events[i].Topic,
                    Payload = new ReadOnlySequence<byte>(events[i].Payload),
                    QualityOfServiceLevel = MqttQualityOfServiceLevel.AtLeastOnce,
                }));
            }
            await Task.WhenAll(outstanding);
        })));
        var elapsed = clock.Elapsed;
        await DeviceConnections.DisconnectAsync(clients);
        return elapsed;
    }

    private static async Task WaitForSubscriptionAsync(MosquittoBroker broker, string clientId)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(10);
        while (!broker.Log.Contains($"New client connected from 127.0.0.1", StringComparison.Ordinal) || !broker.Log.Contains(clientId, StringComparison.Ordinal))
        {
            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"mosquitto_sub ({clientId}) did not connect.");
            }
            await Task.Delay(20);
        }
        await Task.Delay(200);
    }

    /// <summary>Strike events of about 60 bytes spread over a district's devices, built before the clock starts.</summary>
    private static (string Topic, byte[] Payload)[] DistrictEvents(int count)
    {
        var topics = Enumerable.Range(0, 695)
            .Select(d => $"gonggrid/v1/ngoc-lac/commune-{d % 20:00}/village-{d % 250:000}/gong-{d}/strike")
            .ToArray();
        return [.. Enumerable.Range(0, count).Select(i => (
            topics[i % topics.Length],
            Encoding.UTF8.GetBytes(string.Create(CultureInfo.InvariantCulture, $"{{\"seq\":{i},\"at\":\"2026-11-22T22:00:00Z\",\"blows\":9,\"bat\":87}}"))))];
    }
}
