namespace GongGrid.Mqtt;

/// <summary>
/// Whether the client is connected now, since when, and why it is not (or how it connected). Published through
/// <see cref="MqttClient.StateChanged"/> at every change, for metrics and health checks.
/// </summary>
public sealed record MqttLinkState(bool IsConnected, string Reason, bool SessionPresent, DateTimeOffset Since)
{
    internal static MqttLinkState NotStarted { get; } = new(false, "not started", false, DateTimeOffset.UtcNow);
}
