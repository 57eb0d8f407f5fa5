using System.Threading.Channels;
using GongGrid.EdgeBridge.Devices;
using GongGrid.EdgeBridge.Journal;
using GongGrid.EdgeBridge.Metrics;
using GongGrid.Grains.Interfaces;
using GongGrid.Mqtt;
using Google.Protobuf;
using Microsoft.Extensions.Logging;

namespace GongGrid.EdgeBridge.Intake;

/// <summary>
/// Device messages from the broker into the journal. A QoS 1 PUBLISH is acknowledged only once its event is
/// fsynced in the journal; a message that can never be an event is counted, logged and acknowledged so that it
/// does not loop. Appends run concurrently so that many share one fsync; the broker's in-flight limit for the
/// bridge's session bounds how many.
/// </summary>
public sealed class DeviceIntake(
    EventJournal journal, DeviceDirectory directory, BridgeMetrics metrics, TimeProvider clock, ILogger<DeviceIntake> logger)
{
    /// <summary>How long an event waits before trying a full journal again; the broker holds the rest meanwhile.</summary>
    private static readonly TimeSpan FullRetry = TimeSpan.FromSeconds(1);

    public async Task RunAsync(ChannelReader<MqttMessage> messages, CancellationToken cancellationToken)
    {
        var accepting = new List<Task>();
        await foreach (var message in messages.ReadAllAsync(cancellationToken))
        {
            accepting.Add(AcceptAsync(message, cancellationToken));
            if (accepting.Count >= 1024)
            {
                accepting.RemoveAll(task => task.IsCompleted);
            }
        }

        await Task.WhenAll(accepting);
    }

    private async Task AcceptAsync(MqttMessage message, CancellationToken cancellationToken)
    {
        if (DeviceTopic.IsCommand(message.Topic))
        {
            // The bridge's own command to a device, heard back through its subscription to the village's topics.
            message.Acknowledge();
            return;
        }

        metrics.OnReceived();
        byte[] record;
        try
        {
            var topic = DeviceTopic.Parse(message.Topic);
            var domain = DevicePayload.Parse(topic, message.Payload);
            if (directory.Refusal(topic.DeviceKey, topic.Kind) is { } refusal)
            {
                Reject(message, refusal, $"{topic.DeviceKey} may not send {topic.Kind} events (not in the bridge's roster, or the wrong kind)");
                return;
            }

            record = UplinkEvent.From(topic.DeviceKey, domain, clock.GetUtcNow()).ToByteArray();
        }
        catch (FormatException error)
        {
            Reject(message, error.Message.StartsWith("topic", StringComparison.Ordinal) ? "topic" : "payload", error.Message);
            return;
        }
        catch (Exception error)
        {
            // A payload that trips something the checks above did not foresee is still no event. Left unacknowledged
            // it would hold one of the broker's in-flight slots for this session, and come back after every reconnect.
            logger.LogError(error, "Reading a message on {Topic} failed unexpectedly; refused as a bad payload", message.Topic);
            Reject(message, "payload", error.Message);
            return;
        }

        while (true)
        {
            try
            {
                await journal.AppendAsync(record);
                break;
            }
            catch (JournalFullException)
            {
                metrics.OnJournalFull();
                await Task.Delay(FullRetry, clock, cancellationToken);
            }
        }

        metrics.OnJournaled();
        message.Acknowledge();
    }

    private void Reject(MqttMessage message, string reason, string detail)
    {
        metrics.OnRejected(reason);
        logger.LogWarning("Refused a message on {Topic}: {Reason}", message.Topic, detail);
        message.Acknowledge();
    }
}
