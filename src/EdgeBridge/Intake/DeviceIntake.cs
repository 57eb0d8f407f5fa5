using System.Threading.Channels;
using GongGrid.EdgeBridge.Broker;
using GongGrid.EdgeBridge.Devices;
using GongGrid.EdgeBridge.Journal;
using GongGrid.EdgeBridge.Metrics;
using GongGrid.Grains.Interfaces;
using Google.Protobuf;
using Microsoft.Extensions.Logging;
using MQTTnet.Protocol;

namespace GongGrid.EdgeBridge.Intake;

/// <summary>
/// Device messages from the broker into the journal. A QoS 1 PUBLISH is acknowledged only once its event is
/// fsynced in the journal; a message that can never be an event is counted, logged and acknowledged at once so
/// that it neither loops nor holds one of the broker's in-flight slots.
/// </summary>
/// <remarks>
/// The broker session hands over one message at a time. <see cref="AcceptAsync"/> returns as soon as the event is
/// queued in the journal, so the next messages join the same batch and many events share one fsync; the broker's
/// in-flight limit for the bridge's session bounds how many wait. <see cref="RunAsync"/> acknowledges them in
/// arrival order as their batches become durable. Only a full journal holds the handler up, so that the broker
/// keeps the rest.
/// </remarks>
public sealed class DeviceIntake(
    EventJournal journal, DeviceDirectory directory, BridgeMetrics metrics, TimeProvider clock, ILogger logger)
{
    /// <summary>How long a message waits before trying a full journal again.</summary>
    private static readonly TimeSpan FullRetry = TimeSpan.FromSeconds(1);

    private readonly Channel<(BrokerMessage Message, Task Appended)> _appended =
        Channel.CreateUnbounded<(BrokerMessage, Task)>(new UnboundedChannelOptions { SingleReader = true, SingleWriter = true });

    /// <summary>
    /// Acknowledges each journaled message once its append is durable, in the order they were appended (batches
    /// become durable in that order, so one wait covers a whole batch). Runs until cancelled.
    /// </summary>
    public async Task RunAsync(CancellationToken cancellationToken)
    {
        var appended = _appended.Reader;
        while (await appended.WaitToReadAsync(cancellationToken))
        {
            while (appended.TryRead(out var next))
            {
                try
                {
                    await next.Appended;
                }
                catch (Exception error)
                {
                    // Not durable (the journal failed or closed): no acknowledgement, so the broker keeps the message.
                    logger.LogError(error, "The journal did not take the event on {Topic}; left unacknowledged for the broker to deliver again", next.Message.Topic);
                    continue;
                }

                metrics.OnJournaled();
                next.Message.Acknowledge();
            }
        }
    }

    public async Task AcceptAsync(BrokerMessage message, CancellationToken cancellationToken)
    {
        if (DeviceTopic.IsCommand(message.Topic))
        {
            // The bridge's own command to a device, heard back through its subscription to the village's topics.
            message.Acknowledge();
            return;
        }

        metrics.OnReceived();
        if (Read(message) is not { } record)
        {
            return;
        }

        var appended = journal.AppendAsync(record);
        while (appended.IsFaulted && appended.Exception.InnerException is JournalFullException)
        {
            metrics.OnJournalFull();
            await Task.Delay(FullRetry, clock, cancellationToken);
            if (!message.ConnectionOpen)
            {
                // Its connection dropped while it waited: the broker delivers it again on the next one.
                return;
            }

            appended = journal.AppendAsync(record);
        }

        _appended.Writer.TryWrite((message, appended));
    }

    /// <summary>The event as the journal keeps it, or null when the message was refused (and acknowledged).</summary>
    private byte[]? Read(BrokerMessage message)
    {
        if (message.Qos == MqttQualityOfServiceLevel.ExactlyOnce)
        {
            logger.LogError(
                "Refused a QoS 2 message on {Topic}: the bridge subscribes at QoS 1 and takes no exactly-once delivery; the broker should have downgraded it",
                message.Topic);
            Reject(message, "qos", "delivered at QoS 2");
            return null;
        }

        try
        {
            var topic = DeviceTopic.Parse(message.Topic);
            var domain = DevicePayload.Parse(topic, message.Payload);
            if (directory.Refusal(topic.DeviceKey, topic.Kind) is { } refusal)
            {
                Reject(message, refusal, $"{topic.DeviceKey} may not send {topic.Kind} events (not in the bridge's roster, or the wrong kind)");
                return null;
            }

            return UplinkEvent.From(topic.DeviceKey, domain, clock.GetUtcNow()).ToByteArray();
        }
        catch (FormatException error)
        {
            Reject(message, error.Message.StartsWith("topic", StringComparison.Ordinal) ? "topic" : "payload", error.Message);
            return null;
        }
        catch (Exception error)
        {
            // A payload that trips something the checks above did not foresee is still no event. Left unacknowledged
            // it would hold one of the broker's in-flight slots for this session, and come back after every reconnect.
            logger.LogError(error, "Reading a message on {Topic} failed unexpectedly; refused as a bad payload", message.Topic);
            Reject(message, "payload", error.Message);
            return null;
        }
    }

    private void Reject(BrokerMessage message, string reason, string detail)
    {
        metrics.OnRejected(reason);
        logger.LogWarning("Refused a message on {Topic}: {Reason}", message.Topic, detail);
        message.Acknowledge();
    }
}
