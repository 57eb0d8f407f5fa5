namespace GongGrid.Mqtt;

/// <summary>The message the broker publishes for this client if the link dies without a DISCONNECT.</summary>
public sealed record MqttWill(string Topic, ReadOnlyMemory<byte> Payload, MqttQos Qos = MqttQos.AtMostOnce, bool Retain = false);
