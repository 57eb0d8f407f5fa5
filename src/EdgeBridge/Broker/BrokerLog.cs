using Microsoft.Extensions.Logging;

namespace GongGrid.EdgeBridge.Broker;

/// <summary>The broker session's log lines, source-generated so a quiet level costs nothing.</summary>
internal static partial class BrokerLog
{
    [LoggerMessage(1, LogLevel.Information, "MQTT connected to {Host}:{Port} as '{ClientId}' (session present: {SessionPresent})")]
    public static partial void Connected(ILogger logger, string host, int port, string clientId, bool sessionPresent);

    [LoggerMessage(2, LogLevel.Warning, "MQTT link to {Host}:{Port} lost: {Reason}; reconnecting in {DelayMs} ms")]
    public static partial void LinkLost(ILogger logger, string host, int port, string reason, long delayMs);

    [LoggerMessage(3, LogLevel.Warning, "MQTT connect to {Host}:{Port} failed: {Reason}; retrying in {DelayMs} ms")]
    public static partial void ConnectFailed(ILogger logger, string host, int port, string reason, long delayMs);

    [LoggerMessage(4, LogLevel.Information, "MQTT subscribed to {Count} topic filters (the broker kept no session)")]
    public static partial void Subscribed(ILogger logger, int count);

    [LoggerMessage(5, LogLevel.Debug, "MQTT acknowledgement of a message on {Topic} not sent: its connection closed, the broker delivers it again")]
    public static partial void AcknowledgementDropped(ILogger logger, string topic);

    [LoggerMessage(6, LogLevel.Debug, "MQTT acknowledgement of a message on {Topic} failed: {Reason}")]
    public static partial void AcknowledgementFailed(ILogger logger, string topic, string reason);

    [LoggerMessage(7, LogLevel.Information, "MQTT session '{ClientId}' stopped")]
    public static partial void Stopped(ILogger logger, string clientId);
}
