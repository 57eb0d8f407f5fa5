namespace GongGrid.Mqtt;

/// <summary>
/// An operation could not finish because its connection closed (a SUBSCRIBE awaiting its SUBACK, a QoS 0 message
/// not yet written) or because the client was stopped (a QoS 1 message never acknowledged).
/// </summary>
public sealed class MqttConnectionClosedException(string message, Exception? inner = null) : MqttException(message, inner);
