namespace GongGrid.Mqtt;

/// <summary>Everything <see cref="MqttClient"/> needs to reach one broker and keep the link up.</summary>
public sealed record MqttClientOptions
{
    /// <summary>The largest packet accepted by default: 256 KiB, far above any device event.</summary>
    public const int DefaultMaxPacketSize = 256 * 1024;

    public required string Host { get; init; }

    public int Port { get; init; } = 1883;

    /// <summary>Identifies the session on the broker; keep it stable when <see cref="CleanSession"/> is off.</summary>
    public required string ClientId { get; init; }

    /// <summary>
    /// On (the default), the broker forgets the session at disconnect. Off, it keeps the subscriptions and queues
    /// QoS 1 messages while this client is away, and redelivers those it never acknowledged.
    /// </summary>
    public bool CleanSession { get; init; } = true;

    public string? Username { get; init; }

    public string? Password { get; init; }

    public MqttWill? Will { get; init; }

    /// <summary>Longest quiet period before a PINGREQ; whole seconds on the wire, zero turns keep-alive off.</summary>
    public TimeSpan KeepAlive { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>How long a PINGREQ may go unanswered before the link is declared dead; defaults to half the keep-alive.</summary>
    public TimeSpan? PingTimeout { get; init; }

    /// <summary>Limit for TCP connect, TLS handshake and CONNACK together.</summary>
    public TimeSpan ConnectTimeout { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>Limit for a SUBSCRIBE or UNSUBSCRIBE to be answered.</summary>
    public TimeSpan RequestTimeout { get; init; } = TimeSpan.FromSeconds(10);

    public MqttTlsOptions? Tls { get; init; }

    /// <summary>A received packet larger than this (header included) closes the connection before it is buffered.</summary>
    public int MaxPacketSize { get; init; } = DefaultMaxPacketSize;

    /// <summary>QoS 1 publishes sent and not yet acknowledged; further publishes wait in order behind them.</summary>
    public int MaxInFlight { get; init; } = 512;

    /// <summary>Subscribed at every connect where the broker has no session for us (and after reconnects).</summary>
    public IReadOnlyList<MqttSubscription> Subscriptions { get; init; } = [];

    /// <summary>First reconnect delay; doubled per failed attempt up to <see cref="ReconnectDelayMax"/>, with jitter.</summary>
    public TimeSpan ReconnectDelayMin { get; init; } = TimeSpan.FromSeconds(1);

    public TimeSpan ReconnectDelayMax { get; init; } = TimeSpan.FromSeconds(60);

    internal TimeSpan EffectivePingTimeout => PingTimeout ?? KeepAlive / 2;

    internal void Validate()
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(Host);
        ArgumentOutOfRangeException.ThrowIfLessThan(Port, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(Port, 65535);
        ArgumentNullException.ThrowIfNull(ClientId);
        if (ClientId.Length == 0 && !CleanSession)
        {
            throw new ArgumentException("A persistent session (CleanSession off) needs a client id.", nameof(ClientId));
        }
        if (Password is not null && Username is null)
        {
            throw new ArgumentException("MQTT 3.1.1 sends a password only together with a user name.", nameof(Password));
        }
        if (KeepAlive < TimeSpan.Zero || KeepAlive.TotalSeconds > ushort.MaxValue || KeepAlive.Ticks % TimeSpan.TicksPerSecond != 0)
        {
            throw new ArgumentOutOfRangeException(nameof(KeepAlive), KeepAlive, "Keep-alive is whole seconds from 0 to 65535.");
        }
        ArgumentOutOfRangeException.ThrowIfLessThan(MaxPacketSize, 64);
        ArgumentOutOfRangeException.ThrowIfLessThan(MaxInFlight, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(MaxInFlight, 60000);
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(ConnectTimeout, TimeSpan.Zero);
        ArgumentOutOfRangeException.ThrowIfLessThan(ReconnectDelayMax, ReconnectDelayMin);
        if (Will is not null)
        {
            Protocol.MqttTopics.ThrowIfInvalidName(Will.Topic, nameof(Will));
        }
        foreach (var subscription in Subscriptions)
        {
            Protocol.MqttTopics.ThrowIfInvalidFilter(subscription.TopicFilter, nameof(Subscriptions));
        }
    }
}
