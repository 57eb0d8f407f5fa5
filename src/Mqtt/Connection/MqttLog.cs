using Microsoft.Extensions.Logging;

namespace GongGrid.Mqtt.Connection;

/// <summary>Every log line of the client, source-generated so a quiet level costs nothing.</summary>
internal static partial class MqttLog
{
    [LoggerMessage(1, LogLevel.Information, "MQTT connected to {Host}:{Port} as '{ClientId}' (session present: {SessionPresent})")]
    public static partial void Connected(ILogger logger, string host, int port, string clientId, bool sessionPresent);

    [LoggerMessage(2, LogLevel.Warning, "MQTT link to {Host}:{Port} lost: {Reason}; reconnecting in {DelayMs} ms")]
    public static partial void LinkLost(ILogger logger, string host, int port, string reason, long delayMs);

    [LoggerMessage(3, LogLevel.Warning, "MQTT connect to {Host}:{Port} failed: {Reason}; retrying in {DelayMs} ms")]
    public static partial void ConnectFailed(ILogger logger, string host, int port, string reason, long delayMs);

    [LoggerMessage(4, LogLevel.Error, "MQTT malformed packet from {Host}:{Port}, closing the connection: {Reason}")]
    public static partial void MalformedPacket(ILogger logger, string host, int port, string reason);

    [LoggerMessage(5, LogLevel.Warning, "MQTT broker {Host}:{Port} did not answer PINGREQ for {ElapsedMs} ms; closing the dead link")]
    public static partial void DeadLink(ILogger logger, string host, int port, long elapsedMs);

    [LoggerMessage(6, LogLevel.Debug, "MQTT PUBACK for packet id {PacketId}, which no publish is waiting for (ignored)")]
    public static partial void UnknownPubAck(ILogger logger, ushort packetId);

    [LoggerMessage(7, LogLevel.Information, "MQTT subscribed to {Count} topic filters (the broker kept no session)")]
    public static partial void Resubscribed(ILogger logger, int count);

    [LoggerMessage(8, LogLevel.Error, "MQTT link state handler threw")]
    public static partial void StateHandlerFailed(ILogger logger, Exception exception);

    [LoggerMessage(9, LogLevel.Information, "MQTT client '{ClientId}' stopped")]
    public static partial void Stopped(ILogger logger, string clientId);
}
