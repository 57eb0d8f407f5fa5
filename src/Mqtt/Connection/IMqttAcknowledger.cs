namespace GongGrid.Mqtt.Connection;

/// <summary>Where an inbound message sends its PUBACK: the connection it arrived on, and only that one.</summary>
internal interface IMqttAcknowledger
{
    /// <summary>Queues a PUBACK; false when the connection has closed (the broker will redeliver instead).</summary>
    bool Acknowledge(ushort packetId);
}
