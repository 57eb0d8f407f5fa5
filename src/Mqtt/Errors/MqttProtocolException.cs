namespace GongGrid.Mqtt;

/// <summary>
/// The peer sent bytes that are not valid MQTT 3.1.1 (the message names what was wrong). The connection that
/// received them is closed; <see cref="MqttClient"/> counts it and reconnects.
/// </summary>
public sealed class MqttProtocolException(string message) : MqttException(message);
