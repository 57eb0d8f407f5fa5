namespace GongGrid.Mqtt;

/// <summary>Running totals for metrics, readable at any time from any thread.</summary>
public sealed class MqttClientCounters
{
    private long _connects;
    private long _connectFailures;
    private long _linksLost;
    private long _malformedPackets;
    private long _publishesSent;
    private long _publishesResent;
    private long _publishesAcknowledged;
    private long _messagesReceived;
    private long _acknowledgementsSent;

    /// <summary>Successful connections (CONNACK accepted and subscriptions made).</summary>
    public long Connects => Volatile.Read(ref _connects);

    public long ConnectFailures => Volatile.Read(ref _connectFailures);

    /// <summary>Established connections that closed for any reason other than the application stopping the client.</summary>
    public long LinksLost => Volatile.Read(ref _linksLost);

    /// <summary>Connections closed because the broker sent something that is not valid MQTT 3.1.1.</summary>
    public long MalformedPackets => Volatile.Read(ref _malformedPackets);

    /// <summary>PUBLISH packets written, resends included.</summary>
    public long PublishesSent => Volatile.Read(ref _publishesSent);

    /// <summary>QoS 1 PUBLISH packets written again with DUP after a reconnect.</summary>
    public long PublishesResent => Volatile.Read(ref _publishesResent);

    public long PublishesAcknowledged => Volatile.Read(ref _publishesAcknowledged);

    public long MessagesReceived => Volatile.Read(ref _messagesReceived);

    /// <summary>PUBACKs queued for inbound QoS 1 messages the application acknowledged.</summary>
    public long AcknowledgementsSent => Volatile.Read(ref _acknowledgementsSent);

    internal void Connected() => Interlocked.Increment(ref _connects);

    internal void ConnectFailed() => Interlocked.Increment(ref _connectFailures);

    internal void LinkLost() => Interlocked.Increment(ref _linksLost);

    internal void MalformedPacket() => Interlocked.Increment(ref _malformedPackets);

    internal void PublishesWritten(int count, int resent)
    {
        Interlocked.Add(ref _publishesSent, count);
        if (resent > 0)
        {
            Interlocked.Add(ref _publishesResent, resent);
        }
    }

    internal void PublishAcknowledged() => Interlocked.Increment(ref _publishesAcknowledged);

    internal void MessageReceived() => Interlocked.Increment(ref _messagesReceived);

    internal void AcknowledgementSent() => Interlocked.Increment(ref _acknowledgementsSent);
}
