using System.Buffers;
using GongGrid.EdgeBridge.Broker;
using GongGrid.EdgeBridge.Intake;
using GongGrid.EdgeBridge.Journal;
using GongGrid.EdgeBridge.Metrics;
using GongGrid.EdgeBridge.Tests.Bridge;
using GongGrid.EdgeBridge.Tests.Support;
using GongGrid.Testing.Mosquitto;
using Microsoft.Extensions.Logging;
using MQTTnet;
using MQTTnet.Protocol;

namespace GongGrid.EdgeBridge.Tests.Intake;

/// <summary>Devices publish at QoS 0 or 1 and both are events; a delivery at QoS 2 is none the bridge asked for.</summary>
public sealed class DeliveryQosTests
{
    private const string Village = "ngoc-lac/ngoc-lien/phu-thuong";

    [Fact]
    public async Task An_event_a_device_published_at_qos_0_is_journaled_like_one_at_qos_1()
    {
        await using var rig = await IntakeRig.StartAsync(new MosquittoOptions());
        var strikes = Strikes.InVillage(Village, ["gong-1"], 2, "qos");
        using (var device = new MqttClientFactory().CreateMqttClient())
        {
            await device.ConnectAsync(new MqttClientOptionsBuilder().WithTcpServer(rig.Broker.Host, rig.Broker.Port).WithClientId("gong-1").Build());
            await device.PublishAsync(Message(strikes[0], MqttQualityOfServiceLevel.AtMostOnce));
            await device.PublishAsync(Message(strikes[1], MqttQualityOfServiceLevel.AtLeastOnce));
            await device.DisconnectAsync();
        }

        await rig.UntilAsync(() => rig.Metrics.Journaled == 2, "both strikes are journaled");

        Assert.Empty(rig.Metrics.Rejected);
    }

    [Fact]
    public async Task A_delivery_at_qos_2_is_refused_with_a_log_line_saying_so_and_acknowledged_so_it_does_not_come_back()
    {
        var directory = Directory.CreateTempSubdirectory("gonggrid-intake-").FullName;
        try
        {
            await using var journal = EventJournal.Open(new JournalOptions { Directory = Path.Combine(directory, "journal") });
            using var metrics = new BridgeMetrics();
            var log = new ListLogger();
            var intake = new DeviceIntake(journal, new DeviceDirectory(Path.Combine(directory, "devices.json")), metrics, TimeProvider.System, log);
            var connection = new RecordingConnection();
            var strike = Strikes.InVillage(Village, ["gong-1"], 1, "qos2")[0];

            await intake.AcceptAsync(new BrokerMessage(strike.Topic, strike.Payload, MqttQualityOfServiceLevel.ExactlyOnce, false, connection), CancellationToken.None);

            Assert.Equal(1, connection.Acknowledged);
            Assert.Equal(1, metrics.Rejected.GetValueOrDefault("qos"));
            Assert.Equal(0, journal.GetMetrics().Depth);
            Assert.Contains(log.Entries, entry => entry.Level == LogLevel.Error && entry.Message.Contains("QoS 2", StringComparison.Ordinal)
                && entry.Message.Contains(strike.Topic, StringComparison.Ordinal));
        }
        finally
        {
            Directory.Delete(directory, recursive: true);
        }
    }

    private static MqttApplicationMessage Message(DeviceMessage message, MqttQualityOfServiceLevel qos) => new()
    {
        Topic = message.Topic,
        Payload = new ReadOnlySequence<byte>(message.Payload),
        QualityOfServiceLevel = qos,
    };

    /// <summary>A connection that is always open and counts the acknowledgements sent on it.</summary>
    private sealed class RecordingConnection : IBrokerConnection
    {
        private int _acknowledged;

        public int Acknowledged => _acknowledged;

        public bool IsOpen => true;

        public bool Acknowledge(BrokerMessage message)
        {
            Interlocked.Increment(ref _acknowledged);
            return true;
        }
    }
}
